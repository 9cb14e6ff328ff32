#pragma once
// Calendar arithmetic for referral data, on plain day numbers (days since 1970-01-01) so a
// column of ten million dates is a column of ints. Working days here are Monday to Friday; the
// detection calendar (detection/unit_data.hpp) takes bank holidays off them (holidays.hpp).
#include <cstdint>
#include <optional>
#include <string_view>

namespace pw::analytics {

using Day = std::int32_t;  // days since 1970-01-01

// "2012-03-14" (exactly ten characters) to a day number; nullopt for anything else, including
// dates that do not exist (2013-02-29) and years outside 1900-2199.
std::optional<Day> parse_day(std::string_view text);
// Whether a text parse_day refused is a real date written YYYY-MM-DD whose year is outside 1900-2199
// ("1066-10-14"), so that the reason given is the year, not the writing.
bool date_out_of_range(std::string_view text);

Day day_from_civil(int year, int month, int day);
struct Civil {
    int year;
    int month;
    int day;
};
Civil civil_from_day(Day day);

// 0 = Monday ... 6 = Sunday.
inline int weekday(Day day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

// Weeks start on Monday; consecutive weeks differ by one.
inline std::int32_t week_of(Day day) { return static_cast<std::int32_t>((day - 4 + 7 * 100000) / 7 - 100000); }
inline Day monday_of_week(std::int32_t week) { return week * 7 + 4; }

// Months since year 0, as pw::Month::index().
inline std::int32_t month_of(Day day) {
    const Civil c = civil_from_day(day);
    return c.year * 12 + (c.month - 1);
}
Day first_day_of_month(std::int32_t month_index);
int days_in_month(std::int32_t month_index);

// Working days (Monday to Friday) in a month, and whether a day is one of the last `n` of them.
int working_days_in_month(std::int32_t month_index);
bool in_last_working_days_of_month(Day day, int n);

}  // namespace pw::analytics
