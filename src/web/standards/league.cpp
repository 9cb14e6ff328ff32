// The league table of every provider, from the published snapshot: filtered by programme, area
// and prime or sub-contractor, sorted as asked, 25 a page with a server-drawn chart of them beside
// the table (the table is always there), and every row as CSV and JSON. The rows are made once a
// snapshot (league_parts.hpp); a request picks and joins them.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <span>

#include "core/league/table.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/standards/league_parts.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

namespace {

using league::Row;

// A page of the table at a time: the whole of it is about 170 KB of HTML, too much for a phone
// on a slow connection, and the downloads hold every row.
constexpr std::size_t kRowsPerPage = 25;
const std::vector<std::string> kFilters{"sort", "kind", "programme", "area"};

// The snapshot's league lines: those the snapshot keeper rendered with it, else rendered now.
std::shared_ptr<const LeagueParts> lines_of(const AppContext& app, const publication::Snapshot& snapshot) {
    const auto parts = app.page_parts.current();
    if (parts && parts->snapshot_id == snapshot.info().id && parts->league) return parts->league;
    return std::make_shared<const LeagueParts>(league_parts(app.registry, snapshot, app.renderer));
}

struct Parsed {
    league::Query query;
    std::vector<FieldError> errors;
    std::string page;  // as written; empty: the first
};

Parsed parse(const Request& request) {
    Parsed out;
    auto form = parse_query(request.query);
    if (!form) {
        out.errors.push_back({"sort", "The address of this page is not one we understand"});
        return out;
    }
    out.page = std::string(field(*form, "page"));
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

// The page of the table asked for (1 when none is): nullopt when there is no such page, so each
// page has one address and made-up page numbers are not pages.
std::optional<std::size_t> page_asked(std::string_view text, std::size_t rows) {
    const auto page = text.empty() ? std::optional<long long>(1) : parse_id(text);
    const auto pages = std::max<std::size_t>(1, (rows + kRowsPerPage - 1) / kRowsPerPage);
    if (!page || *page < 1 || static_cast<std::size_t>(*page) > pages) return std::nullopt;
    return static_cast<std::size_t>(*page);
}

// The links between pages of the table ("" when it has one page), keeping the filters.
std::string page_links(const AppContext& app, std::string_view filters, std::size_t page, std::size_t pages,
                       std::size_t first, std::size_t shown) {
    if (pages <= 1) return "";
    const auto link = [&](std::size_t to) {
        return "/league-table?" + std::string(filters) + (filters.empty() ? "" : "&") + "page=" + std::to_string(to) +
               "#league";
    };
    mustache::data data;
    data.set("page_label", fmt::format("Page {} of {}: providers {} to {}", page, pages, first + 1, first + shown));
    if (page > 1) data.set("previous_page", link(page - 1));
    if (page < pages) data.set("next_page", link(page + 1));
    return app.renderer.render("parts/league_pages", data);
}

Response league_page(const AppContext& app, const Request& request) {
    const auto parsed = parse(request);
    const auto snapshot = app.published.current();
    const auto& q = parsed.query;
    const auto lines = snapshot && !snapshot->standards().statuses.empty() ? lines_of(app, *snapshot) : nullptr;
    const auto filters_now = lines ? LeagueFilters{} : league_filters(app.registry);
    const auto& choices = lines ? lines->filters : filters_now;
    std::array<std::string, kLeagueSlots> slots;
    const auto slot = [&slots](LeagueSlot s) -> std::string& { return slots[static_cast<std::size_t>(s)]; };
    slot(LeagueSlot::programme_options) = choices.programmes.html(q.programme);
    slot(LeagueSlot::area_options) = choices.areas.html(q.area ? std::to_string(*q.area) : "");
    constexpr std::string_view kSortNames[] = {"lower", "mean", "name", "complaints"};  // by league::Sort
    constexpr std::string_view kKindNames[] = {"any", "prime", "subcontractor"};        // by league::Kind
    slot(LeagueSlot::sort_options) = choices.sorts.html(kSortNames[static_cast<std::size_t>(q.sort)]);
    slot(LeagueSlot::kind_options) = choices.kinds.html(kKindNames[static_cast<std::size_t>(q.kind)]);
    // The filters as asked (none when they were wrong), for the download and the page links.
    const auto filters = parsed.errors.empty() ? canonical_query(request.query, kFilters).value_or("") : "";
    slot(LeagueSlot::csv_url) = mustache::html_escape("/league-table.csv" + (filters.empty() ? "" : "?" + filters));
    // Without figures, or with an error to show, the page is rendered whole.
    const auto whole = [&](std::string_view period) {
        auto data = league_page_data(period, slots);
        if (!parsed.errors.empty()) data.set("title", "Error: League table");
        set_error_summary(data, parsed.errors);
        if (!lines) data.set("none_yet", true);
        return html_page(app, "league", std::move(data), parsed.errors.empty() ? 200 : 400);
    };
    if (!lines) return whole("");
    const auto order = lines->select(q);
    const auto page = page_asked(parsed.page, order.size());
    if (!page) return error_page(app, 404);
    const auto first = std::min(order.size(), (*page - 1) * kRowsPerPage);
    const std::span<const std::size_t> shown(order.data() + first, std::min(kRowsPerPage, order.size() - first));
    slot(LeagueSlot::count) = std::to_string(order.size());
    slot(LeagueSlot::chart) = lines->chart(shown);
    std::size_t size = 0;
    for (const auto k : shown) size += lines->html[k].size();
    auto& rows = slot(LeagueSlot::rows);
    rows.reserve(size);
    for (const auto k : shown) rows += lines->html[k];
    const auto pages = (order.size() + kRowsPerPage - 1) / kRowsPerPage;
    slot(LeagueSlot::pages) = page_links(app, filters, *page, pages, first, shown.size());
    if (!parsed.errors.empty() || !lines->page) return whole(month_label(snapshot->info().period.to_string()));
    std::array<std::string_view, kLeagueSlots> values;
    std::copy(slots.begin(), slots.end(), values.begin());
    Response response;
    response.body = lines->page->fill(values);
    return response;
}

Response league_data(const AppContext& app, const Request& request, bool csv) {
    const auto parsed = parse(request);
    if (!parsed.errors.empty()) return csv ? error_page(app, 400) : json_error(400, parsed.errors.front().message);
    const auto snapshot = app.published.current();
    const auto lines = snapshot ? lines_of(app, *snapshot) : std::make_shared<const LeagueParts>();
    const auto order = lines->select(parsed.query);
    if (csv) {
        std::vector<Row> rows;
        for (const auto k : order) rows.push_back(lines->rows[k]);
        Response response{200, "text/csv; charset=utf-8", {}, league::to_csv(rows), ""};
        response.set_header("Content-Disposition", "attachment; filename=\"league-table.csv\"");
        return response;
    }
    // {"snapshot":N,"providers":[...]}, joined from the lines serialised with the snapshot.
    std::string body = fmt::format("{{\"snapshot\":{},\"providers\":[", snapshot ? snapshot->info().id : 0);
    for (std::size_t n = 0; n < order.size(); ++n) {
        if (n) body += ',';
        body += lines->json[order[n]];
    }
    body += "]}";
    return Response{200, "application/json", {}, std::move(body), ""};
}

}  // namespace

void add_league_routes(Router& router, const AppContext& app) {
    // Public pages of the snapshot: kept a moment, keyed by the parameters they read. The
    // downloads hold every row, so only the page reads which page.
    auto paged = kFilters;
    paged.push_back("page");
    router.get(
        "/league-table", [&app](const Request& r, const RouteParams&) { return league_page(app, r); },
        Caching::public_page, paged);
    router.get(
        "/league-table.csv", [&app](const Request& r, const RouteParams&) { return league_data(app, r, true); },
        Caching::public_page, kFilters);
    router.get(
        "/api/v1/league-table", [&app](const Request& r, const RouteParams&) { return league_data(app, r, false); },
        Caching::public_page, kFilters);
}

}  // namespace pw::web
