#include "analytics/detection/providers.hpp"

#include <cmath>
#include <map>

#include "analytics/detection/model.hpp"

namespace pw::analytics {
namespace {

// Groups are a unit's parent when the input names parents, else the unit itself; areas are the
// area column, else one area holding everything.
struct Grouping {
    std::map<std::string, std::map<std::string, ProviderGroup>> areas;
    ProviderGroup& at(const Units& units, std::uint32_t unit) {
        const std::string area =
            units.area[unit] == kNone ? "all units (no area given)" : units.areas.name(units.area[unit]);
        const std::string name =
            units.parent[unit] == kNone ? units.names.name(unit) : units.parents.name(units.parent[unit]);
        auto& group = areas[area][name];
        group.name = name;
        return group;
    }
};

// A two-proportion z test of one provider against the rest of its area, Bonferroni over `tests`.
AgainstArea against_rest(const ProviderGroup& g, std::int64_t area_adverse, std::int64_t area_decided,
                         std::size_t tests) {
    AgainstArea t{g.name};
    const auto rest_adverse = area_adverse - g.adverse, rest_decided = area_decided - g.decided;
    if (g.decided <= 0 || rest_decided <= 0) return t;
    const double pa = static_cast<double>(g.adverse) / static_cast<double>(g.decided);
    const double pb = static_cast<double>(rest_adverse) / static_cast<double>(rest_decided);
    const double pooled = static_cast<double>(area_adverse) / static_cast<double>(area_decided);
    const double se = std::sqrt(pooled * (1 - pooled) *
                                (1.0 / static_cast<double>(g.decided) + 1.0 / static_cast<double>(rest_decided)));
    t.difference = pa - pb;
    t.z = se > 0 ? t.difference / se : 0;
    t.p_value = std::min(1.0, 2 * normal_upper(std::fabs(t.z)) * static_cast<double>(tests));
    return t;
}

std::vector<ProviderComparison> compare(const Grouping& grouping) {
    std::vector<ProviderComparison> out;
    for (const auto& [area, groups] : grouping.areas) {
        ProviderComparison c;
        c.area = area;
        for (const auto& [name, g] : groups) c.groups.push_back(g);
        if (c.groups.size() < 2) {
            c.not_run = "only one provider in this area";
            out.push_back(std::move(c));
            continue;
        }
        std::vector<statistics::Group> shares, rates;
        bool have_adverse = true, have_caseload = true;
        for (const auto& g : c.groups) {
            have_adverse &= g.adverse >= 0 && g.decided > 0;
            have_caseload &= g.caseload > 0;
            shares.push_back({g.name, static_cast<double>(g.adverse), static_cast<double>(g.decided)});
            rates.push_back({g.name, static_cast<double>(g.referrals), static_cast<double>(g.caseload)});
        }
        auto usable = [](const std::vector<statistics::Group>& groups) {
            double yes = 0, all = 0;
            for (const auto& g : groups) yes += g.successes, all += g.total;
            return yes > 0 && yes < all;
        };
        if (have_adverse && usable(shares)) {
            if (auto test = statistics::equal_proportions(shares)) c.adverse = *test;
            std::int64_t adverse = 0, decided = 0;
            for (const auto& g : c.groups) adverse += g.adverse, decided += g.decided;
            for (const auto& g : c.groups) c.against_area.push_back(against_rest(g, adverse, decided, c.groups.size()));
        }
        if (have_caseload && usable(rates)) {
            if (auto test = statistics::equal_proportions(rates)) c.rate = *test;
        }
        if (!c.adverse && !c.rate) c.not_run = "needs adverse decisions or caseloads for every provider";
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<ProviderComparison> compare_providers(const Events& events, std::optional<Day> from,
                                                  std::optional<Day> to) {
    Grouping grouping;
    std::vector<ProviderGroup*> of_unit(events.units.names.size());
    for (std::uint32_t u = 0; u < of_unit.size(); ++u) {
        of_unit[u] = &grouping.at(events.units, u);
        of_unit[u]->adverse = 0;
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
        if ((from && events.day[i] < *from) || (to && events.day[i] > *to)) continue;
        auto& g = *of_unit[events.unit[i]];
        ++g.referrals;
        const auto d = events.decision[i];
        g.adverse += d == Decision::adverse;
        g.decided += d == Decision::adverse || d == Decision::non_adverse;
    }
    return compare(grouping);
}

std::vector<ProviderComparison> compare_providers(const Counts& counts) {
    Grouping grouping;
    std::vector<ProviderGroup*> of_unit(counts.units.names.size());
    for (std::uint32_t u = 0; u < of_unit.size(); ++u) {
        of_unit[u] = &grouping.at(counts.units, u);
        of_unit[u]->adverse = counts.has_adverse ? 0 : -1;
        of_unit[u]->caseload = counts.has_caseload ? 0 : -1;
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        auto& g = *of_unit[counts.unit[i]];
        g.referrals += counts.referrals[i];
        if (counts.has_adverse) {
            if (counts.adverse[i] >= 0 && g.adverse >= 0) {
                g.adverse += counts.adverse[i];
                g.decided += counts.referrals[i];  // the published tables give sanctions out of referrals
            } else {
                g.adverse = -1;  // a row without its adverse count: no share for this provider
            }
        }
        if (counts.has_caseload)
            g.caseload = counts.caseload[i] >= 0 && g.caseload >= 0 ? g.caseload + counts.caseload[i] : -1;
    }
    return compare(grouping);
}

}  // namespace pw::analytics
