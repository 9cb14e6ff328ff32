// JSON API for the registry under /api/v1/: the same data as the pages, open to anyone.
#include <boost/json.hpp>

#include "core/registry/search.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/ratings/views.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"

namespace pw::web {

using namespace registry;
namespace json = boost::json;

namespace {

std::int64_t id_of(const AreaDetail& area) { return area.area.id.value; }
std::int64_t id_of(const ProviderDetail& provider) { return provider.provider.id.value; }
std::int64_t id_of(const OfficeDetail& office) { return office.office.id.value; }

Response list_areas(const AppContext& app) {
    json::array areas;
    for (const auto& area : app.registry.list_areas()) areas.push_back(area_summary_json(area));
    return json_response(json::object{{"areas", std::move(areas)}});
}

// A unit's JSON with its published figures added.
template <class ToJson>
auto with_scores(const AppContext& app, ToJson to_json, ratings::UnitKind kind) {
    return [&app, to_json, kind](const auto& found) {
        auto value = to_json(found);
        const auto snapshot = app.published.current();
        value.as_object()["ratings"] =
            scores_json(unit_scores(snapshot.get(), {kind, id_of(found), 0}), snapshot.get());
        return value;
    };
}

template <class Find, class ToJson>
Response one(std::string_view segment, std::string_view what, Find find, ToJson to_json) {
    auto id = parse_id(segment);
    if (!id) return json_error(400, std::string(what) + " id must be a positive whole number");
    auto found = find(*id);
    if (!found) return json_error(404, "no such " + std::string(what));
    return json_response(to_json(*found));
}

Response search(const AppContext& app, const Request& request) {
    auto params = parse_query(request.query);
    if (!params) return json_error(400, "the query string is not valid percent-encoded UTF-8");
    auto q = params->find("q");
    if (q == params->end()) return json_error(400, "missing parameter q");
    auto key = search_key_for(q->second);
    if (!key) return json_error(400, key.error().message);
    json::array results;
    for (const auto& hit : app.registry.search(*key, kMaxSearchHits)) results.push_back(hit_json(hit));
    return json_response(json::object{{"query", q->second}, {"results", std::move(results)}});
}

}  // namespace

void add_registry_api_routes(Router& router, const AppContext& app) {
    router.get(
        "/api/v1/areas", [&app](const Request&, const RouteParams&) { return list_areas(app); }, Caching::public_page);
    router.get(
        "/api/v1/areas/{id}",
        [&app](const Request&, const RouteParams& p) {
            return one(
                p.get("id"), "area", [&](long long id) { return app.registry.find_area(AreaId{id}); },
                with_scores(app, area_detail_json, ratings::UnitKind::area));
        },
        Caching::public_page);
    router.get(
        "/api/v1/providers/{id}",
        [&app](const Request&, const RouteParams& p) {
            return one(
                p.get("id"), "provider", [&](long long id) { return app.registry.find_provider(ProviderId{id}); },
                with_scores(app, provider_json, ratings::UnitKind::provider));
        },
        Caching::public_page);
    router.get(
        "/api/v1/offices/{id}",
        [&app](const Request&, const RouteParams& p) {
            return one(
                p.get("id"), "office", [&](long long id) { return app.registry.find_office(OfficeId{id}); },
                with_scores(app, office_json, ratings::UnitKind::office));
        },
        Caching::public_page);
    router.get(
        "/api/v1/search", [&app](const Request& r, const RouteParams&) { return search(app, r); },
        Caching::public_page, {"q"});
}

}  // namespace pw::web
