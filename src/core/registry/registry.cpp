#include "core/registry/registry.hpp"

#include <algorithm>

namespace pw::registry {

bool ProviderDetail::is_prime() const {
    return std::ranges::any_of(roles, [](const ProviderRole& r) { return !r.parent_prime; });
}

bool ProviderDetail::is_subcontractor() const {
    return std::ranges::any_of(roles, [](const ProviderRole& r) { return r.parent_prime.has_value(); });
}

}  // namespace pw::registry
