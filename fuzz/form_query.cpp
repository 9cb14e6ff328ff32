// Form and query decoding, and the form checks behind it.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/ratings/submission.hpp"
#include "core/sanctions/case_form.hpp"
#include "web/http/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // As in the server, the text lives in a std::string: Boost.URL 1.81's parse_query reads up to
    // a terminating NUL (strlen inside the library), which a raw fuzzer buffer lacks.
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto params = pw::web::parse_query(text);
    if (!params) return 0;
    (void)pw::ratings::check_rating(*params);
    (void)pw::sanctions::check_case(*params, *pw::Month::parse("2026-11"));
    for (const auto& [key, value] : *params) (void)pw::web::parse_id(value);
    return 0;
}
