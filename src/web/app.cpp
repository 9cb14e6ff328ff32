#include "web/app.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "web/http/answer_once.hpp"
#include "web/http/compression.hpp"
#include "web/http/cookies.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

namespace {
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void add_security_headers(Response& response) {
    response.set_header("Content-Security-Policy", kContentSecurityPolicy);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    bool cache_set = false;
    for (const auto& [name, value] : response.headers) cache_set = cache_set || name == "Cache-Control";
    if (!cache_set) response.set_header("Cache-Control", "no-store");
}

// What a participant or a member of staff sends leaves no log line and no count, whatever its
// route: the line would carry no time, but whatever collects it stamps one (journald does), and a
// scraper's clock would time each count. They have no account, so their requests carry no
// session; account holders' writes and everyone's page views are logged as before, and so are
// the two an account holder sends before a session exists (signing in, setting a password), so
// that password guessing shows. Staff reports (kUntracedRoutes) are untraced whoever asks.
bool account_before_session(std::string_view path) {
    return path == "/sign-in" || path.starts_with("/set-up/");
}
bool sent_anonymously(std::string_view method, std::string_view path, std::string_view cookies) {
    if (method == "GET" || method == "HEAD" || account_before_session(path)) return false;
    return !cookie_value(cookies, kSessionCookie);
}

// A participant's own actions (the routes rate-limited as theirs) are untraced whatever cookie
// comes with them: a browser that once signed in keeps its cookie for hours after the session
// ends, and a participant using it would otherwise have each rating, story or complaint logged.
bool participants_route(const Router::Match& match) {
    return match.handler && match.limit &&
           (*match.limit == throttle::Action::participant_write || *match.limit == throttle::Action::codename_lookup ||
            *match.limit == throttle::Action::codename_action);
}

// The method a route is registered under: HEAD is answered as GET.
std::string_view routed_method(std::string_view method) {
    return method == "HEAD" ? std::string_view("GET") : method;
}
}  // namespace

bool App::untraced(std::string_view method, std::string_view path, std::string_view cookies) const {
    if (path.starts_with(kUntracedRoutes) || sent_anonymously(method, path, cookies)) return true;
    // A page view is never a participant's action: no route is matched for it here.
    return method != "GET" && method != "HEAD" && participants_route(router_.match(method, path));
}

App::App(AppContext context) : context_(std::move(context)) {
    add_info_routes(router_, context_);
    add_registry_routes(router_, context_);
    add_rating_routes(router_, context_);
    add_codename_routes(router_, context_);
    add_sanction_routes(router_, context_);
    add_sanction_case_routes(router_, context_);
    add_account_routes(router_, context_);
    add_moderation_routes(router_, context_);
    add_provider_routes(router_, context_);
    add_takedown_routes(router_, context_);
    add_registry_api_routes(router_, context_);
    add_operations_routes(router_, context_);
    add_research_routes(router_, context_);
    add_kept_report_routes(router_, context_);
    add_open_data_routes(router_, context_);
    add_suggestion_routes(router_, context_);
    add_suggestion_provider_routes(router_, context_);
    add_complaint_routes(router_, context_);
    add_complaint_provider_routes(router_, context_);
    add_admin_routes(router_, context_);
    add_admin_import_routes(router_, context_);
    add_standards_routes(router_, context_);
    add_award_routes(router_, context_);
    add_pressure_routes(router_, context_);
    add_recovery_routes(router_, context_);
    add_staff_report_routes(router_, context_);
    add_staff_report_moderation_routes(router_, context_);
    add_staff_report_figure_routes(router_, context_);
    add_league_routes(router_, context_);
    add_admin_standards_routes(router_, context_);
}

void App::serve_cached(Request request, const Router::Match& match, Encoding encoding, Responder finish) {
    // Kept compressed, once per encoding, so a hit costs no compression; and per snapshot, so a
    // page made from the figures never outlives them by the cache's moment.
    const auto snapshot = context_.published.current();
    std::string key = std::string(encoding_name(encoding)) + " " + std::to_string(snapshot ? snapshot->info().id : 0) +
                      " " + request.target;
    if (auto cached = context_.cache.find(key, PageCache::Clock::now())) {
        finish(std::move(*cached));
        return;
    }
    (*match.handler)(request, match.params,
                     [this, key = std::move(key), encoding, pattern = match.pattern, finish](Response response) {
                         response.route = pattern;
                         compress_response(response, encoding);
                         if (response.status == 200) context_.cache.store(key, response, PageCache::Clock::now());
                         finish(std::move(response));
                     });
}

void App::dispatch(const Request& request, Router::Match match, bool traced, Encoding encoding, Responder finish) {
    const bool api = request.path.starts_with("/api/");
    if (!match.handler) {
        const int status = match.path_known ? 405 : 404;
        Response response = api ? json_error(status, status == 405 ? "method not allowed" : "no such endpoint")
                                : error_page(context_, status);
        response.route = "-";
        if (status == 405) response.set_header("Allow", match.allow);
        finish(std::move(response));
        return;
    }
    if (match.limit) {
        if (auto refused = over_limit(context_, *match.limit, request.client, api)) {
            refused->route = match.pattern;
            finish(std::move(*refused));
            return;
        }
    }
    if (match.caching == Caching::public_page) {
        // The page sees only the query parameters it declares: it cannot depend on any other,
        // so the cache is keyed by those alone and made-up query strings find it already made.
        // A query that cannot be decoded goes to the page as sent, uncached, for its own answer.
        if (auto canonical = canonical_query(request.query, *match.query)) {
            Request scoped = request;
            scoped.query = std::move(*canonical);
            scoped.target = scoped.query.empty() ? scoped.path : scoped.path + "?" + scoped.query;
            if (context_.cache.enabled()) {
                serve_cached(std::move(scoped), match, encoding, std::move(finish));
                return;
            }
            (*match.handler)(scoped, match.params, [pattern = match.pattern, finish](Response response) {
                response.route = pattern;
                finish(std::move(response));
            });
            return;
        }
    }
    auto answer = [pattern = match.pattern, finish](Response response) {
        response.route = pattern;
        finish(std::move(response));
    };
    if (match.work == Work::slow) {
        // Off the connection threads; what it throws there is logged by the pool, and the
        // dropped responder answers 500.
        const bool queued = context_.slow.try_run([handler = match.handler, request, params = match.params, answer] {
            // Waited past its deadline in the queue: the 503 is sent, the work not begun.
            if (request.abandoned_now()) return answer(Response{503, "text/plain; charset=utf-8", {}, "", "-"});
            (*handler)(request, params, answer);
        });
        if (!queued) {
            if (traced) spdlog::warn("event=slow_pool_full route={}", match.pattern);
            Response response = api ? json_error(503, "busy, try again in a minute") : error_page(context_, 503);
            response.set_header("Retry-After", "60");
            answer(std::move(response));
        }
        return;
    }
    (*match.handler)(request, match.params, answer);
}

void App::handle(const Request& request, Responder respond) {
    const auto start = std::chrono::steady_clock::now();
    const auto encoding = choose_encoding(request.header("accept-encoding").value_or(""));
    // Matched once: the route says both whether the request is traced and who handles it.
    auto match = router_.match(routed_method(request.method), request.path);
    const bool anonymous =
        sent_anonymously(request.method, request.path, request.header("cookie").value_or("")) ||
        participants_route(match);
    const bool traced = !anonymous && !request.path.starts_with(kUntracedRoutes);  // for the failures below
    auto log_and_send = [this, start, encoding, anonymous, method = request.method,
                         respond = std::move(respond)](Response response) {
        add_security_headers(response);
        compress_response(response, encoding);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // Staff reports and what participants send leave no line and no count: a log collector's or
        // a scraper's clock would time each (docs/threat-model.md, docs/dpia.md).
        if (anonymous || response.route.starts_with(kUntracedRoutes)) return respond(std::move(response));
        context_.metrics.observe(method, response.route, response.status, seconds);
        if (context_.access_log) {
            // Never the client's address, user agent, query or raw path: the route pattern only.
            spdlog::info("method={} route={} status={} duration_ms={:.3f}", method, response.route, response.status,
                         seconds * 1000);
        }
        respond(std::move(response));
    };
    // Whatever drops the request unanswered (a callback that threw, a lost job) answers 500 here.
    auto finish =
        answer_once(std::move(log_and_send), [this, api = request.path.starts_with("/api/"), method = request.method,
                                              traced] {
            if (traced) spdlog::error("event=request_unanswered method={}", method);
            Response response = api ? json_error(500, "internal error") : error_page(context_, 500);
            response.route = "-";
            return response;
        });
    try {
        dispatch(request, std::move(match), traced, encoding, finish);
    } catch (const std::exception& e) {
        // Bugs and dead infrastructure throw; here they become a 500 page and one log line.
        if (traced)
            spdlog::error("event=handler_failed method={} error=\"{}\"", request.method, store::describe(e));
        // A dropped database connection fails this request only: it is back for the next.
        context_.db.heal();
        Response response;
        try {
            response =
                request.path.starts_with("/api/") ? json_error(500, "internal error") : error_page(context_, 500);
        } catch (const std::exception&) {
            response = Response{500, "text/plain; charset=utf-8", {}, "Sorry, something went wrong.\n", ""};
        }
        response.route = "-";
        finish(std::move(response));
    }
}

Response App::refusal(int status, bool traced) const {
    Response response;
    try {
        response = error_page(context_, status);
    } catch (const std::exception&) {
        response = Response{status, "text/plain; charset=utf-8", {}, "Bad request\n", ""};
    }
    add_security_headers(response);
    response.route = "-";
    if (!traced) return response;
    if (context_.access_log) spdlog::info("method=- route=- status={} duration_ms=0", status);
    context_.metrics.observe("-", "-", status, 0);
    return response;
}

bool App::may_upload(std::string_view target, std::string_view cookie) const {
    return research_upload_allowed(context_, target, cookie) || admin_upload_allowed(context_, target, cookie);
}

}  // namespace pw::web
