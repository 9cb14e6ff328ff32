#pragma once
// The mandatory reconsideration deadline: one calendar month from the date of the decision
// (the last day of the next month when it has fewer days). Pure: today is passed in.
#include <chrono>
#include <optional>
#include <string_view>

namespace pw::sanctions {

using Date = std::chrono::year_month_day;

Date reconsideration_deadline(Date decision);
// Days from today to the deadline, the deadline day included as a day left; negative when past.
long days_left(Date today, Date deadline);
// "2026-11-22", or nullopt.
std::optional<Date> parse_date(std::string_view yyyy_mm_dd);
// A date as a person types it off a letter: 2026-11-03, or day first as in the UK, 3/11/2026,
// 03.11.2026, 3-11-26 or 3 11 2026 (a two-digit year is this century's).
std::optional<Date> parse_typed_date(std::string_view typed);

}  // namespace pw::sanctions
