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

}  // namespace pw::sanctions
