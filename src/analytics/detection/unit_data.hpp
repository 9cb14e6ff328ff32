#pragma once
// What every per-unit test reads: the unit's counts per period (week or month), its referrals
// with their days and decisions when the input has them, and what its peers did each period.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

struct Referral {
    Day day = 0;
    Decision decision = Decision::pending;
    Review reconsideration = Review::none;
};

// Facts about each day of the data's range, worked out once for every unit.
class Calendar {
public:
    Calendar() = default;
    Calendar(Day first, Day last);
    static constexpr int kMonthEndDays = 5;  // "period end" = the month's last 5 working days
    bool covers(Day d) const { return d >= first_ && d <= last_; }
    bool working(Day d) const { return flag(d, 1); }
    bool month_end(Day d) const { return flag(d, 2); }
    bool friday(Day d) const { return flag(d, 4); }
    bool in_complete_month(Day d) const { return flag(d, 8); }
    bool in_complete_week(Day d) const { return flag(d, 16); }
    // Share of its month's working days that are month-end days (5 / working days).
    double month_end_share(Day d) const { return covers(d) ? share_[static_cast<std::size_t>(d - first_)] : 0; }

private:
    bool flag(Day d, std::uint8_t bit) const {
        return covers(d) && (flags_[static_cast<std::size_t>(d - first_)] & bit) != 0;
    }
    Day first_ = 0, last_ = -1;
    std::vector<std::uint8_t> flags_;
    std::vector<double> share_;
};

struct UnitData {
    std::int32_t first_period = 0;        // week or month index of counts[0]
    std::vector<std::int32_t> counts;     // per period; -1 where the input has no row
    std::vector<std::int32_t> adverse;    // per period when known (counts input), else empty
    std::vector<Referral> referrals;      // events input only
    const Calendar* calendar = nullptr;   // events input only
};

// Peer baseline for one unit: over-dispersion of peers' weekly counts, and their median count
// in each period (for the league race).
struct Peers {
    double dispersion = 0;                 // alpha in var = mean + alpha * mean^2
    std::int32_t first_period = 0;
    std::span<const double> median;        // per period from first_period
    std::size_t size = 0;                  // how many units the baseline came from
};

// Mean and over-dispersion (method of moments, >= 0) of the observed periods.
struct Moments {
    std::size_t periods = 0;
    double mean = 0;
    double variance = 0;
    double alpha() const;
};
Moments moments(std::span<const std::int32_t> counts);

// The median (the mean of the middle two for an even count); NaN when empty. Reorders values.
double median_of(std::vector<double>& values);

}  // namespace pw::analytics
