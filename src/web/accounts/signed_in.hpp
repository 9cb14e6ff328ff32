#pragma once
// Who is signed in on this request, and the form tokens bound to their session.
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

#include "core/accounts/account.hpp"
#include "core/common/form.hpp"
#include "web/app.hpp"

namespace pw::web {

struct SignedIn {
    accounts::Account account;
    std::string session_id;
};

std::optional<SignedIn> signed_in(const AppContext& app, const Request& request);

// Signed in with one of these roles, or nullopt.
std::optional<SignedIn> signed_in_as(const AppContext& app, const Request& request,
                                     std::initializer_list<accounts::Role> roles);
std::optional<SignedIn> signed_in_admin(const AppContext& app, const Request& request);
// A moderator, or an admin (who may do all a moderator does).
std::optional<SignedIn> signed_in_moderator(const AppContext& app, const Request& request);
// A provider's representative.
std::optional<SignedIn> signed_in_representative(const AppContext& app, const Request& request);
// The answer to someone without the role. Signed in as another: 403. Signed out: to the sign-in
// page, which returns them to the page they asked for (a plain GET of a path of letters, digits
// and "/-_.") once they are signed in.
Response refuse_access(const AppContext& app, const Request& request);
// A path on this site to return to after signing in: "/" then letters, digits and "/-_.", never
// "//" (another site) or "..".
bool is_return_path(std::string_view path);

std::string session_form_token(const AppContext& app, const SignedIn& who, std::string_view path);
bool session_form_token_ok(const AppContext& app, const SignedIn& who, std::string_view path, const FormFields& form);

// Runs a change in the writer's next batch; done gets its result once it is on disk (or the
// error that stopped it, in which case nothing of it was written), on the slow-work pool. A
// change whose request the server has already answered at its deadline is not made.
void apply_change(const AppContext& app, const Request& request, std::function<Result<void>(soci::session&)> change,
                  std::function<void(Result<void>)> done);

}  // namespace pw::web
