#include "web/accounts/signed_in.hpp"

#include <algorithm>

#include "store/accounts/accounts.hpp"
#include "web/http/cookies.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

std::optional<SignedIn> signed_in(const AppContext& app, const Request& request) {
    auto header = request.header("cookie");
    if (!header) return std::nullopt;
    auto id = cookie_value(*header, kSessionCookie);
    if (!id) return std::nullopt;
    auto account_id = app.sessions.touch(*id, accounts::Clock::now());
    if (!account_id) return std::nullopt;
    auto account = store::find_account_by_id(app.db, *account_id);
    if (!account) return std::nullopt;
    return SignedIn{*account, *id};
}

std::optional<SignedIn> signed_in_as(const AppContext& app, const Request& request,
                                     std::initializer_list<accounts::Role> roles) {
    auto who = signed_in(app, request);
    if (!who || std::find(roles.begin(), roles.end(), who->account.role) == roles.end()) return std::nullopt;
    return who;
}

std::optional<SignedIn> signed_in_admin(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::admin});
}

std::optional<SignedIn> signed_in_moderator(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::moderator, accounts::Role::admin});
}

std::optional<SignedIn> signed_in_representative(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::provider});
}

bool is_return_path(std::string_view path) {
    if (path.size() < 2 || path.size() > 200 || path[0] != '/' || path[1] == '/') return false;
    if (path.find("..") != std::string_view::npos) return false;
    return std::ranges::all_of(path, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
               c == '_' || c == '.';
    });
}

Response refuse_access(const AppContext& app, const Request& request) {
    if (signed_in(app, request)) return error_page(app, 403);
    // A link someone was given (a kept report's) opens once they have signed in.
    const bool back =
        (request.method == "GET" || request.method == "HEAD") && request.query.empty() && is_return_path(request.path);
    return redirect(back ? "/sign-in?next=" + request.path : std::string("/sign-in"));
}

std::string session_form_token(const AppContext& app, const SignedIn& who, std::string_view path) {
    return app.csrf.issue(std::string(path) + "|" + who.session_id, current_day(app));
}

bool session_form_token_ok(const AppContext& app, const SignedIn& who, std::string_view path, const FormFields& form) {
    return app.csrf.valid(field(form, "csrf"), std::string(path) + "|" + who.session_id, current_day(app));
}

void apply_change(const AppContext& app, const Request& request, std::function<Result<void>(soci::session&)> change,
                  std::function<void(Result<void>)> done) {
    auto outcome = std::make_shared<Result<void>>();
    app.writer.submit(
        [change = std::move(change), outcome,
         answer = std::shared_ptr<const Answer>(request.answer)](soci::session& s) {
            if (abandoned(answer)) {
                *outcome = fail(ErrorKind::unavailable, "That could not be saved. Please try again.",
                                "request answered at its deadline before its change was made");
                return store::Writer::Outcome::keep;  // nothing written: the batch's others go on
            }
            *outcome = change(s);
            return *outcome ? store::Writer::Outcome::keep : store::Writer::Outcome::undo;
        },
        [&app, outcome, done = std::move(done)](std::exception_ptr error) {
            if (error) {  // the job threw, or its batch could not be written: nothing of it was
                std::string detail = "unknown error";
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    detail = store::describe(e);
                } catch (...) {
                }
                *outcome = fail(ErrorKind::unavailable, "That could not be saved. Please try again.", detail);
            }
            // What comes next renders a page (a moderator's queue reads the database): never on the
            // writer's thread, which would hold up every other change meanwhile.
            if (!app.slow.try_run([outcome, done] { done(*outcome); })) done(*outcome);
        });
}

}  // namespace pw::web
