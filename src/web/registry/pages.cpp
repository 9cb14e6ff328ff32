// The registry's pages: browse by area, an area, a provider, an office, search.
#include <algorithm>

#include <fmt/format.h>

#include "core/registry/search.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/registry/page_parts.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"

namespace pw::web {

using namespace registry;

namespace {

void set_breadcrumbs(mustache::data& data, std::initializer_list<std::pair<std::string, std::string>> items) {
    mustache::data list{mustache::data::type::list};
    for (const auto& [text, url] : items) {
        mustache::data item;
        put(item, "text", text);
        put(item, "url", url);
        list.push_back(item);
    }
    put(data, "breadcrumbs", list);
    put(data, "has_breadcrumbs", mustache::data::type::bool_true);
}

Response browse_areas(const AppContext& app) {
    auto areas = app.registry.list_areas();
    mustache::data data;
    put(data, "title", "Find your provider by area");
    // One table per programme, in the registry's order (by name: the Restart Scheme, today's,
    // before the Work Programme).
    mustache::data programmes{mustache::data::type::list};
    for (std::size_t first = 0; first < areas.size();) {
        std::size_t end = first;
        while (end < areas.size() && areas[end].programme == areas[first].programme) ++end;
        mustache::data programme;
        put(programme, "programme", areas[first].programme);
        put(programme, "area_count", std::to_string(end - first));
        put(programme, "areas", list_of(std::span(areas).subspan(first, end - first), area_summary_view));
        programmes.push_back(std::move(programme));
        first = end;
    }
    put(data, "programmes", std::move(programmes));
    set_breadcrumbs(data, {{"Home", "/"}});
    return html_page(app, "areas", std::move(data));
}

Response show_area(const AppContext& app, const RouteParams& params) {
    auto id = parse_id(params.get("id"));
    auto area = id ? app.registry.find_area(AreaId{*id}) : std::nullopt;
    if (!area) return error_page(app, 404);
    const auto snapshot = app.published.current();
    const auto parts = app.page_parts.current();
    mustache::data data;
    set_area(data, area->area);
    put(data, "programme", area->programme.name);
    std::string scratch;
    put(data, "ratings_html",
        std::string(part_or(parts.get(), snapshot.get(), &PageParts::area_ratings, *id, scratch,
                            [&] { return area_ratings_html(app.renderer, snapshot.get(), *area); })));
    put(data, "contracts_html",
        std::string(part_or(parts.get(), snapshot.get(), &PageParts::area_contracts, *id, scratch,
                            [&] { return area_contracts_html(app.renderer, *area); })));
    put(data, "title", fmt::format("CPA {}: {}", area->area.code, area->area.name));
    set_breadcrumbs(data, {{"Home", "/"}, {"Areas", "/areas"}});
    return html_page(app, "area", std::move(data));
}

constexpr int kStoriesPerPage = 10;

// Published stories about a provider, newest first, a page at a time, from the stories held in
// memory. False when the page asked for is not one there is: each page has one address, so
// made-up page numbers cannot make the server compute a page over and over.
bool set_stories(const AppContext& app, mustache::data& data, std::int64_t provider_id, const Request& request) {
    const auto stories = app.stories.of(provider_id);
    const auto total = static_cast<long long>(stories->size());
    const auto pages = std::max(1LL, (total + kStoriesPerPage - 1) / kStoriesPerPage);
    auto query = parse_query(request.query);
    if (!query) return false;
    const auto page_text = field(*query, "page");
    const auto asked = page_text.empty() ? std::optional<long long>(1) : parse_id(page_text);
    if (!asked || *asked < 1 || *asked > pages) return false;
    const auto page = *asked;
    std::string html;
    const auto first = (page - 1) * kStoriesPerPage;
    for (auto i = first; i < std::min(total, first + kStoriesPerPage); ++i) html += (*stories)[i];
    put(data, "stories_html", std::move(html));
    put(data, "has_stories", flag(total > 0));
    if (page > 1) put(data, "previous_page", std::to_string(page - 1));
    if (page < pages) put(data, "next_page", std::to_string(page + 1));
    if (pages > 1) put(data, "page_label", fmt::format("Page {} of {}", page, pages));
    return true;
}

Response show_provider(const AppContext& app, const RouteParams& params, const Request& request) {
    auto id = parse_id(params.get("id"));
    const auto provider = id ? app.registry.find_provider(ProviderId{*id}) : std::nullopt;
    if (!provider) return error_page(app, 404);
    const auto snapshot = app.published.current();
    const auto parts = app.page_parts.current();
    mustache::data data;
    put(data, "name", provider->provider.name);
    put(data, "title", provider->provider.name);
    std::string scratch;
    const auto part = [&](auto table, auto render) {
        return std::string(part_or(parts.get(), snapshot.get(), table, *id, scratch, render));
    };
    put(data, "ratings_html",
        part(&PageParts::provider_ratings, [&] { return provider_ratings_html(app.renderer, snapshot.get(), *id); }));
    put(data, "sanctions_html", part(&PageParts::provider_sanctions, [&] {
            return provider_sanctions_html(app.renderer, snapshot.get(), *id);
        }));
    put(data, "registry_html",
        part(&PageParts::provider_registry, [&] { return provider_registry_html(app.renderer, *provider); }));
    put(data, "is_prime", flag(provider->is_prime()));
    put(data, "is_subcontractor", flag(provider->is_subcontractor()));
    put(data, "what", "this provider");
    put(data, "rate_url", provider_url(provider->provider.id) + "/rate");
    if (!set_stories(app, data, *id, request)) return error_page(app, 404);
    set_provider_suggestions(app, data, *id);
    set_provider_standards(app, data, *id);
    set_breadcrumbs(data, {{"Home", "/"}, {"Areas", "/areas"}});
    return html_page(app, "provider", std::move(data));
}

Response show_office(const AppContext& app, const RouteParams& params) {
    auto id = parse_id(params.get("id"));
    auto office = id ? app.registry.find_office(OfficeId{*id}) : std::nullopt;
    if (!office) return error_page(app, 404);
    mustache::data data = office_view(*office);
    const auto snapshot = app.published.current();
    const auto parts = app.page_parts.current();
    std::string scratch;
    put(data, "ratings_html",
        std::string(part_or(parts.get(), snapshot.get(), &PageParts::office_ratings, *id, scratch,
                            [&] { return office_ratings_html(app.renderer, snapshot.get(), *id); })));
    put(data, "what", "this office");
    put(data, "rate_url", office_url(office->office.id) + "/rate");
    put(data, "title", fmt::format("{}, {}", office->office.name, office->office.town));
    set_breadcrumbs(data, {{"Home", "/"}, {office->provider.name, provider_url(office->provider.id)}});
    return html_page(app, "office", std::move(data));
}

Response search_page(const AppContext& app, const Request& request) {
    auto params = parse_query(request.query);
    if (!params) return error_page(app, 400);
    mustache::data data;
    put(data, "title", "Search for a provider or office");
    set_breadcrumbs(data, {{"Home", "/"}});
    auto q = params->find("q");
    if (q == params->end()) return html_page(app, "search", std::move(data));  // the empty form

    put(data, "query", q->second);
    auto key = search_key_for(q->second);
    if (!key) {
        put(data, "title", "Error: Search for a provider or office");
        put(data, "error", key.error().message);
        return html_page(app, "search", std::move(data), 400);
    }
    auto hits = app.registry.search(*key, kMaxSearchHits);
    put(data, "searched", mustache::data::type::bool_true);
    put(data, "results", list_of(hits, hit_view));
    put(data, "result_count", std::to_string(hits.size()));
    put(data, "one_result", flag(hits.size() == 1));
    put(data, "no_results", flag(hits.empty()));
    return html_page(app, "search", std::move(data));
}

}  // namespace

void add_registry_routes(Router& router, const AppContext& app) {
    router.get(
        "/areas", [&app](const Request&, const RouteParams&) { return browse_areas(app); }, Caching::public_page);
    router.get(
        "/areas/{id}", [&app](const Request&, const RouteParams& p) { return show_area(app, p); },
        Caching::public_page);
    router.get("/providers/{id}", [&app](const Request& r, const RouteParams& p) { return show_provider(app, p, r); },
               Caching::public_page, {"page"});
    router.get(
        "/offices/{id}", [&app](const Request&, const RouteParams& p) { return show_office(app, p); },
        Caching::public_page);
    router.get("/search", [&app](const Request& r, const RouteParams&) { return search_page(app, r); },
               Caching::public_page, {"q"});
}

}  // namespace pw::web
