#include "analytics/detection/panel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "analytics/referrals/huge_pages.hpp"

namespace pw::analytics {
namespace {

PeerGroup baseline(const std::vector<UnitData>& units, const std::vector<std::size_t>& members) {
    PeerGroup g;
    g.size = members.size();
    std::vector<double> alphas;
    std::int32_t lo = std::numeric_limits<std::int32_t>::max(), hi = std::numeric_limits<std::int32_t>::min();
    for (auto u : members) {
        const auto& unit = units[u];
        const Moments m = moments(unit.counts);
        if (m.periods >= 8 && m.mean > 0) alphas.push_back(m.alpha());
        lo = std::min(lo, unit.first_period);
        hi = std::max(hi, unit.first_period + static_cast<std::int32_t>(unit.counts.size()));
    }
    const double alpha = median_of(alphas);
    g.dispersion = std::isnan(alpha) ? 0.0 : std::min(5.0, alpha);
    if (members.empty() || hi <= lo) return g;
    g.first_period = lo;
    std::vector<std::vector<double>> by_period(static_cast<std::size_t>(hi - lo));
    for (auto u : members) {
        const auto& unit = units[u];
        for (std::size_t t = 0; t < unit.counts.size(); ++t)
            if (unit.counts[t] >= 0)
                by_period[static_cast<std::size_t>(unit.first_period - lo) + t].push_back(unit.counts[t]);
    }
    g.median.reserve(by_period.size());
    for (auto& values : by_period) g.median.push_back(median_of(values));
    return g;
}

void group_peers(Panel& panel, const Units& units) {
    const std::size_t n = panel.units.size();
    std::vector<std::vector<std::size_t>> by_parent(units.parents.size());
    std::vector<std::size_t> everyone;
    for (std::size_t u = 0; u < n; ++u) {
        everyone.push_back(u);
        if (units.parent[u] != kNone) by_parent[units.parent[u]].push_back(u);
    }
    panel.groups.push_back(baseline(panel.units, everyone));
    panel.group_of.assign(n, 0);
    for (auto& members : by_parent) {
        if (members.size() < 5) continue;
        panel.groups.push_back(baseline(panel.units, members));
        for (auto u : members) panel.group_of[u] = panel.groups.size() - 1;
    }
}

// Each unit's advisers as series of their own, over the unit's weeks. An adviser works the weekdays
// on which they made referrals (of those the unit is open), so a part-time adviser is not a quota.
void add_advisers(Panel& panel, const Events& events, Day lo, Day hi) {
    const std::size_t n_units = panel.units.size();
    std::pmr::memory_resource* store = panel.referral_store->resource();
    std::unordered_map<std::uint64_t, std::uint32_t> index;  // unit and adviser -> series in the unit
    std::vector<std::vector<std::array<std::int64_t, 7>>> by_weekday(n_units);
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events.day[i] < lo || events.day[i] > hi || events.adviser[i] == kNone) continue;
        const auto u = events.unit[i];
        const auto key = (static_cast<std::uint64_t>(u) << 32) | events.adviser[i];
        const auto [at, fresh] = index.emplace(key, static_cast<std::uint32_t>(by_weekday[u].size()));
        if (fresh) by_weekday[u].emplace_back();
        ++by_weekday[u][at->second][static_cast<std::size_t>(weekday(events.day[i]))];
    }
    const auto weeks = static_cast<std::int64_t>(n_units ? panel.units[0].counts.size() : 0);
    if (static_cast<std::int64_t>(index.size()) * weeks > kMaxUnitPeriods) {
        panel.advisers_not_used = fmt::format(
            "the league among advisers was not run: {} advisers over {} weeks is more than {} million "
            "adviser-weeks; split the file by period (with providerwatch detect, --from and --to)",
            index.size(), weeks, kMaxUnitPeriods / 1'000'000);
        return;
    }
    panel.advisers.resize(n_units);
    std::size_t too_many = 0, most = 0;
    for (std::size_t u = 0; u < n_units; ++u) {
        if (by_weekday[u].size() > kMaxAdvisers) {
            ++too_many;
            most = std::max(most, by_weekday[u].size());
            continue;
        }
        if (by_weekday[u].size() < kMinAdvisers) continue;
        const UnitData& unit = panel.units[u];
        auto& series = panel.advisers[u].series;
        series.reserve(by_weekday[u].size());
        for (std::size_t a = 0; a < by_weekday[u].size(); ++a) {
            auto& s = series.emplace_back(store);
            std::int64_t made = 0;
            for (auto k : by_weekday[u][a]) made += k;
            s.referrals.reserve(static_cast<std::size_t>(made));
            const std::uint8_t own = estimated_open_days(by_weekday[u][a]) & unit.open_days;
            s.open_days = own ? own : unit.open_days;
            // Calendars are shared by every unit of a nation; prepared here, before any thread reads them.
            panel.calendars[static_cast<std::size_t>(unit.calendar->nation())]->prepare(s.open_days);
            s.calendar = unit.calendar;
            s.first_period = unit.first_period;
            s.counts.assign(unit.counts.size(), 0);
        }
    }
    if (too_many > 0)
        panel.advisers_not_used = fmt::format(
            "the league among advisers was not run in {} unit{} naming more than {} advisers (at most {}): so many "
            "in one unit are more likely cases or claimants than advisers",
            too_many, too_many == 1 ? "" : "s", kMaxAdvisers, most);
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events.day[i] < lo || events.day[i] > hi || events.adviser[i] == kNone) continue;
        const auto u = events.unit[i];
        auto& series = panel.advisers[u].series;
        if (series.empty()) continue;
        auto& s = series[index.at((static_cast<std::uint64_t>(u) << 32) | events.adviser[i])];
        s.referrals.push_back({events.day[i], events.decision[i], events.reconsideration[i]});
        const auto t = static_cast<std::int64_t>(week_of(events.day[i])) - s.first_period;
        if (t >= 0 && t < static_cast<std::int64_t>(s.counts.size())) ++s.counts[static_cast<std::size_t>(t)];
    }
    for (auto& advisers : panel.advisers) {
        if (advisers.series.empty()) continue;
        std::vector<std::size_t> members(advisers.series.size());
        for (std::size_t a = 0; a < members.size(); ++a) {
            mark_absent_weeks(advisers.series[a].counts);  // advisers join and leave
            members[a] = a;
        }
        advisers.peers = baseline(advisers.series, members);
    }
}

}  // namespace

// Each unit's and adviser's vector is reserved once at its exact size, and a Referral's size is a
// multiple of its alignment, so the block holds them with nothing between. Pages of it never
// touched (the advisers' half, when there are none) cost nothing.
ReferralStore::ReferralStore(std::size_t referrals)
    : bytes_(std::max<std::size_t>(1, referrals * sizeof(Referral))),
      block_(allocate_large(bytes_)),
      resource_(block_, bytes_) {}

// The resource, destroyed after this, hands back only what it took from the heap, not the block.
ReferralStore::~ReferralStore() { deallocate_large(block_, bytes_); }

std::uint8_t estimated_open_days(const std::array<std::int64_t, 7>& by_weekday) {
    std::int64_t total = 0;
    for (auto n : by_weekday) total += n;
    if (total == 0) return kMondayToFriday;
    const std::int64_t least = std::max<std::int64_t>(1, (total * 2 + 99) / 100);
    std::uint8_t mask = 0;
    for (int d = 0; d < 7; ++d)
        if (by_weekday[static_cast<std::size_t>(d)] >= least) mask |= static_cast<std::uint8_t>(1u << d);
    return mask;
}

void mark_absent_weeks(std::vector<std::int32_t>& counts) {
    const auto first = std::ranges::find_if(counts, [](auto c) { return c > 0; });
    if (first == counts.end()) return;
    const auto last = std::find_if(counts.rbegin(), counts.rend(), [](auto c) { return c > 0; }).base();
    double referrals = 0, weeks = 0;
    for (auto it = first; it != last; ++it)
        if (*it >= 0) referrals += *it, ++weeks;
    const double rate = referrals / std::max(1.0, weeks);
    auto unlikely = [&](std::ptrdiff_t zeros) { return -rate * static_cast<double>(zeros) < std::log(1e-6); };
    if (unlikely(first - counts.begin())) std::fill(counts.begin(), first, -1);
    if (unlikely(counts.end() - last)) std::fill(last, counts.end(), -1);
}

Panel panel_from(const Events& events, const Period& period) {
    Panel panel;
    const std::size_t n_units = events.units.names.size();
    if (events.size() == 0) return panel;
    const auto [lo_it, hi_it] = std::minmax_element(events.day.begin(), events.day.end());
    const Day lo = period.from.value_or(*lo_it), hi = period.to.value_or(*hi_it);
    if (hi < lo || *hi_it < lo || *lo_it > hi) {
        panel.not_run = "no referral falls in the period asked for";
        return panel;
    }
    // Weeks cut by the ends of the period are left out of the weekly counts.
    const std::int32_t first_full = weekday(lo) == 0 ? week_of(lo) : week_of(lo) + 1;
    const std::int32_t last_full = weekday(hi) >= 4 ? week_of(hi) : week_of(hi) - 1;
    const std::int64_t weeks = std::max(0, last_full + 1 - first_full);
    if (hi - lo > kMaxYears * 366) {
        panel.not_run =
            fmt::format("the period runs over more than {} years; split the file by period (with providerwatch "
                        "detect, --from and --to)",
                        kMaxYears);
        return panel;
    }
    if (weeks * static_cast<std::int64_t>(n_units) > kMaxUnitPeriods) {
        panel.not_run = fmt::format(
            "{} units over {} weeks is more than {} million unit-weeks; split the file by period or by area (with "
            "providerwatch detect, --from and --to)",
            n_units, weeks, kMaxUnitPeriods / 1'000'000);
        return panel;
    }
    auto inside = [&](Day d) { return d >= lo && d <= hi; };

    std::vector<std::size_t> per_unit(n_units, 0);
    std::vector<std::array<std::int64_t, 7>> by_weekday(n_units, std::array<std::int64_t, 7>{});
    std::size_t in_period = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!inside(events.day[i])) continue;
        ++in_period;
        ++per_unit[events.unit[i]];
        ++by_weekday[events.unit[i]][static_cast<std::size_t>(weekday(events.day[i]))];
    }
    // The units' referrals, and as many again for their advisers' when there is an adviser column.
    panel.referral_store = std::make_unique<ReferralStore>(in_period * (events.adviser.empty() ? 1 : 2));
    panel.units.reserve(n_units);
    for (std::size_t u = 0; u < n_units; ++u)
        panel.units.emplace_back(panel.referral_store->resource());
    panel.calendars.resize(std::size(kNations));
    for (std::size_t u = 0; u < n_units; ++u) {
        auto& unit = panel.units[u];
        const auto nation = u < events.units.nation.size() ? events.units.nation[u] : Nation::england_and_wales;
        auto& calendar = panel.calendars[static_cast<std::size_t>(nation)];
        if (!calendar) calendar = std::make_unique<Calendar>(lo, hi, nation);
        const std::uint8_t given = u < events.units.open_days.size() ? events.units.open_days[u] : 0;
        unit.open_days = given ? given : estimated_open_days(by_weekday[u]);
        calendar->prepare(unit.open_days);
        unit.calendar = calendar.get();
        unit.referrals.reserve(per_unit[u]);
        unit.first_period = first_full;
        unit.counts.assign(static_cast<std::size_t>(std::max(0, last_full + 1 - first_full)), 0);
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!inside(events.day[i])) continue;
        auto& unit = panel.units[events.unit[i]];
        unit.referrals.push_back({events.day[i], events.decision[i], events.reconsideration[i]});
        const auto t = static_cast<std::int64_t>(week_of(events.day[i])) - unit.first_period;
        if (t >= 0 && t < static_cast<std::int64_t>(unit.counts.size())) ++unit.counts[static_cast<std::size_t>(t)];
    }
    for (auto& unit : panel.units) mark_absent_weeks(unit.counts);
    group_peers(panel, events.units);
    if (!events.adviser.empty()) add_advisers(panel, events, lo, hi);
    return panel;
}

Panel panel_from(const Counts& counts) {
    Panel panel;
    if (counts.kind == PeriodKind::span) return panel;
    const std::size_t n_units = counts.units.names.size();
    panel.units.resize(n_units);
    std::vector<std::int32_t> first(n_units, std::numeric_limits<std::int32_t>::max()),
        last(n_units, std::numeric_limits<std::int32_t>::min());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        first[counts.unit[i]] = std::min(first[counts.unit[i]], counts.period[i]);
        last[counts.unit[i]] = std::max(last[counts.unit[i]], counts.period[i]);
    }
    std::int64_t periods = 0;
    for (std::size_t u = 0; u < n_units; ++u)
        if (first[u] <= last[u]) periods += std::int64_t{last[u]} - first[u] + 1;
    const std::int64_t per_year = counts.kind == PeriodKind::week ? 53 : 12;
    for (std::size_t u = 0; u < n_units; ++u)
        if (std::int64_t{last[u]} - first[u] + 1 > kMaxYears * per_year) {
            panel.units.clear();
            panel.not_run = fmt::format("unit \"{}\" has periods more than {} years apart; split the file",
                                        counts.units.names.name(static_cast<std::uint32_t>(u)), kMaxYears);
            return panel;
        }
    if (periods > kMaxUnitPeriods) {
        panel.units.clear();
        panel.not_run =
            fmt::format("the units' periods come to more than {} million; split the file", kMaxUnitPeriods / 1'000'000);
        return panel;
    }
    for (std::size_t u = 0; u < n_units; ++u) {
        auto& unit = panel.units[u];
        unit.first_period = first[u];
        unit.counts.assign(static_cast<std::size_t>(last[u] - first[u] + 1), -1);
        if (counts.has_adverse) unit.adverse.assign(unit.counts.size(), -1);
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        auto& unit = panel.units[counts.unit[i]];
        const auto t = static_cast<std::size_t>(counts.period[i] - unit.first_period);
        unit.counts[t] = static_cast<std::int32_t>(std::min<std::int64_t>(counts.referrals[i], 1'000'000'000));
        if (counts.has_adverse) unit.adverse[t] = static_cast<std::int32_t>(counts.adverse[i]);
    }
    group_peers(panel, counts.units);
    return panel;
}

}  // namespace pw::analytics
