#include "analytics/simulation/simulate.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>

#include "analytics/referrals/holidays.hpp"

namespace pw::analytics {
namespace {

constexpr std::string_view kReasons[] = {"missed appointment", "did not attend activity", "left training early",
                                         "refused job offer", "not actively seeking work"};

// Part-time staffing patterns (bit 0 = Monday): two or three days a week.
constexpr std::uint8_t kPartTime[] = {0b11000, 0b00111, 0b01010, 0b11100, 0b01001, 0b10001};

struct Made {
    Day day;
    bool pushed;  // made to meet a quota rather than in the ordinary run of work
    std::uint32_t adviser = kNone;
};

// Who makes referrals: an office, or one of its advisers.
struct Worker {
    double rate = 0;  // referrals per full 5-day week
    std::uint32_t adviser = kNone;
};

struct Office {
    double rate = 0;  // referrals per full 5-day week
    std::uint8_t open_days = 0x1f;
    Nation nation = Nation::england_and_wales;
    Regime regime = Regime::none;
};

std::vector<Regime> assign(const SimulationOptions& o, std::mt19937_64& random) {
    std::vector<Regime> regime(o.units, Regime::none);
    const double total = std::accumulate(o.mix.begin(), o.mix.end(), 0.0);
    std::size_t at = 0;
    for (std::size_t r = 0; r < 4; ++r) {
        const auto n =
            r == 3 ? o.units - at : static_cast<std::size_t>(o.mix[r] / total * static_cast<double>(o.units) + 0.5);
        for (std::size_t i = 0; i < n && at < o.units; ++i) regime[at++] = kRegimes[r];
    }
    std::shuffle(regime.begin(), regime.end(), random);
    return regime;
}

bool staffed(const Office& office, Day day, bool bank_holidays) {
    return ((office.open_days >> weekday(day)) & 1) && !(bank_holidays && bank_holiday(day, office.nation));
}

// The month's last 5 working days (Monday to Friday, not bank holidays) on which the office is staffed.
std::vector<Day> month_end_days(const Office& office, Day day, bool bank_holidays) {
    const Civil c = civil_from_day(day);
    const Day next_month = c.month == 12 ? day_from_civil(c.year + 1, 1, 1) : day_from_civil(c.year, c.month + 1, 1);
    std::vector<Day> out;
    int working = 0;
    for (Day d = next_month - 1; working < 5 && civil_from_day(d).month == c.month; --d) {
        if (weekday(d) >= 5 || (bank_holidays && bank_holiday(d, office.nation))) continue;
        ++working;
        if (staffed(office, d, bank_holidays)) out.push_back(d);
    }
    return out;
}

double middle_value(std::vector<double> values) {
    if (values.empty()) return 0;
    std::ranges::sort(values);
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::vector<Office> offices(const SimulationOptions& o, std::mt19937_64& random) {
    std::vector<Office> out(o.units);
    const auto regime = assign(o, random);
    std::uniform_real_distribution<double> rate(o.rate_low, o.rate_high);
    std::bernoulli_distribution part_time(o.part_time);
    std::uniform_int_distribution<std::size_t> pattern(0, std::size(kPartTime) - 1);
    std::discrete_distribution<int> nation({80, 12, 8});
    for (std::size_t u = 0; u < o.units; ++u) {
        out[u].regime = regime[u];
        out[u].rate = rate(random);
        if (part_time(random)) out[u].open_days = kPartTime[pattern(random)];
        out[u].nation = kNations[static_cast<std::size_t>(nation(random))];
    }
    return out;
}

}  // namespace

std::string_view regime_name(Regime regime) {
    switch (regime) {
        case Regime::none:
            return "none";
        case Regime::floor:
            return "floor";
        case Regime::period_end:
            return "period-end";
        case Regime::league_race:
            return "league-race";
    }
    return "?";
}

std::optional<Regime> regime_from(std::string_view name) {
    for (auto r : kRegimes)
        if (regime_name(r) == name) return r;
    return std::nullopt;
}

Simulation simulate(const SimulationOptions& o) {
    std::mt19937_64 random(o.seed);
    const auto office = offices(o, random);
    Simulation sim;
    auto& units = sim.events.units;
    for (std::size_t u = 0; u < o.units; ++u) {
        units.names.intern(fmt::format("office-{:04}", u + 1));
        const auto parent = u % std::max<std::size_t>(1, o.parents);
        units.parent.push_back(units.parents.intern(fmt::format("provider-{}", static_cast<char>('A' + parent % 26))));
        units.area.push_back(
            units.areas.intern(fmt::format("area-{}", parent % std::max<std::size_t>(1, o.areas) + 1)));
        units.open_days.push_back(0);
        units.nation.push_back(office[u].nation);
        sim.regime.push_back(office[u].regime);
        sim.open_days.push_back(office[u].open_days);
    }
    // Who makes the referrals: each office itself, or each of its advisers, with a natural rate of
    // their own. An office's regime is every adviser's: a quota each, a league of the office's advisers.
    std::vector<Worker> workers;
    std::vector<std::size_t> first_worker(o.units + 1, 0);
    std::uniform_real_distribution<double> adviser_rate(o.rate_low, o.rate_high);
    for (std::size_t u = 0; u < o.units; ++u) {
        first_worker[u] = workers.size();
        if (o.advisers == 0) workers.push_back({office[u].rate, kNone});
        for (std::size_t a = 0; a < o.advisers; ++a)
            workers.push_back(
                {adviser_rate(random), sim.events.advisers.intern(fmt::format("adviser-{:04}-{:02}", u + 1, a + 1))});
    }
    first_worker[o.units] = workers.size();
    // A log-normal week effect with mean 1 and variance `dispersion`, shared by an office's advisers.
    const double sigma = std::sqrt(std::log1p(std::max(0.0, o.dispersion)));
    std::normal_distribution<double> week_effect(-sigma * sigma / 2, sigma);
    std::bernoulli_distribution moved(o.catch_up), topped_up(std::clamp(o.top_up, 0.0, 1.0));
    std::vector<std::vector<Made>> made(o.units);
    std::vector<double> last_week(workers.size(), 0);
    std::vector<double> last_median(o.units, 0);  // the league each worker races in, last week
    for (int w = 0; w < o.weeks; ++w) {
        const Day monday = o.start + 7 * w;
        for (std::size_t u = 0; u < o.units; ++u) {
            const Office& f = office[u];
            const double effect = std::exp(week_effect(random));
            std::vector<Day> open;
            for (Day d = monday; d < monday + 7; ++d)
                if (staffed(f, d, o.bank_holidays)) open.push_back(d);
            for (std::size_t k = first_worker[u]; k < first_worker[u + 1]; ++k) {
                const auto adviser = workers[k].adviser;
                double boost = 0;  // the league race: catching up with last week's median
                if (f.regime == Regime::league_race && w > 0) boost = o.race * std::max(0.0, last_median[u] - last_week[k]);
                std::int64_t this_week = 0;
                for (Day d : open) {
                    const Civil c = civil_from_day(d);
                    const double season = 1 + o.seasonal * std::cos(2 * std::numbers::pi * (c.month - 1) / 12.0);
                    const double mean = (workers[k].rate / 5 * season + boost / static_cast<double>(open.size())) * effect;
                    const auto n = std::poisson_distribution<std::int64_t>(std::max(mean, 1e-12))(random);
                    for (std::int64_t i = 0; i < n; ++i) {
                        Made m{d, false, adviser};
                        if (f.regime == Regime::period_end && moved(random)) {
                            const auto ends = month_end_days(f, d, o.bank_holidays);
                            if (!ends.empty())
                                m = {ends[std::uniform_int_distribution<std::size_t>(0, ends.size() - 1)(random)], true,
                                     adviser};
                        }
                        made[u].push_back(m);
                    }
                    this_week += n;
                }
                if (f.regime == Regime::floor && !open.empty())
                    for (auto short_by = o.quota - this_week; short_by > 0; --short_by)
                        if (topped_up(random)) made[u].push_back({open.back(), true, adviser}), ++this_week;
                // Period end: referrals added in the month's last days, drawn once a month.
                for (Day d = monday; f.regime == Regime::period_end && d < monday + 7; ++d) {
                    if (civil_from_day(d).day != 1 && !(w == 0 && d == monday)) continue;
                    const auto ends = month_end_days(f, d, o.bank_holidays);
                    const auto extra = std::poisson_distribution<int>(std::max(o.month_end_extra, 1e-12))(random);
                    for (int i = 0; i < extra && !ends.empty(); ++i)
                        made[u].push_back(
                            {ends[std::uniform_int_distribution<std::size_t>(0, ends.size() - 1)(random)], true, adviser});
                }
                last_week[k] = static_cast<double>(this_week);
            }
        }
        // Offices race every other office; advisers race the others in their office.
        if (o.advisers == 0) {
            std::ranges::fill(last_median, middle_value(last_week));
        } else {
            for (std::size_t u = 0; u < o.units; ++u)
                last_median[u] = middle_value(std::vector<double>(last_week.begin() + static_cast<std::ptrdiff_t>(first_worker[u]),
                                                                  last_week.begin() + static_cast<std::ptrdiff_t>(first_worker[u + 1])));
        }
    }
    auto& e = sim.events;
    std::bernoulli_distribution reason_given(0.9);
    std::uniform_int_distribution<std::size_t> reason_of(0, std::size(kReasons) - 1);
    for (auto r : kReasons) e.reasons.intern(r);
    const Day end = o.start + 7 * o.weeks;
    for (std::size_t u = 0; u < o.units; ++u) {
        std::ranges::sort(made[u], {}, &Made::day);
        for (const auto& m : made[u]) {
            if (m.day < o.start || m.day >= end) continue;  // moved past the simulated weeks
            e.day.push_back(m.day);
            e.unit.push_back(static_cast<std::uint32_t>(u));
            if (o.advisers > 0) e.adviser.push_back(m.adviser);
            e.reason.push_back(reason_given(random) ? static_cast<std::uint32_t>(reason_of(random)) : kNone);
            const bool adverse = std::bernoulli_distribution(m.pushed ? o.adverse_quota : o.adverse)(random);
            e.decision.push_back(adverse ? Decision::adverse : Decision::non_adverse);
            Review review = Review::none;
            if (adverse && std::bernoulli_distribution(o.reconsidered)(random))
                review = std::bernoulli_distribution(m.pushed ? o.overturn_quota : o.overturn)(random)
                             ? Review::overturned
                             : Review::upheld;
            e.reconsideration.push_back(review);
            e.appeal.push_back(Review::none);
        }
    }
    return sim;
}

Counts weekly_counts(const Events& events) {
    Counts counts;
    counts.units = events.units;
    counts.kind = PeriodKind::week;
    counts.has_adverse = true;
    const std::size_t n = events.units.names.size();
    std::vector<std::vector<std::pair<std::int32_t, bool>>> by_unit(n);  // week, adverse
    for (std::size_t i = 0; i < events.size(); ++i)
        by_unit[events.unit[i]].emplace_back(week_of(events.day[i]), events.decision[i] == Decision::adverse);
    for (std::uint32_t u = 0; u < n; ++u) {
        auto& weeks = by_unit[u];
        if (weeks.empty()) continue;
        std::ranges::sort(weeks);
        std::size_t i = 0;
        for (auto w = weeks.front().first; w <= weeks.back().first; ++w) {  // weeks without referrals are zeros
            std::int64_t referrals = 0, adverse = 0;
            for (; i < weeks.size() && weeks[i].first == w; ++i) ++referrals, adverse += weeks[i].second;
            counts.unit.push_back(u);
            counts.period.push_back(w);
            counts.referrals.push_back(referrals);
            counts.caseload.push_back(-1);
            counts.adverse.push_back(adverse);
        }
    }
    return counts;
}

}  // namespace pw::analytics
