#pragma once
// What a person types in the search box, checked and folded to a search key.
#include <string_view>

#include "core/common/error.hpp"

namespace pw::registry {

inline constexpr std::size_t kMaxQueryLength = 100;
inline constexpr int kMaxSearchHits = 20;

// Ok: the search_key to look up. Error: a message for the person, e.g. "Enter a provider name...".
Result<std::string> search_key_for(std::string_view query);

}  // namespace pw::registry
