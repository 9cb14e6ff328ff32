#pragma once
// Response compression: brotli or gzip as the client accepts, for text bodies worth it. Static
// assets come compressed from the build (scripts/build-assets.sh); pages are compressed here.
#include <string>
#include <string_view>

#include "web/http/message.hpp"

namespace pw::web {

enum class Encoding { identity, gzip, brotli };

// The best encoding an Accept-Encoding header allows: brotli, then gzip; q=0 refuses one.
Encoding choose_encoding(std::string_view accept_encoding);
std::string_view encoding_name(Encoding encoding);  // "br", "gzip", "identity"

std::string gzip_compress(std::string_view body, int level = 6);
std::string brotli_compress(std::string_view body, int quality = 5);

// Compresses a text response of at least 1 KB not already encoded, and says it varies by
// Accept-Encoding (whatever was chosen, so a shared cache never serves one client's to another).
void compress_response(Response& response, Encoding encoding);

}  // namespace pw::web
