#pragma once
// Complaints and suggestions keep the ISO week they were made: their clocks (an answer within 4
// weeks, a final response within 8) need it, and the provider sees them arrive anyway.
// Everything else a participant sends stays dated to the month.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/month.hpp"

namespace pw {

class Week {
public:
    Week() = default;  // 2000-W01: a placeholder until a real week is set
    // The ISO week a day falls in: weeks start on Monday, and week 1 holds the year's first Thursday.
    static Week of(std::chrono::year_month_day day);
    static std::optional<Week> parse(std::string_view text);  // "2026-W49"
    int year() const { return year_; }                        // the ISO year, which may differ from the day's
    int number() const { return number_; }
    std::string to_string() const;  // "2026-W49"
    std::chrono::sys_days monday() const;
    // The month of the week's Thursday: the month the week is shown under.
    Month month() const;
    // The week n weeks later (earlier when n < 0).
    Week plus(int n) const;
    friend auto operator<=>(const Week&, const Week&) = default;

private:
    Week(int year, int number) : year_(year), number_(number) {}
    int year_ = 2000;
    int number_ = 1;
};

// Whole weeks from `from` to `to` (negative when `to` is earlier).
int weeks_between(Week from, Week to);

}  // namespace pw
