#include <algorithm>
#include <fmt/format.h>

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
    std::int64_t month_n = 0, month_x = 0, week_n = 0, week_x = 0;
    double month_expected = 0;
    for (const auto& r : unit.referrals) {
        if (!calendar.working(r.day)) continue;
        if (calendar.in_complete_month(r.day)) {
            ++month_n;
            month_x += calendar.month_end(r.day);
            month_expected += calendar.month_end_share(r.day);
        }
        if (calendar.in_complete_week(r.day)) {
            ++week_n;
            week_x += calendar.friday(r.day);
        }
    }
    if (month_n < 20 && week_n < 20) {
        result.not_run = "needs at least 20 referrals on working days in whole months or weeks";
        return result;
    }
    const double month_share = month_n ? month_expected / static_cast<double>(month_n) : 0;
    const double p_month = month_n >= 20 ? binomial_upper(month_x, month_n, month_share) : 1;
    const double p_week = week_n >= 20 ? binomial_upper(week_x, week_n, 0.2) : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_month, p_week));
    const double month_observed = month_n ? static_cast<double>(month_x) / static_cast<double>(month_n) : 0;
    const double week_observed = week_n ? static_cast<double>(week_x) / static_cast<double>(week_n) : 0;
    result.effect = month_share > 0 ? month_observed / month_share : 0;
    result.statistic = month_observed;
    result.effect_text = fmt::format(
        "{:.0f}% of referrals fall in a month's last 5 working days, against {:.0f}% of working days ({:.2f} times); "
        "{:.0f}% fall on a Friday, against 20%",
        100 * month_observed, 100 * month_share, result.effect, 100 * week_observed);
    result.chart = {{"last 5 working days of the month", 100 * month_observed, 100 * month_share},
                    {"Fridays", 100 * week_observed, 20}};
    return result;
}

}  // namespace pw::analytics
