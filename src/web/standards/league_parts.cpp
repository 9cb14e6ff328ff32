#include "web/standards/league_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <optional>
#include <set>

#include "core/standards/evidence.hpp"
#include "web/registry/views.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

namespace {

using league::Row;

std::vector<Row> rows_of(registry::RegistryRepository& registry, const publication::Snapshot& snapshot) {
    std::vector<Row> rows;
    for (const auto& [id, status] : snapshot.standards().statuses) {
        const auto provider = registry.find_provider(ProviderId{id});
        if (!provider) continue;
        Row row;
        row.provider_id = id;
        row.name = provider->provider.name;
        row.prime = provider->is_prime();
        row.subcontractor = provider->is_subcontractor();
        std::set<std::string> programmes;
        for (const auto& role : provider->roles) {
            programmes.insert(role.programme);
            row.areas.push_back(role.area.id.value);
        }
        row.programmes.assign(programmes.begin(), programmes.end());
        const auto evidence = standards::evidence_for(snapshot, id);
        row.shown = evidence.score.shown;
        row.mean = evidence.score.mean;
        row.lower = evidence.score.lower;
        row.upper = evidence.score.upper;
        row.raters = evidence.score.raters;
        row.complaints_per_100 = evidence.complaints_per_100;
        row.answered_share = evidence.answered_share;
        row.status = status.standing.published;
        row.assessed = status.standing.assessed;
        row.recovery = status.standing.recovery;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string row_html(const Renderer& renderer, const Row& r) {
    mustache::data d;
    d.set("name", r.name);
    d.set("url", provider_url(ProviderId{r.provider_id}));
    d.set("kind", std::string(r.prime && r.subcontractor ? "Prime and sub-contractor"
                              : r.prime                  ? "Prime"
                                                         : "Sub-contractor"));
    d.set("score", r.shown ? fmt::format("{:.1f} ({:.1f} to {:.1f})", r.mean, r.lower, r.upper)
                           : std::string("Not enough ratings yet"));
    d.set("complaints", r.complaints_per_100 ? fmt::format("{:.0f}", *r.complaints_per_100) : "–");
    d.set("answered", r.answered_share ? fmt::format("{:.0f}%", 100 * *r.answered_share) : "–");
    d.set("status", std::string(standards::published_label(r.status, r.assessed)) +
                        (r.recovery ? ", under recovery measures" : ""));
    return renderer.render("parts/league_row", d);
}

// The chart's scale: 1 to 5 stars across, a row of 18 under a heading of 20.
constexpr int kRowHeight = 18, kLeft = 4, kWidth = 300, kTop = 20;
constexpr std::size_t kChartMarks = 25;  // the first 25 scores shown
double chart_x(double stars) {
    return kLeft + (std::clamp(stars, 1.0, 5.0) - 1.0) / 4.0 * (kWidth - 2 * kLeft);
}

std::string row_mark(const Row& r) {
    if (!r.shown) return "";
    return fmt::format(
        "<line x1=\"{:.1f}\" y1=\"0\" x2=\"{:.1f}\" y2=\"0\" stroke=\"#505a5f\" stroke-width=\"2\"/>"
        "<circle cx=\"{:.1f}\" cy=\"0\" r=\"4\" fill=\"#0b0c0c\"/>",
        chart_x(r.lower), chart_x(r.upper), chart_x(r.mean));
}

// Everything of the chart but the marks, drawn once: for each number of marks, the frame with
// its title, the stars along the top and the minimum; and the place of each mark.
void draw_chart_frame(LeagueParts& parts, double minimum) {
    std::string scale;
    for (int star = 1; star <= 5; ++star) {
        scale += fmt::format("<text x=\"{:.1f}\" y=\"12\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
                             chart_x(star), star);
    }
    for (std::size_t n = 1; n <= kChartMarks; ++n) {
        const int height = kTop + kRowHeight * static_cast<int>(n) + 6;
        parts.chart_head.push_back(fmt::format(
            "<svg class=\"pw-league-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"league-chart-title\" "
            "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"league-chart-title\">Scores of the first {} providers on "
            "this page of the table, each with its likely range, against the minimum of {:.1f} stars; the table holds "
            "the same figures</title>{}<line x1=\"{:.1f}\" y1=\"14\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#d4351c\" "
            "stroke-dasharray=\"3 2\"/>",
            kWidth, height, n, minimum, scale, chart_x(minimum), chart_x(minimum), height));
        parts.chart_slot.push_back(fmt::format("<g transform=\"translate(0 {})\">",
                                               kTop + kRowHeight * static_cast<int>(n - 1) + kRowHeight / 2));
    }
}

void add_option(FilterOptions& options, std::string value, const std::string& label) {
    const auto open = "<option value=\"" + mustache::html_escape(value) + "\"";
    const auto rest = ">" + mustache::html_escape(label) + "</option>";
    options.plain.push_back(open + rest);
    options.selected.push_back(open + " selected" + rest);
    options.values.push_back(std::move(value));
}

// Figures as the CSV gives them (scores and shares to 2 places, complaints to 1), rounded the same
// way (fmt's, halves to even on the binary value): the noise and the interval make more places
// meaningless, and the whole table was a fifth larger with them.
boost::json::value places(std::optional<double> x, int digits) {
    if (!x) return nullptr;
    return std::stod(fmt::format("{:.{}f}", *x, digits));
}

std::string row_json(const Row& r) {
    boost::json::object o;
    o["provider_id"] = r.provider_id;
    o["name"] = r.name;
    o["prime"] = r.prime;
    o["subcontractor"] = r.subcontractor;
    const auto shown = [&r](double x) { return r.shown ? std::optional(x) : std::nullopt; };
    o["score"] = places(shown(r.mean), 2);
    o["lower"] = places(shown(r.lower), 2);
    o["upper"] = places(shown(r.upper), 2);
    o["complaints_per_100_raters"] = places(r.complaints_per_100, 1);
    o["suggestions_answered_share"] = places(r.answered_share, 2);
    o["status"] = std::string(standards::status_name(r.status));
    o["recovery_measures"] = r.recovery;
    return boost::json::serialize(o);
}

}  // namespace

LeagueParts league_parts(registry::RegistryRepository& registry, const publication::Snapshot& snapshot,
                         const Renderer& renderer) {
    LeagueParts parts;
    parts.rows = rows_of(registry, snapshot);
    for (const auto& row : parts.rows) {
        parts.html.push_back(row_html(renderer, row));
        parts.json.push_back(row_json(row));
        parts.mark.push_back(row_mark(row));
    }
    parts.filters = league_filters(registry);
    for (const auto sort :
         {league::Sort::lower_bound, league::Sort::mean, league::Sort::name, league::Sort::complaints})
        parts.sorted[static_cast<std::size_t>(sort)] = league::sorted_positions(parts.rows, sort);
    draw_chart_frame(parts, snapshot.standards().in_force.minimum_stars);
    std::array<std::string, kLeagueSlots> markers;
    for (std::size_t k = 0; k < kLeagueSlots; ++k) markers[k] = PageSkeleton::marker(k);
    parts.page.emplace(renderer, "league", league_page_data(month_label(snapshot.info().period.to_string()), markers),
                       kLeagueSlots);
    return parts;
}

mustache::data league_page_data(std::string_view period, std::span<const std::string> slots) {
    constexpr const char* kNames[kLeagueSlots] = {"sort_options", "kind_options", "programme_options",
                                                  "area_options", "count",        "csv_url",
                                                  "rows",         "pages",        "chart"};
    mustache::data data;
    data.set("title", "League table");
    if (!period.empty()) data.set("period", std::string(period));
    for (std::size_t k = 0; k < kLeagueSlots && k < slots.size(); ++k) data.set(kNames[k], slots[k]);
    return data;
}

std::vector<std::size_t> LeagueParts::select(const league::Query& query) const {
    const auto& order = sorted[static_cast<std::size_t>(query.sort)];
    if (query.kind == league::Kind::any && query.programme.empty() && !query.area) return order;
    std::vector<std::size_t> out;
    for (const auto k : order)
        if (league::keeps(rows[k], query)) out.push_back(k);
    return out;
}

std::string LeagueParts::chart(std::span<const std::size_t> order) const {
    std::size_t marks[kChartMarks];
    std::size_t n = 0;
    for (const auto k : order)
        if (rows[k].shown && n < kChartMarks) marks[n++] = k;
    if (n == 0) return "";
    std::string svg = chart_head[n - 1];
    for (std::size_t at = 0; at < n; ++at) {
        svg += chart_slot[at];
        svg += mark[marks[at]];
        svg += "</g>";
    }
    return svg + "</svg>";
}

std::string FilterOptions::html(std::string_view chosen) const {
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k) out += values[k] == chosen ? selected[k] : plain[k];
    return out;
}

LeagueFilters league_filters(registry::RegistryRepository& registry) {
    LeagueFilters filters;
    add_option(filters.sorts, "lower", "Surest score first (the bottom of its range)");
    add_option(filters.sorts, "mean", "Score");
    add_option(filters.sorts, "complaints", "Fewest complaints");
    add_option(filters.sorts, "name", "Name");
    add_option(filters.kinds, "any", "Primes and sub-contractors");
    add_option(filters.kinds, "prime", "Primes");
    add_option(filters.kinds, "subcontractor", "Sub-contractors");
    std::set<std::string> programmes;
    const auto areas = registry.list_areas();
    for (const auto& a : areas) programmes.insert(a.programme);
    for (const auto& p : programmes) add_option(filters.programmes, p, p);
    for (const auto& a : areas) {
        add_option(filters.areas, std::to_string(a.area.id.value),
                   fmt::format("{} {} ({})", a.area.code, a.area.name, a.programme));
    }
    return filters;
}

}  // namespace pw::web
