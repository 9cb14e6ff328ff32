// Signing in and out: for moderators, provider representatives and admins only.
#include "crypto/passwords.hpp"
#include "store/accounts/accounts.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/cookies.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

namespace {

constexpr long kSignInCookieSeconds = 2 * 60 * 60;  // long enough to fetch a form and send it

// The pre-session value this browser already has, or a new one.
std::string sign_in_value(const Request& request) {
    if (auto header = request.header("cookie")) {
        if (auto value = cookie_value(*header, kSignInCookie); value && value->size() == 32) return *value;
    }
    return crypto::random_token(16);
}

Response sign_in_page(const AppContext& app, const std::string& presession, const std::string& username,
                      const std::string& error, int status, std::string_view next = {}) {
    mustache::data data;
    data.set("title", error.empty() ? "Sign in" : "Error: Sign in");
    data.set("username", username);
    if (is_return_path(next)) data.set("next", std::string(next));
    if (!error.empty()) data.set("error", error);
    data.set("csrf", app.csrf.issue("/sign-in|" + presession, current_day(app)));
    Response response = html_page(app, "sign_in", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    response.set_header("Set-Cookie", sign_in_cookie(presession, kSignInCookieSeconds));
    return response;
}

std::string landing(const accounts::Account& account) {
    switch (account.role) {
        case accounts::Role::provider:
            return "/provider-area";
        case accounts::Role::researcher:
        case accounts::Role::evaluator:
            return "/research";
        case accounts::Role::moderator:
        case accounts::Role::admin:
            break;
    }
    return "/moderate";
}

// Runs on the slow-work pool (argon2id).
Response sign_in(const AppContext& app, const Request& request) {
    auto form = parse_query(request.body);
    if (!form) return error_page(app, 400);
    if (from_another_site(request)) return error_page(app, 403);
    const auto header = request.header("cookie");
    const auto presession = header ? cookie_value(*header, kSignInCookie) : std::nullopt;
    const std::string typed(field(*form, "username"));
    const auto next = field(*form, "next");  // the page that sent them here, when it was one to return to
    if (!presession) {
        return sign_in_page(app, sign_in_value(request), typed,
                            "Your browser did not send back this site's sign-in cookie. Allow cookies for this site "
                            "and try again.",
                            400, next);
    }
    if (!app.csrf.valid(field(*form, "csrf"), "/sign-in|" + *presession, current_day(app))) {
        return error_page(app, 403);
    }
    auto username = accounts::check_username(typed);
    const auto now = accounts::Clock::now();
    if (!username) return sign_in_page(app, *presession, typed, "Enter your username and password", 400, next);
    if (!app.sessions.may_try(*username, request.client, now)) {
        return sign_in_page(app, *presession, typed,
                            "Too many attempts for this username. Wait 15 minutes and try again.", 429, next);
    }
    auto stored = store::find_account(app.db, *username);
    const auto password = field(*form, "password");
    // An account not set up yet has no hash: checked against the stand-in, so it costs the same.
    const bool has_hash = stored && !stored->password_hash.empty();
    const bool matches = crypto::secret_matches(has_hash ? stored->password_hash : crypto::stand_in_hash(), password);
    const bool ok = has_hash && !stored->disabled && matches;
    app.sessions.record(*username, request.client, ok, now);
    if (!ok) return sign_in_page(app, *presession, typed, "The username or password is not right", 400, next);
    // A new session id at every sign-in; any session this browser had is ended.
    if (auto old = cookie_value(*header, kSessionCookie)) app.sessions.end(*old);
    const auto id = app.sessions.start(stored->account.id, now);
    Response response = redirect(is_return_path(next) ? std::string(next) : landing(stored->account));
    response.set_header("Set-Cookie", session_cookie(id, static_cast<long>(app.sessions.policy().absolute.count())));
    return response;
}

// Only a form from a signed-in page signs out: another site cannot sign anyone out.
Response sign_out(const AppContext& app, const Request& request) {
    auto who = signed_in(app, request);
    auto form = parse_query(request.body);
    if (!form) return error_page(app, 400);
    if (!who) return redirect("/");  // nothing to end
    if (from_another_site(request) || !session_form_token_ok(app, *who, "/sign-out", *form)) {
        return error_page(app, 403);
    }
    app.sessions.end(who->session_id);
    Response response = redirect("/");
    response.set_header("Set-Cookie", session_cookie("", 0));
    return response;
}

}  // namespace

void add_account_routes(Router& router, const AppContext& app) {
    router.get("/sign-in", [&app](const Request& r, const RouteParams&) {
        const auto query = parse_query(r.query);
        return sign_in_page(app, sign_in_value(r), "", "", 200, query ? field(*query, "next") : std::string_view{});
    });
    router.post(
        "/sign-in", [&app](const Request& r, const RouteParams&) { return sign_in(app, r); }, throttle::Action::sign_in,
        Work::slow);
    router.post("/sign-out", [&app](const Request& r, const RouteParams&) { return sign_out(app, r); });
}

}  // namespace pw::web
