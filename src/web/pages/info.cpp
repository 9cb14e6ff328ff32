// The pages that explain the service: home, about, privacy, open data.
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

namespace {
Response simple(const AppContext& app, std::string_view name, const char* title) {
    mustache::data data;
    data.set("title", title);
    return html_page(app, name, std::move(data));
}
}  // namespace

void add_info_routes(Router& router, const AppContext& app) {
    router.get(
        "/",
        [&app](const Request&, const RouteParams&) {
            mustache::data data;
            data.set("title", "Rate and report on your welfare-to-work provider");
            data.set("is_home", mustache::data::type::bool_true);
            return html_page(app, "home", std::move(data));
        },
        Caching::public_page);
    router.get(
        "/about", [&app](const Request&, const RouteParams&) { return simple(app, "about", "About ProviderWatch"); },
        Caching::public_page);
    router.get(
        "/privacy",
        [&app](const Request&, const RouteParams&) {
            return simple(app, "privacy", "Privacy: what we keep and what we never keep");
        },
        Caching::public_page);
    router.get(
        "/open-data", [&app](const Request&, const RouteParams&) { return simple(app, "open_data", "Open data"); },
        Caching::public_page);
    router.get(
        "/open-data/registry.csv",
        [&app](const Request&, const RouteParams&) {
            Response response;
            response.content_type = "text/csv; charset=utf-8";
            response.set_header("Content-Disposition", "attachment; filename=\"providerwatch-registry.csv\"");
            response.set_header("Cache-Control", "public, max-age=300");
            response.body = app.registry_csv();
            return response;
        },
        Caching::public_page);
}

}  // namespace pw::web
