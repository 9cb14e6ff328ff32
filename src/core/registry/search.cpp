#include "core/registry/search.hpp"

#include <fmt/format.h>

#include "core/text/text.hpp"

namespace pw::registry {

Result<std::string> search_key_for(std::string_view query) {
    query = text::trim(query);
    if (query.empty()) {
        return fail(ErrorKind::invalid_input, "Enter a provider name, town or postcode district");
    }
    if (query.size() > kMaxQueryLength) {
        return fail(ErrorKind::invalid_input, fmt::format("Search must be {} characters or fewer", kMaxQueryLength));
    }
    if (!text::is_valid_utf8(query)) {
        return fail(ErrorKind::invalid_input, "Search must only use letters, numbers and punctuation");
    }
    auto key = text::search_key(query);
    if (key.empty()) {
        return fail(ErrorKind::invalid_input, "Search must include at least one letter or number");
    }
    return key;
}

}  // namespace pw::registry
