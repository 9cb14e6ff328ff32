// The league table of every provider, from the published snapshot: filtered by programme, area
// and prime or sub-contractor, sorted as asked, with a server-drawn chart beside the table (the
// table is always there), and the same rows as CSV and JSON.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <set>

#include "core/league/table.hpp"
#include "core/standards/evidence.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

namespace {

using league::Row;

std::vector<Row> rows_of(const AppContext& app, const publication::Snapshot& snapshot) {
    std::vector<Row> rows;
    for (const auto& [id, status] : snapshot.standards().statuses) {
        const auto provider = app.registry.find_provider(ProviderId{id});
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
        row.recovery = status.standing.recovery;
        rows.push_back(std::move(row));
    }
    return rows;
}

struct Parsed {
    league::Query query;
    std::vector<FieldError> errors;
};

Parsed parse(const Request& request) {
    Parsed out;
    auto form = parse_query(request.query);
    if (!form) {
        out.errors.push_back({"sort", "The address of this page is not one we understand"});
        return out;
    }
    const auto sort = field(*form, "sort");
    if (sort == "mean")
        out.query.sort = league::Sort::mean;
    else if (sort == "name")
        out.query.sort = league::Sort::name;
    else if (sort == "complaints")
        out.query.sort = league::Sort::complaints;
    else if (!sort.empty() && sort != "lower")
        out.errors.push_back({"sort", "Choose how to sort the table from the list"});
    const auto kind = field(*form, "kind");
    if (kind == "prime")
        out.query.kind = league::Kind::prime;
    else if (kind == "subcontractor")
        out.query.kind = league::Kind::subcontractor;
    else if (!kind.empty() && kind != "any")
        out.errors.push_back({"kind", "Choose primes, sub-contractors or both"});
    out.query.programme = std::string(field(*form, "programme"));
    if (const auto area = field(*form, "area"); !area.empty()) {
        out.query.area = parse_id(area);
        if (!out.query.area) out.errors.push_back({"area", "Choose an area from the list"});
    }
    if (!out.errors.empty()) out.query = league::Query{};
    return out;
}

// Scores as dots on lines (the 90% interval) against the minimum, for the first 25 rows shown.
std::string chart_svg(const std::vector<Row>& rows, double minimum) {
    std::vector<const Row*> shown;
    for (const auto& r : rows)
        if (r.shown && shown.size() < 25) shown.push_back(&r);
    if (shown.empty()) return "";
    const int row_h = 18, left = 4, width = 300, top = 20;
    const int height = top + row_h * static_cast<int>(shown.size()) + 6;
    const auto x = [&](double stars) { return left + (stars - 1.0) / 4.0 * (width - 2 * left); };
    std::string svg = fmt::format(
        "<svg class=\"pw-league-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"league-chart-title\" "
        "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"league-chart-title\">Scores of the first {} providers in the "
        "table, each with its likely range, against the minimum of {:.1f} stars; the table holds the same figures"
        "</title>",
        width, height, shown.size(), minimum);
    for (int star = 1; star <= 5; ++star) {
        svg +=
            fmt::format("<text x=\"{:.1f}\" y=\"12\" font-size=\"10\" text-anchor=\"middle\">{}</text>", x(star), star);
    }
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"14\" x2=\"{0:.1f}\" y2=\"{1}\" stroke=\"#d4351c\" "
        "stroke-dasharray=\"3 2\"/>",
        x(minimum), height);
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const double y = top + row_h * static_cast<double>(k) + row_h / 2.0;
        const auto& r = *shown[k];
        svg += fmt::format(
            "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#505a5f\" "
            "stroke-width=\"2\"/><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"#0b0c0c\"/>",
            x(std::clamp(r.lower, 1.0, 5.0)), y, x(std::clamp(r.upper, 1.0, 5.0)), y, x(std::clamp(r.mean, 1.0, 5.0)),
            y);
    }
    return svg + "</svg>";
}

Response league_page(const AppContext& app, const Request& request) {
    mustache::data data;
    const auto parsed = parse(request);
    data.set("title", std::string(parsed.errors.empty() ? "" : "Error: ") + "League table");
    set_error_summary(data, parsed.errors);
    const auto snapshot = app.published.current();
    const auto& q = parsed.query;
    std::set<std::string> programmes;
    for (const auto& a : app.registry.list_areas()) programmes.insert(a.programme);
    data.set("programmes", list_of(programmes, [&](const std::string& p) {
                 mustache::data d;
                 d.set("value", p);
                 d.set("selected", flag(p == q.programme));
                 return d;
             }));
    data.set("areas", list_of(app.registry.list_areas(), [&](const registry::AreaSummary& a) {
                 mustache::data d;
                 d.set("value", std::to_string(a.area.id.value));
                 d.set("label", fmt::format("{} {} ({})", a.area.code, a.area.name, a.programme));
                 d.set("selected", flag(q.area && *q.area == a.area.id.value));
                 return d;
             }));
    for (const auto& [key, value] :
         std::initializer_list<std::pair<const char*, bool>>{{"sort_lower", q.sort == league::Sort::lower_bound},
                                                             {"sort_mean", q.sort == league::Sort::mean},
                                                             {"sort_name", q.sort == league::Sort::name},
                                                             {"sort_complaints", q.sort == league::Sort::complaints},
                                                             {"kind_any", q.kind == league::Kind::any},
                                                             {"kind_prime", q.kind == league::Kind::prime},
                                                             {"kind_sub", q.kind == league::Kind::subcontractor}}) {
        data.set(key, flag(value));
    }
    data.set("csv_url", "/league-table.csv" +
                            (request.query.empty() || !parsed.errors.empty() ? std::string() : "?" + request.query));
    if (!snapshot || snapshot->standards().statuses.empty()) {
        data.set("none_yet", true);
        return html_page(app, "league", std::move(data), parsed.errors.empty() ? 200 : 400);
    }
    const auto all = rows_of(app, *snapshot);
    const auto rows = league::select(all, q);
    data.set("period", month_label(snapshot->info().period.to_string()));
    data.set("count", std::to_string(rows.size()));
    data.set("chart", chart_svg(rows, snapshot->standards().in_force.minimum_stars));
    data.set("rows", list_of(rows, [](const Row& r) {
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
                 d.set("status", std::string(standards::status_label(r.status)) +
                                     (r.recovery ? ", under recovery measures" : ""));
                 return d;
             }));
    return html_page(app, "league", std::move(data), parsed.errors.empty() ? 200 : 400);
}

Response league_data(const AppContext& app, const Request& request, bool csv) {
    const auto parsed = parse(request);
    if (!parsed.errors.empty()) return error_page(app, 400);
    const auto snapshot = app.published.current();
    const auto rows = snapshot ? league::select(rows_of(app, *snapshot), parsed.query) : std::vector<Row>{};
    if (csv) {
        Response response{200, "text/csv; charset=utf-8", {}, league::to_csv(rows), ""};
        response.set_header("Content-Disposition", "attachment; filename=\"league-table.csv\"");
        return response;
    }
    boost::json::array out;
    for (const auto& r : rows) {
        boost::json::object o;
        o["provider_id"] = r.provider_id;
        o["name"] = r.name;
        o["prime"] = r.prime;
        o["subcontractor"] = r.subcontractor;
        o["score"] = r.shown ? boost::json::value(r.mean) : nullptr;
        o["lower"] = r.shown ? boost::json::value(r.lower) : nullptr;
        o["upper"] = r.shown ? boost::json::value(r.upper) : nullptr;
        o["complaints_per_100_raters"] = r.complaints_per_100 ? boost::json::value(*r.complaints_per_100) : nullptr;
        o["suggestions_answered_share"] = r.answered_share ? boost::json::value(*r.answered_share) : nullptr;
        o["status"] = std::string(standards::status_name(r.status));
        o["recovery_measures"] = r.recovery;
        out.push_back(std::move(o));
    }
    boost::json::object body;
    body["snapshot"] = snapshot ? snapshot->info().id : 0;
    body["providers"] = std::move(out);
    return Response{200, "application/json", {}, boost::json::serialize(body), ""};
}

}  // namespace

void add_league_routes(Router& router, const AppContext& app) {
    // Public pages of the snapshot: kept a moment, keyed by the four parameters they read.
    const std::vector<std::string> reads{"sort", "kind", "programme", "area"};
    router.get(
        "/league-table", [&app](const Request& r, const RouteParams&) { return league_page(app, r); },
        Caching::public_page, reads);
    router.get(
        "/league-table.csv", [&app](const Request& r, const RouteParams&) { return league_data(app, r, true); },
        Caching::public_page, reads);
    router.get(
        "/api/v1/league-table", [&app](const Request& r, const RouteParams&) { return league_data(app, r, false); },
        Caching::public_page, reads);
}

}  // namespace pw::web
