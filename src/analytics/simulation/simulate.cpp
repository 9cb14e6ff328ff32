#include "analytics/simulation/simulate.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <random>

#include "analytics/detection/model.hpp"
#include "analytics/detection/unit_data.hpp"

namespace pw::analytics {
namespace {

constexpr std::string_view kReasons[] = {"missed appointment", "did not attend activity", "left training early",
                                         "refused job offer", "not actively seeking work"};

struct Made {
    Day day;
    bool pushed;  // made to meet a quota rather than in the ordinary run of work
};

std::vector<Regime> assign(const SimulationOptions& o, std::mt19937_64& random) {
    std::vector<Regime> regime(o.units, Regime::none);
    const double total = std::accumulate(o.mix.begin(), o.mix.end(), 0.0);
    std::size_t at = 0;
    for (std::size_t r = 0; r < 4; ++r) {
        const auto n = r == 3 ? o.units - at : static_cast<std::size_t>(o.mix[r] / total * static_cast<double>(o.units) + 0.5);
        for (std::size_t i = 0; i < n && at < o.units; ++i) regime[at++] = kRegimes[r];
    }
    std::shuffle(regime.begin(), regime.end(), random);
    return regime;
}

// A day among the last 5 working days of `day`'s month, at random.
Day month_end_day(Day day, std::mt19937_64& random) {
    const auto month = month_of(day);
    std::vector<Day> last;
    for (Day d = first_day_of_month(month) + days_in_month(month) - 1; last.size() < 5; --d)
        if (weekday(d) < 5) last.push_back(d);
    return last[std::uniform_int_distribution<std::size_t>(0, 4)(random)];
}

}  // namespace

std::string_view regime_name(Regime regime) {
    switch (regime) {
        case Regime::none: return "none";
        case Regime::floor: return "floor";
        case Regime::period_end: return "period-end";
        case Regime::league_race: return "league-race";
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
    Simulation sim;
    sim.regime = assign(o, random);
    auto& units = sim.events.units;
    std::vector<double> rate(o.units);
    for (std::size_t u = 0; u < o.units; ++u) {
        units.names.intern(fmt::format("office-{:04}", u + 1));
        const auto parent = u % std::max<std::size_t>(1, o.parents);
        units.parent.push_back(units.parents.intern(fmt::format("provider-{}", static_cast<char>('A' + parent % 26))));
        units.area.push_back(units.areas.intern(fmt::format("area-{}", parent % std::max<std::size_t>(1, o.areas) + 1)));
        rate[u] = std::uniform_real_distribution<double>(o.rate_low, o.rate_high)(random);
    }
    std::vector<std::vector<Made>> made(o.units);
    std::vector<double> last_week(o.units, 0);
    double last_median = 0;
    std::uniform_int_distribution<int> weekday_of(0, 4);
    std::bernoulli_distribution moved(o.catch_up);
    for (int w = 0; w < o.weeks; ++w) {
        const Day monday = o.start + 7 * w;
        for (std::size_t u = 0; u < o.units; ++u) {
            double mean = rate[u];
            if (sim.regime[u] == Regime::league_race && w > 0) mean += o.race * std::max(0.0, last_median - last_week[u]);
            const auto natural = draw_count(random, mean, o.dispersion);
            for (std::int64_t i = 0; i < natural; ++i) {
                Made m{monday + weekday_of(random), false};
                if (sim.regime[u] == Regime::period_end && moved(random)) m = {month_end_day(m.day, random), true};
                made[u].push_back(m);
            }
            std::int64_t this_week = natural;
            if (sim.regime[u] == Regime::floor)
                for (; this_week < o.quota; ++this_week) made[u].push_back({monday + 4, true});
            last_week[u] = static_cast<double>(this_week);
        }
        auto week = last_week;
        last_median = median_of(week);
    }
    auto& e = sim.events;
    std::bernoulli_distribution reason_given(0.9);
    std::uniform_int_distribution<std::size_t> reason_of(0, std::size(kReasons) - 1);
    for (auto r : kReasons) e.reasons.intern(r);
    for (std::size_t u = 0; u < o.units; ++u) {
        std::ranges::sort(made[u], {}, &Made::day);
        for (const auto& m : made[u]) {
            e.day.push_back(m.day);
            e.unit.push_back(static_cast<std::uint32_t>(u));
            e.reason.push_back(reason_given(random) ? static_cast<std::uint32_t>(reason_of(random)) : kNone);
            const bool adverse = std::bernoulli_distribution(m.pushed ? o.adverse_quota : o.adverse)(random);
            e.decision.push_back(adverse ? Decision::adverse : Decision::non_adverse);
            Review review = Review::none;
            if (adverse && std::bernoulli_distribution(o.reconsidered)(random))
                review = std::bernoulli_distribution(m.pushed ? o.overturn_quota : o.overturn)(random) ? Review::overturned
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
