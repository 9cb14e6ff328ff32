// Cookie header parsing.
#include <cstdint>
#include <string_view>

#include "web/http/cookies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view header(reinterpret_cast<const char*>(data), size);
    (void)pw::web::cookie_value(header, pw::web::kSessionCookie);
    (void)pw::web::cookie_value(header, "a");
    return 0;
}
