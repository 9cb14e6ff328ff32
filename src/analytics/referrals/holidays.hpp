#pragma once
// Bank holidays of the UK's three calendars (England and Wales, Scotland, Northern Ireland),
// from data/calendar/bank_holidays.csv, which is built into the program. Offices are closed on
// them, so the detection tests neither expect referrals on them nor count them as month ends.
#include <optional>
#include <string_view>

#include "analytics/referrals/dates.hpp"

namespace pw::analytics {

enum class Nation : std::uint8_t { england_and_wales, scotland, northern_ireland };
inline constexpr Nation kNations[] = {Nation::england_and_wales, Nation::scotland, Nation::northern_ireland};

// "england", "wales", "england-and-wales", "scotland", "northern-ireland" (any case; spaces,
// hyphens and underscores alike); nullopt for anything else.
std::optional<Nation> nation_from(std::string_view text);
std::string_view nation_name(Nation nation);  // "england-and-wales" ...

bool bank_holiday(Day day, Nation nation);

// The years the data covers; outside them no day is known to be a bank holiday.
struct HolidayYears {
    int first = 0, last = 0;
};
HolidayYears bank_holiday_years();

}  // namespace pw::analytics
