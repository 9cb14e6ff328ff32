#include "web/http/query.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/text/text.hpp"

namespace pw::web {

std::optional<Params> parse_query(std::string_view encoded) {
    Params params;
    if (encoded.empty()) return params;
    // Pointer and length, explicitly: a conversion through const char* would read to a NUL that
    // a request body does not have (found by fuzzing).
    auto parsed = boost::urls::parse_query(boost::core::string_view(encoded.data(), encoded.size()));
    if (!parsed) return std::nullopt;
    boost::urls::encoding_opts form;
    form.space_as_plus = true;  // HTML forms send a space as '+'
    for (const auto& param : *parsed) {
        std::string key = param.key.decode(form);
        std::string value = param.has_value ? param.value.decode(form) : std::string();
        if (!text::is_valid_utf8(key) || !text::is_valid_utf8(value)) return std::nullopt;
        params.try_emplace(std::move(key), std::move(value));
    }
    return params;
}

std::optional<std::string> canonical_query(std::string_view encoded, std::span<const std::string> keep) {
    const auto params = parse_query(encoded);
    if (!params) return std::nullopt;
    std::string out;
    for (const auto& name : keep) {
        const auto found = params->find(name);
        if (found == params->end()) continue;
        if (!out.empty()) out += '&';
        out += boost::urls::encode(name, boost::urls::unreserved_chars);
        out += '=';
        out += boost::urls::encode(found->second, boost::urls::unreserved_chars);
    }
    return out;
}

std::optional<long long> parse_id(std::string_view segment) {
    return text::parse_positive_int(segment, 1'000'000'000'000LL);
}

}  // namespace pw::web
