#pragma once
// Query strings and form bodies, decoded with Boost.URL: no hand-written parser.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/common/form.hpp"

namespace pw::web {

using Params = FormFields;

// nullopt when the text is not valid percent-encoding or not UTF-8; a repeated key keeps
// its first value. The text must be NUL-terminated storage (a std::string's): Boost.URL 1.81
// reads to the terminator inside parse_query.
std::optional<Params> parse_query(std::string_view encoded);

// The query a cached public page may see: only the parameters it declares, in the declared
// order, re-encoded; nullopt when the text cannot be decoded (the page answers that itself).
// Any other parameter cannot change the page, so a flood of made-up query strings finds the
// page already made.
std::optional<std::string> canonical_query(std::string_view encoded, std::span<const std::string> keep);

// A positive id from a path segment ("12"), or nullopt.
std::optional<long long> parse_id(std::string_view segment);

}  // namespace pw::web
