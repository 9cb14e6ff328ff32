#pragma once
// 6. Within-area comparison: participants were allocated at random among the providers of an
// area, so their referral rates and adverse shares can be compared directly (chi-square over
// the area's providers, and each provider against the rest of its area).
#include <optional>
#include <vector>

#include "analytics/detection/detect.hpp"

namespace pw::analytics {

// Events outside [from, to] (when given) are left out, as they are from the per-unit tests.
std::vector<ProviderComparison> compare_providers(const Events& events, std::optional<Day> from = {},
                                                  std::optional<Day> to = {});
std::vector<ProviderComparison> compare_providers(const Counts& counts);

}  // namespace pw::analytics
