#pragma once
// What every per-unit test reads: the unit's counts per period (week or month), its referrals
// with their days and decisions when the input has them, and what its peers did each period.
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

struct Referral {
    Day day = 0;
    Decision decision = Decision::pending;
    Review reconsideration = Review::none;
};

inline constexpr std::uint8_t kMondayToFriday = 0x1f;

// For a unit open on some weekdays: which day of each week is the last it is open.
struct OpenDayShares {
    std::vector<std::uint8_t> is_last;  // per day of the calendar: 1 on the last day the unit is open in its week
};

// Facts about each day of the data's range in one nation's calendar (its bank holidays),
// worked out once for every unit.
class Calendar {
public:
    Calendar() = default;
    Calendar(Day first, Day last, Nation nation = Nation::england_and_wales);
    static constexpr int kMonthEndDays = 5;  // "period end" = the month's last 5 working days
    bool covers(Day d) const { return d >= first_ && d <= last_; }
    bool working(Day d) const { return flag(d, 1); }  // Monday to Friday and not a bank holiday
    // In the month's end: its last 5 working days and any weekend day or bank holiday among them or
    // after them (a unit open on Saturdays works the month end on them too).
    bool month_end(Day d) const { return flag(d, 2); }
    bool holiday(Day d) const { return flag(d, 4); }
    bool in_complete_month(Day d) const { return flag(d, 8); }
    bool in_complete_week(Day d) const { return flag(d, 16); }
    // A day a unit open on `open_days` (bit 0 = Monday) works: one of those weekdays, not a bank holiday.
    static bool open_on(std::uint8_t open_days, Day d) { return (open_days >> weekday(d)) & 1; }
    bool open(std::uint8_t open_days, Day d) const { return covers(d) && !holiday(d) && open_on(open_days, d); }
    // Open days of `open_days` in the week holding d.
    int open_in_week(std::uint8_t open_days, Day d) const;
    // Works out each week's last open day for a set of open days (Monday to Friday is always ready); call it
    // before threads read them.
    void prepare(std::uint8_t open_days);
    const OpenDayShares& shares(std::uint8_t open_days) const;
    Day first() const { return first_; }
    Day last() const { return last_; }
    Nation nation() const { return nation_; }

private:
    std::size_t at(Day d) const { return static_cast<std::size_t>(d - first_); }
    bool flag(Day d, std::uint8_t bit) const { return covers(d) && (flags_[at(d)] & bit) != 0; }
    Day first_ = 0, last_ = -1;
    Nation nation_ = Nation::england_and_wales;
    std::vector<std::uint8_t> flags_;
    std::vector<std::unique_ptr<OpenDayShares>> shares_ = std::vector<std::unique_ptr<OpenDayShares>>(128);
};

struct UnitData {
    UnitData() = default;
    explicit UnitData(std::pmr::memory_resource* store) : referrals(store) {}  // see ReferralStore
    std::int32_t first_period = 0;             // week or month index of counts[0]
    std::vector<std::int32_t> counts;          // per period; -1 where the input has no row
    std::vector<std::int32_t> adverse;         // per period when known (counts input), else empty
    std::pmr::vector<Referral> referrals;      // events input only (a panel's share its store: see Panel)
    const Calendar* calendar = nullptr;        // events input only
    std::uint8_t open_days = kMondayToFriday;  // weekdays the unit works (bit 0 = Monday)
};

// Peer baseline for one unit: over-dispersion of peers' weekly counts, and their median count
// in each period (for the league race).
struct Peers {
    double dispersion = 0;  // alpha in var = mean + alpha * mean^2
    std::int32_t first_period = 0;
    std::span<const double> median;  // per period from first_period
    std::size_t size = 0;            // how many units the baseline came from
};

// Mean and over-dispersion (method of moments, >= 0) of the observed periods.
struct Moments {
    std::size_t periods = 0;
    double mean = 0;
    double variance = 0;
    double alpha() const;
};
Moments moments(std::span<const std::int32_t> counts);

// True when a unit's counts look as if its weeks with no referrals were left out of the file: none
// of its known periods is 0, yet some period between its first and last known ones is missing.
// Counts truncated at 1 look steadier than chance and floored at 1, so the floor and dispersion
// tests do not run on them.
bool zeros_left_out(std::span<const std::int32_t> counts);
inline constexpr std::string_view kZerosLeftOut =
    "periods are missing between this unit's first and last, and none of its periods has 0 referrals: if those "
    "are periods with no referrals, write them as 0 (a file that leaves them out looks like a floor)";

// The median (the mean of the middle two for an even count); NaN when empty. Reorders values.
double median_of(std::vector<double>& values);

}  // namespace pw::analytics
