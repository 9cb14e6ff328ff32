// Health, metrics and static files: what operators and browsers need besides pages.
#include "web/accounts/signed_in.hpp"
#include "web/http/compression.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

namespace {
Response asset(const AppContext& app, const Request& request) {
    const Asset* file = app.assets.find(request.path);
    if (!file) return error_page(app, 404);
    // The build's compressed copy when the client takes it; each encoding has its own ETag.
    const auto encoding = choose_encoding(request.header("accept-encoding").value_or(""));
    const std::string* body = &file->body;
    std::string_view coding;
    if (encoding == Encoding::brotli && !file->brotli.empty()) {
        body = &file->brotli;
        coding = "br";
    } else if (encoding != Encoding::identity && !file->gzip.empty()) {
        body = &file->gzip;
        coding = "gzip";
    }
    const std::string etag = coding.empty() ? file->etag : file->etag.substr(0, file->etag.size() - 1) + "-" +
                                                               std::string(coding) + "\"";
    Response response;
    response.content_type = file->content_type;
    response.set_header("ETag", etag);
    if (!coding.empty()) {
        response.set_header("Content-Encoding", std::string(coding));
        response.set_header("Vary", "Accept-Encoding");
    }
    // Pages link our CSS and JS with ?v=<content hash>, so those can be kept for a year;
    // anything fetched without it (a module import, an image) is revalidated hourly by ETag.
    const bool versioned = request.query.starts_with("v=");
    response.set_header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    if (auto match = request.header("if-none-match"); match && *match == etag) {
        response.status = 304;
        return response;
    }
    response.body = *body;  // the app compresses what the build did not
    return response;
}
}  // namespace

void add_operations_routes(Router& router, const AppContext& app) {
    router.get("/healthz", [&app](const Request&, const RouteParams&) {
        const bool ok = app.database_ok();
        Response response;
        response.status = ok ? 200 : 503;
        response.content_type = "text/plain; charset=utf-8";
        response.body = ok ? "ok\n" : "database unavailable\n";
        return response;
    });
    // Request counts by route would time a submission to the millisecond: admins only, and to
    // everyone else the page does not exist.
    router.get("/metrics", [&app](const Request& r, const RouteParams&) {
        if (!signed_in_as(app, r, {accounts::Role::admin})) return error_page(app, 404);
        Response response;
        response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        response.body = app.metrics.serialize();
        return response;
    });
    router.get("/assets/*", [&app](const Request& r, const RouteParams&) { return asset(app, r); });
    router.get("/static/*", [&app](const Request& r, const RouteParams&) { return asset(app, r); });
}

}  // namespace pw::web
