#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "analytics/detection/distributions.hpp"
#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

namespace {

// One whole week of a unit: the days it was open and how many of them end a month, and the
// referrals it made on open days, on those month-end days and on its last open day.
struct Week {
    int open = 0;
    int month_end = 0;
    std::int64_t referrals = 0;
    std::int64_t at_month_end = 0;
    std::int64_t on_last_day = 0;
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
    for (std::size_t t = 0; t < weeks.size(); ++t) {
        const std::int32_t week = first + static_cast<std::int32_t>(t);
        const Day monday = monday_of_week(week);
        if (!there_in(unit, week)) continue;
        for (Day d = monday; d < monday + 7; ++d)
            if (calendar.open(unit.open_days, d)) ++weeks[t].open, weeks[t].month_end += calendar.month_end(d);
    }
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    for (const auto& r : unit.referrals) {
        if (!calendar.covers(r.day) || !calendar.open(unit.open_days, r.day)) continue;
        auto& week = weeks[static_cast<std::size_t>(week_of(r.day) - first)];
        if (week.open == 0) continue;
        ++week.referrals;
        week.at_month_end += calendar.month_end(r.day);
        week.on_last_day += shares.is_last[static_cast<std::size_t>(r.day - calendar.first())];
    }
    return weeks;
}

// What the unit's ordinary days say it refers on a day: its rate on open days outside month ends
// of the same kind, the weekday, or the last day it is open in its week whatever weekday that is
// (a day for paperwork moves to Thursday in a week whose Friday is a bank holiday). The month's
// last 5 working days hold two Fridays when a bank holiday Monday falls among them (in May and
// August every year), so a busy Friday would look like a month end if every open day were taken
// as alike.
struct DayRates {
    static constexpr int kKinds = 8;                 // Monday..Sunday, and the week's last open day
    std::array<double, kKinds> days{}, referrals{};  // outside month ends, in whole weeks
    std::vector<std::int32_t> per_day;               // the unit's referrals on each open day of the calendar
    int kind(const OpenDayShares& shares, const Calendar& calendar, Day d) const {
        return shares.is_last[static_cast<std::size_t>(d - calendar.first())] ? kKinds - 1 : weekday(d);
    }
    bool known(int kind) const { return days[static_cast<std::size_t>(kind)] > 0; }
    double rate(int kind) const {
        return referrals[static_cast<std::size_t>(kind)] / days[static_cast<std::size_t>(kind)];
    }
};

// The unit's open days in whole weeks it was there for.
bool counted(const UnitData& unit, Day d) {
    return unit.calendar->open(unit.open_days, d) && there_in(unit, week_of(d));
}

DayRates day_rates_of(const UnitData& unit) {
    DayRates rates;
    const Calendar& calendar = *unit.calendar;
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    rates.per_day.assign(static_cast<std::size_t>(calendar.last() - calendar.first() + 1), 0);
    for (const auto& r : unit.referrals)
        if (calendar.open(unit.open_days, r.day)) ++rates.per_day[static_cast<std::size_t>(r.day - calendar.first())];
    for (Day d = calendar.first(); d <= calendar.last(); ++d) {
        if (calendar.month_end(d) || !counted(unit, d)) continue;
        const auto kind = static_cast<std::size_t>(rates.kind(shares, calendar, d));
        rates.days[kind] += 1;
        rates.referrals[kind] += rates.per_day[static_cast<std::size_t>(d - calendar.first())];
    }
    return rates;
}

// How much more a month end's excess varies than chance when nothing happens at the month end,
// read off the unit's own days: each whole month's month-end days moved back one, two and three
// whole weeks (the same weekdays), skipping a shift that lands on a month-end day or a week the
// unit was not there for. Each such window's referrals less what its days' rates expect is an
// excess that chance, busy weeks, staffing, seasons and drift make, and nothing at the month end
// does: a target made up only in the months that fall short widens the spread of the month ends
// themselves, not of these.
struct Placebo {
    std::size_t windows = 0;
    double squares = 0, fourths = 0;  // of the windows' excesses
    double expected = 0;              // the windows' referrals at the rates
};

Placebo placebo_of(const UnitData& unit, const DayRates& rates) {
    Placebo out;
    const Calendar& calendar = *unit.calendar;
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    std::vector<std::vector<Day>> months;  // each whole month's end days
    for (Day d = calendar.first(); d <= calendar.last(); ++d)
        if (calendar.month_end(d) && calendar.in_complete_month(d)) {
            if (months.empty() || month_of(months.back().back()) != month_of(d)) months.emplace_back();
            months.back().push_back(d);
        }
    auto usable = [&](Day d) { return calendar.covers(d) && !calendar.month_end(d) && there_in(unit, week_of(d)); };
    for (const auto& ends : months)
        for (int shift = 7; shift <= 21; shift += 7) {
            if (!std::ranges::all_of(ends, [&](Day e) { return usable(e - shift); })) continue;
            double expected = 0, referrals = 0;
            for (Day e : ends) {
                const Day d = e - shift;
                if (!calendar.open(unit.open_days, d) || !rates.known(rates.kind(shares, calendar, d))) continue;
                expected += rates.rate(rates.kind(shares, calendar, d));
                referrals += rates.per_day[static_cast<std::size_t>(d - calendar.first())];
            }
            if (expected <= 0) continue;
            const double excess = referrals - expected;
            ++out.windows;
            out.squares += excess * excess, out.fourths += excess * excess * excess * excess;
            out.expected += expected;
        }
    return out;
}

struct MonthEnd {
    std::int64_t n = 0, x = 0;  // referrals in whole weeks, and on month-end days
    double share = 0;           // month-end days' share of the open days
    double spread = 1;          // how much more the excess varies than chance alone makes it
    double p = 1;
};

// Referrals on the month's last working days against what the unit's ordinary days of the same
// kind predict for them (DayRates). A binomial would do if every referral fell on its day alone;
// but a busy week lifts every day in it and everyone in the office, month-end days with the rest.
// So the variance is chance's (a Poisson count's, with the rates' own error) times how much more
// the unit's placebo month ends vary than chance (placebo_of), never less than chance's.
MonthEnd month_end_of(const UnitData& unit, const std::vector<Week>& weeks) {
    MonthEnd m;
    double open = 0, ends = 0, n_weeks = 0;
    for (const auto& w : weeks)
        if (w.open > 0) m.n += w.referrals, m.x += w.at_month_end, open += w.open, ends += w.month_end, ++n_weeks;
    if (ends <= 0 || ends >= open || m.n == 0 || n_weeks < 8) return m;
    m.share = ends / open;
    const Calendar& calendar = *unit.calendar;
    const OpenDayShares& shares = calendar.shares(unit.open_days);
    const DayRates rates = day_rates_of(unit);
    std::array<double, DayRates::kKinds> end_days{};
    double excess = 0;
    for (Day d = calendar.first(); d <= calendar.last(); ++d) {
        if (!calendar.month_end(d) || !counted(unit, d)) continue;
        const int kind = rates.kind(shares, calendar, d);
        if (!rates.known(kind)) continue;  // no ordinary day of its kind to compare it with
        end_days[static_cast<std::size_t>(kind)] += 1;
        excess += rates.per_day[static_cast<std::size_t>(d - calendar.first())] - rates.rate(kind);
    }
    // Chance's variance: the month-end days' own Poisson counts, and the error of the rates taken
    // from the ordinary days (E_k^2 rate_k / N_k for E_k month-end and N_k ordinary days of a kind).
    double poisson = 0;
    for (int kind = 0; kind < DayRates::kKinds; ++kind)
        if (const double e = end_days[static_cast<std::size_t>(kind)]; e > 0)
            poisson += rates.rate(kind) * e * (1 + e / rates.days[static_cast<std::size_t>(kind)]);
    const Placebo placebo = placebo_of(unit, rates);
    if (placebo.windows < 6 || poisson <= 0) return m;  // too few months to know the spread, or nothing to test against
    // The spread is an estimate from a few dozen windows, whether it comes out above chance's or
    // below it (and then chance's is taken): Student's t on the windows less one degrees of
    // freedom, or fewer when a few windows carry the spread (Satterthwaite's
    // (sum e^2)^2 / sum e^4).
    const double ratio = placebo.expected > 0 ? placebo.squares / placebo.expected : 0;
    const double variance = std::max(ratio, 1.0) * poisson;
    const double windows = static_cast<double>(placebo.windows);
    const double df = ratio > 1 && placebo.fourths > 0
                          ? std::clamp(placebo.squares * placebo.squares / placebo.fourths, 1.0, windows - 1)
                          : windows - 1;
    // Half a referral off, as P(X >= x) = P(X > x - 1/2) for a count.
    const double d = excess - 0.5;
    m.spread = std::sqrt(variance / poisson);
    m.p = boost::math::cdf(boost::math::complement(dist::StudentsT(df), d / std::sqrt(variance)));
    return m;
}

// Whether the month-end excess follows the month's shortfall. For each whole month the unit was
// there for: how far the referrals on its earlier open days fell short of the unit's usual pace on
// such days, and how far its month-end days went over that pace. A target made up at the month end
// makes the excess larger in months that fell short; a fixed monthly event (a caseload review in
// the month's last week) makes it the same every month; a busy or quiet spell across the month's
// weeks lowers both together. Its p-value is combined with the excess's (month_part): a target
// made up only in the months that fall short adds little in a year, and the months it adds to are
// what tell it from chance.
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

// The month part's p-value: the excess's and, when the months could be read, the month-by-month
// reading's, combined by Fisher's method (-2 (ln p1 + ln p2) is chi-square on 4 degrees of freedom
// when neither test finds anything, whose upper tail is q (1 - ln q) at q = p1 p2). The two ask
// different things of the same referrals: whether month ends hold more than the unit's other days
// predict, and whether they hold more in the months whose earlier days fell short.
double month_part(double excess_p, const MonthByMonth& months) {
    if (!months.read) return excess_p;
    const double q = excess_p * months.p;
    if (q <= 0) return 0;
    return std::min(1.0, q * (1 - std::log(q)));
}

// The words for the month-by-month reading.
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
    bool ran = false;
    double p = 1;
};

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
    t.ran = true;
    t.z = trend / std::sqrt(t.share * (1 - t.share) * spread);
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
    const MonthEnd month = month_end_of(unit, weeks);
    const TopUp week = top_up_of(weeks);
    const AdvisersTopUp among = top_up_among(advisers);
    const double p_week = among.advisers >= 3 ? std::min(1.0, 2 * std::min(week.p, among.p)) : week.p;
    if (month.n < 20) {
        result.not_run = "needs at least 20 referrals on open days in whole weeks";
        return result;
    }
    const MonthByMonth months = month_by_month(unit);
    const double p_month = month.share > 0 ? month_part(month.p, months) : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_month, p_week));
    const double month_observed = month.n ? static_cast<double>(month.x) / static_cast<double>(month.n) : 0;
    result.effect = month.share > 0 ? month_observed / month.share : 0;
    result.statistic = month_observed;
    result.effect_text = fmt::format(
        "{:.0f}% of referrals fall in a month's last 5 working days, against {:.0f}% of the days the unit is open "
        "({:.2f} times; the same weekdays earlier in its months vary {:.2f} times as much as chance alone); over {} "
        "weeks, the "
        "trend of the last open day's share with the week's total is z {:+.2f} (a quota made up on the last day in "
        "short weeks makes it strongly negative); {:.0f}% of referrals fall on the last open day, against {:.0f}% of "
        "the days, which alone is not evidence (a day for paperwork looks the same)",
        100 * month_observed, 100 * month.share, result.effect, month.spread, week.weeks, week.z, 100 * week.share,
        100 * week.expected_share);
    if (p_month <= 0.05) result.effect_text += month_by_month_text(months);
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
