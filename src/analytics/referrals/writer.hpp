#pragma once
// Referral events and counts written as the CSV the readers take (docs/referral-data.md).
#include <string>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

std::string events_csv(const Events& events);
std::string counts_csv(const Counts& counts);  // weekly periods are written as ISO weeks

}  // namespace pw::analytics
