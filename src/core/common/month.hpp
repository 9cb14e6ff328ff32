#pragma once
// Participant content is dated to the month only (DESIGN.md, privacy rules).
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pw {

class Month {
public:
    static std::optional<Month> from(int year, int month);
    static std::optional<Month> parse(std::string_view yyyy_mm);  // "2026-11"
    static Month of(std::chrono::year_month_day day);             // the month a date falls in
    int year() const { return year_; }
    int month() const { return month_; }
    std::string to_string() const;  // "2026-11"
    std::string label() const;      // "November 2026"
    // Months since year 0: consecutive months differ by one.
    int index() const { return year_ * 12 + (month_ - 1); }
    // The month n months later (earlier when n < 0); nullopt outside years 1900-9999.
    std::optional<Month> plus(int n) const;
    friend auto operator<=>(const Month&, const Month&) = default;

private:
    Month(int year, int month) : year_(year), month_(month) {}
    int year_;
    int month_;
};

// "January" ... "December" for 1 ... 12.
std::string_view month_name(int month);

}  // namespace pw
