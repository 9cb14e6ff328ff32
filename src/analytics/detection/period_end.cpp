#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/detection/distributions.hpp"
#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

namespace {

// One whole week of a unit: the days it was open and how many of them end a month, and the
// referrals it made on open days, on those month-end days, on its last open day and on each
// weekday.
struct Week {
    int open = 0;
    int month_end = 0;
    std::int64_t referrals = 0;
    std::int64_t at_month_end = 0;
    std::int64_t on_last_day = 0;
    std::array<std::int32_t, 7> by_weekday{};  // referrals on each open weekday
    int last = -1;                             // the weekday of its last open day
};

// Whether the unit was there in a week: one of its counts' weeks it has a count for (the panel's
// whole weeks), or without counts one of the calendar's whole weeks.
bool there_in(const UnitData& unit, std::int32_t week) {
    if (unit.counts.empty()) return unit.calendar->in_complete_week(monday_of_week(week));
    const auto known = static_cast<std::int64_t>(week) - unit.first_period;
    return known >= 0 && known < static_cast<std::int64_t>(unit.counts.size()) &&
           unit.counts[static_cast<std::size_t>(known)] >= 0;
}

// The unit's weeks it was there for.
std::vector<Week> weeks_of(const UnitData& unit) {
    const Calendar& calendar = *unit.calendar;
    const std::int32_t first = week_of(calendar.first());
    std::vector<Week> weeks(static_cast<std::size_t>(week_of(calendar.last()) - first + 1));
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    for (std::size_t t = 0; t < weeks.size(); ++t) {
        const std::int32_t week = first + static_cast<std::int32_t>(t);
        const Day monday = monday_of_week(week);
        if (!there_in(unit, week)) continue;
        for (Day d = monday; d < monday + 7; ++d) {
            if (!calendar.open(unit.open_days, d)) continue;
            ++weeks[t].open, weeks[t].month_end += calendar.month_end(d);
            if (shares.is_last[static_cast<std::size_t>(d - calendar.first())]) weeks[t].last = weekday(d);
        }
    }
    for (const auto& r : unit.referrals) {
        if (!calendar.covers(r.day) || !calendar.open(unit.open_days, r.day)) continue;
        auto& week = weeks[static_cast<std::size_t>(week_of(r.day) - first)];
        if (week.open == 0) continue;
        ++week.referrals;
        week.at_month_end += calendar.month_end(r.day);
        ++week.by_weekday[static_cast<std::size_t>(weekday(r.day))];
        if (shares.is_last[static_cast<std::size_t>(r.day - calendar.first())]) ++week.on_last_day;
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
// rates give it, squared and summed (scaled by the weeks over the weeks less two, for the two
// rates). That holds whatever makes weeks differ: busy spells, staffing, seasons.
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
    double squares = 0, fourths = 0;
    for (const auto& w : weeks) {
        if (w.open == 0) continue;
        const double at_end = static_cast<double>(w.at_month_end) - end_rate * w.month_end;
        const double rest = static_cast<double>(w.referrals - w.at_month_end) - rate * (w.open - w.month_end);
        const double r2 = (at_end - k * rest) * (at_end - k * rest);
        squares += r2, fourths += r2 * r2;
    }
    // Never narrower than chance: referrals made one by one vary at least as a Poisson count does.
    // When the weeks' own spread is wider, it is an estimate that a few weeks (those holding month
    // ends) carry: Student's t on Satterthwaite's (sum r^2)^2 / sum r^4 degrees of freedom, at most
    // the weeks less two. When chance's is wider, it is known: a normal tail.
    const double poisson = (m.n - m.x) > 0 ? rate * ends * open / (open - ends) : 0;
    const double measured = squares * n_weeks / (n_weeks - 2);
    const double variance = std::max(measured, poisson);
    const double df = measured > poisson && fourths > 0 ? std::clamp(squares * squares / fourths, 1.0, n_weeks - 2)
                                                        : std::numeric_limits<double>::infinity();
    // Half a referral off, as P(X >= x) = P(X > x - 1/2) for a count.
    const double d = static_cast<double>(m.x) - k * static_cast<double>(m.n - m.x) - (1 + k) / 2;
    if (variance <= 0) return m;  // every referral on month-end days, the same each week: nothing to test against
    m.spread = poisson > 0 ? std::sqrt(variance / poisson) : 1;
    m.p = std::isinf(df)
              ? normal_upper(d / std::sqrt(variance))
              : boost::math::cdf(boost::math::complement(dist::StudentsT(df), d / std::sqrt(variance)));
    return m;
}

// Whether the month-end excess follows the month's shortfall. For each whole month the unit was
// there for: how far the referrals on its earlier open days fell short of the unit's usual pace on
// such days, and how far its month-end days went over that pace. A target made up at the month end
// makes the excess larger in months that fell short; a fixed monthly event (a caseload review in
// the month's last week) makes it the same every month; a busy or quiet spell across the month's
// weeks lowers both together. A reading for whoever weighs the month part, not a test of its own:
// a year is only twelve months.
struct MonthByMonth {
    std::size_t months = 0;
    bool read = false;  // false when the shortfalls or the excesses were the same every month
    double slope = 0;   // month-end referrals over the pace, per referral the earlier days fell short
    double r = 0;       // their correlation
    double p = 1;       // one-sided, that the excess rises with the shortfall
};

// A week the unit was not there for (the panel marks it -1: before it opened, after it closed).
// Days in the part-weeks at the ends of the period are outside the counts, and count as there.
bool absent_in(const UnitData& unit, std::int32_t week) {
    const auto known = static_cast<std::int64_t>(week) - unit.first_period;
    return known >= 0 && known < static_cast<std::int64_t>(unit.counts.size()) &&
           unit.counts[static_cast<std::size_t>(known)] < 0;
}

MonthByMonth month_by_month(const UnitData& unit) {
    MonthByMonth out;
    const Calendar& calendar = *unit.calendar;
    struct Month {
        int early_days = 0, end_days = 0;
        std::int64_t early = 0, end = 0;
        bool whole = true;
    };
    const std::int32_t first = month_of(calendar.first());
    std::vector<Month> months(static_cast<std::size_t>(month_of(calendar.last()) - first + 1));
    for (Day d = calendar.first(); d <= calendar.last(); ++d) {
        auto& m = months[static_cast<std::size_t>(month_of(d) - first)];
        if (!calendar.in_complete_month(d) || absent_in(unit, week_of(d))) m.whole = false;
        if (!calendar.open(unit.open_days, d)) continue;
        (calendar.month_end(d) ? m.end_days : m.early_days) += 1;
    }
    for (const auto& r : unit.referrals) {
        if (!calendar.covers(r.day) || !calendar.open(unit.open_days, r.day)) continue;
        auto& m = months[static_cast<std::size_t>(month_of(r.day) - first)];
        (calendar.month_end(r.day) ? m.end : m.early) += 1;
    }
    auto counted = [](const Month& m) { return m.whole && m.early_days > 0 && m.end_days > 0; };
    double early = 0, early_days = 0;
    for (const auto& m : months)
        if (counted(m)) early += static_cast<double>(m.early), early_days += m.early_days;
    if (early_days <= 0) return out;
    const double pace = early / early_days;
    std::vector<double> short_by, over_by;
    for (const auto& m : months)
        if (counted(m)) {
            short_by.push_back(pace * m.early_days - static_cast<double>(m.early));
            over_by.push_back(static_cast<double>(m.end) - pace * m.end_days);
        }
    out.months = short_by.size();
    if (out.months < 6) return out;
    const double n = static_cast<double>(out.months);
    double sx = 0, sy = 0;
    for (std::size_t i = 0; i < out.months; ++i) sx += short_by[i], sy += over_by[i];
    double xx = 0, yy = 0, xy = 0;
    for (std::size_t i = 0; i < out.months; ++i) {
        const double dx = short_by[i] - sx / n, dy = over_by[i] - sy / n;
        xx += dx * dx, yy += dy * dy, xy += dx * dy;
    }
    if (xx <= 0 || yy <= 0) return out;
    out.read = true;
    out.slope = xy / xx;
    out.r = std::clamp(xy / std::sqrt(xx * yy), -1.0, 1.0);
    if (std::abs(out.r) >= 1) {
        out.p = out.r > 0 ? 0 : 1;
        return out;
    }
    const double t = out.r * std::sqrt((n - 2) / (1 - out.r * out.r));
    out.p = boost::math::cdf(boost::math::complement(dist::StudentsT(n - 2), t));
    return out;
}

// The words for a month part that found an excess.
std::string month_by_month_text(const MonthByMonth& m) {
    if (m.months < 6) return {};
    if (!m.read)
        return fmt::format(
            "; month by month over {} months, the excess could not be read against the months' shortfalls (one or "
            "the other was the same every month)",
            m.months);
    const std::string p = m.p < 0.001 ? "< 0.001" : fmt::format("{:.3f}", m.p);
    if (m.p <= 0.05)
        return fmt::format(
            "; month by month over {} months, the month-end excess was larger in months whose earlier days had "
            "fallen short of the unit's usual pace (r {:+.2f}, one-sided p {}; {:+.2f} more at the month end per "
            "referral short): a target made up at the month end does this, and so does work put off from earlier "
            "in the month (absences made up, a backlog logged at the month end)",
            m.months, m.r, p, m.slope);
    return fmt::format(
        "; month by month over {} months, the month-end excess was not clearly larger in months whose earlier days "
        "had fallen short of the unit's usual pace (r {:+.2f}, one-sided p {}): an excess the same every month is "
        "what a fixed monthly event makes, such as reviews in the month's last week; a target made up at the month "
        "end would make it larger in short months, though {} months may be too few to show it",
        m.months, m.r, p, m.months);
}

struct TopUp {
    std::size_t weeks = 0;                 // whole weeks with the unit's usual number of open days and a referral
    double z = 0;                          // the trend of the last day's share in the week's total; negative: a top-up
    double share = 0, expected_share = 0;  // of referrals on the last open day, and 1 / open days
    double bunching = 1;                   // how much lumps on the other days widen the trend's variance
    bool ran = false;
    double p = 1;
};

// Sum over a unit's weeks of its lumps' same-day pairs, k (k - 1) for a lump of k, times the week's
// (n - mean)^2. They are read off the week's other open days, where a quota's top-ups do not fall:
// there sum c (c - 1) exceeds m (m - 1) sum q^2 (its m referrals there, q those days' shares over
// the unit's weeks) by (1 - p) (1 - sum q^2) of the lumps' pairs on average (a lump lands there with
// chance 1 - p, and sum q^2 of its pairs single referrals would have made as well), so the excess is
// divided by that. A unit open two days a week has one other day, where a lump cannot be told from
// a busy day (sum q^2 is 1): its pairs are read off both days, the last one too, by the same
// algebra with p = 1. That counts a quota's top-ups as pairs as well, but a top-up brings a short
// week back to the quota, near the mean, where (n - mean)^2 weighs it little; a lump makes a week
// big, where it weighs most.
double lump_pairs(const std::vector<Week>& weeks, int usual, double mean_total, double share) {
    auto counted = [usual](const Week& w) { return w.open == usual && w.referrals > 0; };
    auto read = [&](bool with_last) {
        std::array<double, 7> on_weekday{};
        double all = 0;
        for (const auto& w : weeks)
            if (counted(w))
                for (int d = 0; d < 7; ++d)
                    if (with_last || d != w.last) {
                        on_weekday[static_cast<std::size_t>(d)] += w.by_weekday[static_cast<std::size_t>(d)];
                        all += w.by_weekday[static_cast<std::size_t>(d)];
                    }
        double same_day = 0;  // sum q^2: the chance two single referrals on those days share a day
        for (double c : on_weekday) same_day += all > 0 ? (c / all) * (c / all) : 0;
        if (same_day >= 1 - 1e-9) return std::optional<double>{};
        double extra = 0;
        for (const auto& w : weeks)
            if (counted(w)) {
                double m = 0, pairs = 0;
                for (int d = 0; d < 7; ++d)
                    if (with_last || d != w.last) {
                        const double c = w.by_weekday[static_cast<std::size_t>(d)];
                        pairs += c * (c - 1), m += c;
                    }
                const double off = static_cast<double>(w.referrals) - mean_total;
                extra += (pairs - m * (m - 1) * same_day) * off * off;
            }
        return std::optional<double>{extra / ((with_last ? 1 : 1 - share) * (1 - same_day))};
    };
    if (const auto others = read(false)) return *others;
    return read(true).value_or(0);
}

// A weekly quota is made up on the week's last open day in the weeks that fell short of it: those
// weeks end near the quota with much of their total on that day, so the last day's share falls as
// the week's total rises. Given each week's total, the ordinary patterns do not: a busy week, a
// ceiling on appointments, a fixed day for paperwork or a busy Friday take the same share of a
// small week as of a large one. So the test is of a falling trend in the last day's share across
// the week's totals (Cochran-Armitage, one-sided), over the weeks with the unit's usual number of
// open days. The last day's share itself is reported, not tested: a share alone cannot tell a quota
// from a processing day.
TopUp top_up_of(const std::vector<Week>& weeks) {
    TopUp t;
    std::array<int, 8> with_open{};
    for (const auto& w : weeks) ++with_open[static_cast<std::size_t>(std::clamp(w.open, 0, 7))];
    const int usual = static_cast<int>(std::max_element(with_open.begin() + 1, with_open.end()) - with_open.begin());
    t.expected_share = 1.0 / usual;
    double n = 0, x = 0, nt = 0;
    for (const auto& w : weeks)
        if (w.open == usual && w.referrals > 0) {
            ++t.weeks;
            n += static_cast<double>(w.referrals), x += static_cast<double>(w.on_last_day);
            nt += static_cast<double>(w.referrals) * static_cast<double>(w.referrals);
        }
    t.share = n > 0 ? x / n : 0;
    if (t.weeks < 8 || n < 20 || x <= 0 || x >= n) return t;
    const double mean_total = nt / n;  // the referral-weighted mean of the weeks' totals
    double trend = 0, spread = 0;
    for (const auto& w : weeks)
        if (w.open == usual && w.referrals > 0) {
            const double d = static_cast<double>(w.referrals) - mean_total;
            trend += static_cast<double>(w.on_last_day) * d;
            spread += static_cast<double>(w.referrals) * d * d;
        }
    if (spread <= 0) return t;  // every week the same size: no trend to see
    // The binomial variance, p (1 - p) sum n (n - mean)^2, takes each referral to fall on its day
    // alone. Referrals made together in a lump (a monthly sweep, a group session's no-shows) fall on
    // one day, and a week with a lump on another day is big with a small last-day share: read as
    // single referrals, a few such weeks make a quota's trend. A lump of k that lands on the last
    // day with chance p adds k (k - 1) p (1 - p) to the variance of that day's count, beside the
    // n p (1 - p) of n single referrals; so each week's term is p (1 - p) (n + its lumps' pairs)
    // (n - mean)^2, and the lumps' pairs are estimated by lump_pairs below.
    t.bunching = std::max(1.0, 1 + lump_pairs(weeks, usual, mean_total, t.share) / spread);
    t.ran = true;
    t.z = trend / std::sqrt(t.share * (1 - t.share) * spread * t.bunching);
    t.p = normal_upper(-t.z);
    return t;
}

// The week's top-up among an office's advisers: each adviser's trend z (on the last day they work)
// summed and divided by the square root of how many could be tested.
struct AdvisersTopUp {
    std::size_t advisers = 0;  // whose trend could be tested
    double z = 0;              // negative when last days fill as other days fall short
    double p = 1;
};

AdvisersTopUp top_up_among(std::span<const UnitData> advisers) {
    AdvisersTopUp a;
    double sum = 0;
    for (const auto& adviser : advisers) {
        if (!adviser.calendar) continue;
        const TopUp t = top_up_of(weeks_of(adviser));
        if (!t.ran) continue;
        ++a.advisers;
        sum += t.z;
    }
    if (a.advisers < 3) return a;
    a.z = sum / std::sqrt(static_cast<double>(a.advisers));
    a.p = normal_upper(-a.z);
    return a;
}

}  // namespace

TestResult period_end_test(const UnitData& unit, std::span<const UnitData> advisers) {
    TestResult result;
    result.kind = TestKind::period_end;
    if (!unit.calendar) {
        result.not_run = "needs the date of each referral (events input)";
        return result;
    }
    const auto weeks = weeks_of(unit);
    const MonthEnd month = month_end_of(weeks);
    const TopUp week = top_up_of(weeks);
    const AdvisersTopUp among = top_up_among(advisers);
    const double p_week = among.advisers >= 3 ? std::min(1.0, 2 * std::min(week.p, among.p)) : week.p;
    if (month.n < 20) {
        result.not_run = "needs at least 20 referrals on open days in whole weeks";
        return result;
    }
    const double p_month = month.share > 0 ? month.p : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_month, p_week));
    const double month_observed = month.n ? static_cast<double>(month.x) / static_cast<double>(month.n) : 0;
    result.effect = month.share > 0 ? month_observed / month.share : 0;
    result.statistic = month_observed;
    result.effect_text = fmt::format(
        "{:.0f}% of referrals fall in a month's last 5 working days, against {:.0f}% of the days the unit is open "
        "({:.2f} times; its weeks make that share vary {:.2f} times as much as chance alone); over {} weeks, the "
        "trend of the last open day's share with the week's total is z {:+.2f} (a quota made up on the last day in "
        "short weeks makes it strongly negative); {:.0f}% of referrals fall on the last open day, against {:.0f}% of "
        "the days, which alone is not evidence (a day for paperwork looks the same)",
        100 * month_observed, 100 * month.share, result.effect, month.spread, week.weeks, week.z, 100 * week.share,
        100 * week.expected_share);
    if (week.ran && week.bunching >= 2)
        result.effect_text += fmt::format(
            "; referrals on the week's other days came in lumps (several made together on one day), which widens "
            "the trend's spread {:.2f} times",
            std::sqrt(week.bunching));
    if (month.share > 0 && month.p <= 0.05) result.effect_text += month_by_month_text(month_by_month(unit));
    if (among.advisers >= 3)
        result.effect_text += fmt::format(
            "; among its {} advisers, each on the last day they work in the week, the same trends combine to "
            "z {:+.2f}",
            among.advisers, among.z);
    result.chart = {{"last 5 working days of the month", 100 * month_observed, 100 * month.share},
                    {"last open day of the week", 100 * week.share, 100 * week.expected_share}};
    return result;
}

}  // namespace pw::analytics
