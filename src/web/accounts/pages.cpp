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

Response sign_in_page(const AppContext& app, const std::string& username, const std::string& error, int status) {
    mustache::data data;
    data.set("title", error.empty() ? "Sign in" : "Error: Sign in");
    data.set("username", username);
    if (!error.empty()) data.set("error", error);
    data.set("csrf", app.csrf.issue("/sign-in", current_day(app)));
    Response response = html_page(app, "sign_in", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

std::string landing(const accounts::Account& account) {
    switch (account.role) {
        case accounts::Role::provider: return "/provider-area";
        case accounts::Role::researcher: return "/research";
        case accounts::Role::moderator:
        case accounts::Role::admin: break;
    }
    return "/moderate";
}

Response sign_in(const AppContext& app, const Request& request) {
    auto form = parse_query(request.body);
    if (!form) return error_page(app, 400);
    if (!app.csrf.valid(field(*form, "csrf"), "/sign-in", current_day(app))) return error_page(app, 403);
    const std::string typed(field(*form, "username"));
    auto username = accounts::check_username(typed);
    const auto now = accounts::Clock::now();
    if (!username) return sign_in_page(app, typed, "Enter your username and password", 400);
    if (!app.sessions.may_try(*username, now)) {
        return sign_in_page(app, typed, "Too many attempts for this username. Wait 15 minutes and try again.", 429);
    }
    auto stored = store::find_account(app.db, *username);
    const auto password = field(*form, "password");
    const bool ok = stored && !stored->disabled && crypto::secret_matches(stored->password_hash, password);
    app.sessions.record(*username, ok, now);
    if (!ok) return sign_in_page(app, typed, "The username or password is not right", 400);
    // A new session id at every sign-in; any session this browser had is ended.
    if (auto header = request.header("cookie")) {
        if (auto old = cookie_value(*header, kSessionCookie)) app.sessions.end(*old);
    }
    const auto id = app.sessions.start(stored->account.id, now);
    Response response = redirect(landing(stored->account));
    response.set_header("Set-Cookie", session_cookie(id, static_cast<long>(app.sessions.policy().absolute.count())));
    return response;
}

}  // namespace

void add_account_routes(Router& router, const AppContext& app) {
    router.get("/sign-in", [&app](const Request&, const RouteParams&) { return sign_in_page(app, "", "", 200); });
    router.post("/sign-in", [&app](const Request& r, const RouteParams&) { return sign_in(app, r); });
    router.post("/sign-out", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in(app, r);
        auto form = parse_query(r.body);
        if (who && form && session_form_token_ok(app, *who, "/sign-out", *form)) app.sessions.end(who->session_id);
        Response response = redirect("/");
        response.set_header("Set-Cookie", session_cookie("", 0));
        return response;
    });
}

}  // namespace pw::web
