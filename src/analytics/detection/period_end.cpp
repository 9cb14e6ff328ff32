#include <fmt/format.h>
#include <algorithm>

#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

TestResult period_end_test(const UnitData& unit) {
    TestResult result;
    result.kind = TestKind::period_end;
    if (!unit.calendar) {
        result.not_run = "needs the date of each referral (events input)";
        return result;
    }
    const Calendar& calendar = *unit.calendar;
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    // Each referral on a day the unit is open, against the chance of its day were referrals spread
    // evenly over the unit's open days (not over Monday to Friday: a part-time office is not a quota).
    std::int64_t month_n = 0, month_x = 0, week_n = 0, week_x = 0;
    double month_expected = 0, week_expected = 0;
    for (const auto& r : unit.referrals) {
        if (!calendar.open(unit.open_days, r.day)) continue;
        const auto i = static_cast<std::size_t>(r.day - calendar.first());
        if (calendar.in_complete_month(r.day)) {
            ++month_n;
            month_x += calendar.month_end(r.day);
            month_expected += shares.month_end[i];
        }
        if (calendar.in_complete_week(r.day)) {
            ++week_n;
            week_x += shares.is_last[i];
            week_expected += shares.last_open[i];
        }
    }
    if (month_n < 20 && week_n < 20) {
        result.not_run = "needs at least 20 referrals on open days in whole months or weeks";
        return result;
    }
    // A binomial on the mean chance: the days' chances differ a little (bank holidays), which only
    // narrows the true spread, so the p-value errs high.
    const double month_share = month_n ? month_expected / static_cast<double>(month_n) : 0;
    const double week_share = week_n ? week_expected / static_cast<double>(week_n) : 0;
    const double p_month = month_n >= 20 && month_share > 0 ? binomial_upper(month_x, month_n, month_share) : 1;
    const double p_week = week_n >= 20 && week_share < 1 ? binomial_upper(week_x, week_n, week_share) : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_month, p_week));
    const double month_observed = month_n ? static_cast<double>(month_x) / static_cast<double>(month_n) : 0;
    const double week_observed = week_n ? static_cast<double>(week_x) / static_cast<double>(week_n) : 0;
    result.effect = month_share > 0 ? month_observed / month_share : 0;
    result.statistic = month_observed;
    result.effect_text = fmt::format(
        "{:.0f}% of referrals fall in a month's last 5 working days, against {:.0f}% of the days the unit is open "
        "({:.2f} times); {:.0f}% fall on the last day it is open in the week, against {:.0f}%",
        100 * month_observed, 100 * month_share, result.effect, 100 * week_observed, 100 * week_share);
    result.chart = {{"last 5 working days of the month", 100 * month_observed, 100 * month_share},
                    {"last open day of the week", 100 * week_observed, 100 * week_share}};
    return result;
}

}  // namespace pw::analytics
