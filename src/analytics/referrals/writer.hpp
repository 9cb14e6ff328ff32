#pragma once
// Referral events and counts written as the CSV the readers take (docs/referral-data.md).
#include <string>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

std::string events_csv(const Events& events);
std::string counts_csv(const Counts& counts);        // weekly periods are written as ISO weeks
std::string open_days_text(std::uint8_t open_days);  // "thu,fri" for bits 3 and 4 (0 = Monday)

}  // namespace pw::analytics
