#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <boost/math/distributions/students_t.hpp>

#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

namespace {

// One whole week of a unit: the days it was open and how many of them end a month, and the
// referrals it made on open days and on those month-end days.
struct Week {
    int open = 0;
    int month_end = 0;
    std::int64_t referrals = 0;
    std::int64_t at_month_end = 0;
};

// The whole weeks of the calendar, less any the unit's counts mark as weeks it was not there.
std::vector<Week> weeks_of(const UnitData& unit) {
    const Calendar& calendar = *unit.calendar;
    const std::int32_t first = week_of(calendar.first());
    std::vector<Week> weeks(static_cast<std::size_t>(week_of(calendar.last()) - first + 1));
    for (std::size_t t = 0; t < weeks.size(); ++t) {
        const std::int32_t week = first + static_cast<std::int32_t>(t);
        const Day monday = monday_of_week(week);
        if (!calendar.in_complete_week(monday)) continue;
        const auto known = static_cast<std::int64_t>(week) - unit.first_period;
        if (!unit.counts.empty() && (known < 0 || known >= static_cast<std::int64_t>(unit.counts.size()) ||
                                     unit.counts[static_cast<std::size_t>(known)] < 0))
            continue;
        for (Day d = monday; d < monday + 7; ++d)
            if (calendar.open(unit.open_days, d)) ++weeks[t].open, weeks[t].month_end += calendar.month_end(d);
    }
    for (const auto& r : unit.referrals) {
        if (!calendar.covers(r.day) || !calendar.open(unit.open_days, r.day)) continue;
        auto& week = weeks[static_cast<std::size_t>(week_of(r.day) - first)];
        if (week.open == 0) continue;
        ++week.referrals;
        week.at_month_end += calendar.month_end(r.day);
    }
    return weeks;
}

struct MonthEnd {
    std::int64_t n = 0, x = 0;  // referrals in whole weeks, and on month-end days
    double share = 0;           // month-end days' share of the open days
    double spread = 1;          // how much more the excess varies over the weeks than chance alone makes it
    double p = 1;
};

// Referrals on the month's last working days against what the unit's other open days predict for
// them: D = x - k (n - x), k = E / (O - E) for E month-end days of O open days. A binomial would do
// if every referral fell on its day alone; but a busy week lifts every day in it and everyone in
// the office, month-end days with the rest. D is a sum over weeks, so its variance is taken from
// the weeks themselves: each week's excess less what the month-end days' and the other days' own
// rates give it, squared and summed (with the weeks less two, for the two rates, and Student's t).
// That holds whatever makes weeks differ: busy spells, staffing, seasons.
MonthEnd month_end_of(const std::vector<Week>& weeks) {
    MonthEnd m;
    double open = 0, ends = 0, n_weeks = 0;
    for (const auto& w : weeks)
        if (w.open > 0) m.n += w.referrals, m.x += w.at_month_end, open += w.open, ends += w.month_end, ++n_weeks;
    if (ends <= 0 || ends >= open || m.n == 0 || n_weeks < 8) return m;
    m.share = ends / open;
    const double end_rate = static_cast<double>(m.x) / ends;
    const double rate = static_cast<double>(m.n - m.x) / (open - ends);
    const double k = ends / (open - ends);
    double variance = 0;
    for (const auto& w : weeks) {
        if (w.open == 0) continue;
        const double at_end = static_cast<double>(w.at_month_end) - end_rate * w.month_end;
        const double rest = static_cast<double>(w.referrals - w.at_month_end) - rate * (w.open - w.month_end);
        variance += (at_end - k * rest) * (at_end - k * rest);
    }
    variance *= n_weeks / (n_weeks - 2);
    // Half a referral off, as P(X >= x) = P(X > x - 1/2) for a count.
    const double d = static_cast<double>(m.x) - k * static_cast<double>(m.n - m.x) - (1 + k) / 2;
    if (variance <= 0) {
        m.p = d > 0 ? 0 : 1;
        return m;
    }
    m.spread = std::sqrt(variance / (rate * ends * open / (open - ends)));
    m.p = boost::math::cdf(boost::math::complement(boost::math::students_t(n_weeks - 2), d / std::sqrt(variance)));
    return m;
}

}  // namespace

TestResult period_end_test(const UnitData& unit) {
    TestResult result;
    result.kind = TestKind::period_end;
    if (!unit.calendar) {
        result.not_run = "needs the date of each referral (events input)";
        return result;
    }
    const Calendar& calendar = *unit.calendar;
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    // The last open day of each week, against 1 / the week's open days (not Monday to Friday: a
    // part-time office is not a quota). Given each week's count this is exact, busy weeks or not.
    std::int64_t week_n = 0, week_x = 0;
    double week_expected = 0;
    for (const auto& r : unit.referrals) {
        if (!calendar.open(unit.open_days, r.day) || !calendar.in_complete_week(r.day)) continue;
        const auto i = static_cast<std::size_t>(r.day - calendar.first());
        ++week_n;
        week_x += shares.is_last[i];
        week_expected += shares.last_open[i];
    }
    const MonthEnd month = month_end_of(weeks_of(unit));
    if (month.n < 20 && week_n < 20) {
        result.not_run = "needs at least 20 referrals on open days in whole weeks";
        return result;
    }
    // For the week: a binomial on the mean chance; the days' chances differ a little (bank holidays),
    // which only narrows the true spread, so the p-value errs high.
    const double week_share = week_n ? week_expected / static_cast<double>(week_n) : 0;
    const double p_month = month.n >= 20 && month.share > 0 ? month.p : 1;
    const double p_week = week_n >= 20 && week_share < 1 ? binomial_upper(week_x, week_n, week_share) : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_month, p_week));
    const double month_observed = month.n ? static_cast<double>(month.x) / static_cast<double>(month.n) : 0;
    const double week_observed = week_n ? static_cast<double>(week_x) / static_cast<double>(week_n) : 0;
    result.effect = month.share > 0 ? month_observed / month.share : 0;
    result.statistic = month_observed;
    result.effect_text = fmt::format(
        "{:.0f}% of referrals fall in a month's last 5 working days, against {:.0f}% of the days the unit is open "
        "({:.2f} times; its weeks make that share vary {:.2f} times as much as chance alone); {:.0f}% fall on the "
        "last day it is open in the week, against {:.0f}%",
        100 * month_observed, 100 * month.share, result.effect, month.spread, 100 * week_observed,
        100 * week_share);
    result.chart = {{"last 5 working days of the month", 100 * month_observed, 100 * month.share},
                    {"last open day of the week", 100 * week_observed, 100 * week_share}};
    return result;
}

}  // namespace pw::analytics
