#include "analytics/referrals/writer.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>

#include "core/csv/csv.hpp"

namespace pw::analytics {
namespace {

std::vector<std::string> escaped(const Dictionary& d) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < d.size(); ++i) out.push_back(csv::escape_field(d.name(static_cast<std::uint32_t>(i))));
    return out;
}

std::string name_or_empty(const std::vector<std::string>& names, std::uint32_t index) {
    return index == kNone ? std::string() : names[index];
}

// ISO 8601 week: the year of its Thursday, counted from the week holding 4 January.
std::string iso_week(std::int32_t week) {
    const Day thursday = monday_of_week(week) + 3;
    const int year = civil_from_day(thursday).year;
    return fmt::format("{:04}-W{:02}", year, week - week_of(day_from_civil(year, 1, 4)) + 1);
}

}  // namespace

std::string open_days_text(std::uint8_t mask) {
    static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::string out;
    for (int d = 0; d < 7; ++d)
        if (mask & (1u << d)) out += (out.empty() ? "" : ",") + std::string(kDays[d]);
    return out;
}

std::string events_csv(const Events& e) {
    const auto units = escaped(e.units.names), parents = escaped(e.units.parents), areas = escaped(e.units.areas),
               reasons = escaped(e.reasons);
    // The optional unit columns are written only when some unit has them.
    const bool open_days = std::ranges::any_of(e.units.open_days, [](auto m) { return m != 0; });
    const bool nations = std::ranges::any_of(e.units.nation, [](auto n) { return n != Nation::england_and_wales; });
    const bool advisers = !e.adviser.empty();
    const auto adviser_names = escaped(e.advisers);
    std::string out = "date,unit,parent,area,reason,decision,reconsideration,appeal";
    out += std::string(open_days ? ",open_days" : "") + (nations ? ",nation" : "") + (advisers ? ",adviser" : "") + "\n";
    out.reserve(e.size() * 64);
    auto it = std::back_inserter(out);
    for (std::size_t i = 0; i < e.size(); ++i) {
        const Civil c = civil_from_day(e.day[i]);
        const auto u = e.unit[i];
        fmt::format_to(it, "{:04}-{:02}-{:02},{},{},{},{},{},{},{}", c.year, c.month, c.day, units[u],
                       name_or_empty(parents, e.units.parent[u]), name_or_empty(areas, e.units.area[u]),
                       name_or_empty(reasons, e.reason[i]), decision_name(e.decision[i]),
                       review_name(e.reconsideration[i]), review_name(e.appeal[i]));
        if (open_days) fmt::format_to(it, ",\"{}\"", open_days_text(e.units.open_days[u]));
        if (nations) fmt::format_to(it, ",{}", nation_name(e.units.nation[u]));
        if (advisers) fmt::format_to(it, ",{}", name_or_empty(adviser_names, e.adviser[i]));
        out += '\n';
    }
    return out;
}

std::string counts_csv(const Counts& c) {
    const auto units = escaped(c.units.names), parents = escaped(c.units.parents), areas = escaped(c.units.areas);
    std::string out = "unit,period,referrals,caseload,adverse,parent,area\n";
    auto it = std::back_inserter(out);
    for (std::size_t i = 0; i < c.size(); ++i) {
        const auto u = c.unit[i];
        const std::string period =
            c.kind == PeriodKind::week ? iso_week(c.period[i]) : period_label(c.kind, c.period[i], c.spans);
        fmt::format_to(it, "{},{},{},{},{},{},{}\n", units[u], period, c.referrals[i],
                       c.caseload[i] >= 0 ? std::to_string(c.caseload[i]) : "",
                       c.adverse[i] >= 0 ? std::to_string(c.adverse[i]) : "", name_or_empty(parents, c.units.parent[u]),
                       name_or_empty(areas, c.units.area[u]));
    }
    return out;
}

}  // namespace pw::analytics
