// JSON API for the registry under /api/v1/: the same data as the pages, open to anyone.
#include <boost/json.hpp>

#include "core/registry/search.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"

namespace pw::web {

using namespace registry;
namespace json = boost::json;

namespace {

Response list_areas(const AppContext& app) {
    json::array areas;
    for (const auto& area : app.registry.list_areas()) areas.push_back(area_summary_json(area));
    return json_response(json::object{{"areas", std::move(areas)}});
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
                area_detail_json);
        },
        Caching::public_page);
    router.get(
        "/api/v1/providers/{id}",
        [&app](const Request&, const RouteParams& p) {
            return one(
                p.get("id"), "provider", [&](long long id) { return app.registry.find_provider(ProviderId{id}); },
                provider_json);
        },
        Caching::public_page);
    router.get(
        "/api/v1/offices/{id}",
        [&app](const Request&, const RouteParams& p) {
            return one(
                p.get("id"), "office", [&](long long id) { return app.registry.find_office(OfficeId{id}); },
                office_json);
        },
        Caching::public_page);
    router.get(
        "/api/v1/search", [&app](const Request& r, const RouteParams&) { return search(app, r); },
        Caching::public_page);
}

}  // namespace pw::web
