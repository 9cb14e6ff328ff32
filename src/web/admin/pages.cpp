// The admin's pages: every account, making one (a one-time set-up link instead of a password),
// disabling one, and the audit log of what changed; and the page where a new account holder
// uses their link to choose a password.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/accounts/commands.hpp"
#include "crypto/id_mask.hpp"
#include "crypto/passwords.hpp"
#include "store/accounts/accounts.hpp"
#include "store/events/events.hpp"
#include "store/sanctions/cases.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace accounts;

namespace {

constexpr const char* kAdmin = "/admin";
constexpr const char* kCreate = "/admin/accounts";
constexpr std::array kRoles{Role::moderator, Role::provider, Role::researcher, Role::evaluator, Role::admin};

// The address the admin reached the site by, so the link they send is whole. Only the admin who
// asked sees it; on loopback the site runs without TLS.
std::string site_address(std::string_view host) {
    const bool plain = std::ranges::all_of(host, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (host.empty() || !plain) return "";
    const auto name = host.starts_with("[") ? host.substr(0, host.find(']') + 1) : host.substr(0, host.find(':'));
    const bool loopback = name == "127.0.0.1" || name == "localhost" || name == "[::1]";
    return std::string(loopback ? "http://" : "https://") + std::string(host);
}

std::string_view role_label(Role role) {
    switch (role) {
        case Role::moderator:
            return "Moderator";
        case Role::provider:
            return "Provider representative";
        case Role::researcher:
            return "Researcher";
        case Role::evaluator:
            return "Evaluator";
        case Role::admin:
            return "Admin";
    }
    return "Moderator";
}

Response page(const AppContext& app, const SignedIn& who, const FormFields& form, const std::string& notice,
              const std::vector<FieldError>& errors = {}, int status = 200) {
    mustache::data data;
    data.set("title", std::string(errors.empty() ? "" : "Error: ") + "Accounts");
    set_error_summary(data, errors);
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    if (!notice.empty()) data.set("notice", notice);
    data.set("accounts", list_of(store::all_accounts(app.db), [&](const store::AccountListing& a) {
                 mustache::data d;
                 d.set("id", std::to_string(a.account.id));
                 d.set("username", a.account.username);
                 d.set("role", std::string(role_label(a.account.role)));
                 if (!a.provider_name.empty()) d.set("provider_name", a.provider_name);
                 d.set("status", a.disabled ? "Disabled" : a.set_up ? "Active" : "Waiting for set-up");
                 d.set("can_disable", flag(!a.disabled && a.account.id != who.account.id));
                 d.set("csrf_disable",
                       session_form_token(app, who, fmt::format("/admin/accounts/{}/disable", a.account.id)));
                 return d;
             }));
    data.set("roles", list_of(kRoles, [&](Role r) {
                 mustache::data d;
                 d.set("value", std::string(role_name(r)));
                 d.set("label", std::string(role_label(r)));
                 d.set("checked", flag(role_name(r) == field(form, "role")));
                 return d;
             }));
    const auto chosen = field(form, "provider");
    data.set("providers", list_of(store::all_providers(app.db), [&](const auto& p) {
                 mustache::data d;
                 d.set("value", std::to_string(p.first));
                 d.set("label", p.second);
                 d.set("selected", flag(std::to_string(p.first) == chosen));
                 return d;
             }));
    data.set("username_value", std::string(field(form, "username")));
    data.set("csrf_create", session_form_token(app, who, kCreate));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "admin", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void create(const AppContext& app, const Request& request, Responder respond) {
    auto who = signed_in_admin(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kCreate, *form)) return respond(error_page(app, 403));
    const auto role = role_from(field(*form, "role"));
    if (!role) return respond(page(app, *who, *form, "", {{"role", "Choose a role"}}, 400));
    std::optional<std::int64_t> provider;
    if (*role == Role::provider) provider = parse_id(field(*form, "provider"));
    const auto token = crypto::random_token(32);
    CreateAccount command{NewAccount{std::string(field(*form, "username")), *role, provider, current_month(app)},
                          crypto::token_digest(token), current_day(app)};
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociAccountRepository accounts(s);
            return without_value(create_account(command, accounts));
        },
        [&app, who = *who, form = *form, respond, token,
         request_host = std::string(request.header("host").value_or(""))](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            if (!done) {
                const bool about_provider = done.error().message.find("provider") != std::string::npos;
                return respond(
                    page(app, who, form, "", {{about_provider ? "provider" : "username", done.error().message}}, 400));
            }
            mustache::data data;
            data.set("title", "Account created");
            data.set("username", std::string(field(form, "username")));
            data.set("link", site_address(request_host) + "/set-up/" + token);
            data.set("days", std::to_string(kSetUpDays));
            data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
            Response response = html_page(app, "admin_created", std::move(data));
            response.set_header("Cache-Control", "no-store");  // the link is shown once
            respond(std::move(response));
        });
}

void disable(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto who = signed_in_admin(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = parse_id(params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, fmt::format("/admin/accounts/{}/disable", *id), *form)) {
        return respond(error_page(app, 403));
    }
    apply_change(
        app, request,
        [command = DisableAccount{*id, who->account.id, current_month(app)}](soci::session& s) {
            store::SociAccountRepository accounts(s);
            return disable_account(command, accounts);
        },
        [&app, who = *who, respond](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            respond(page(app, who, {}, done ? "Disabled: its sessions have ended." : done.error().message, {},
                         done ? 200 : 400));
        });
}

// The kind of an event's object whose id pages show masked (docs/disclosure.md, "Ids"); the
// audit log shows them so too. Accounts, providers and censor rules keep their own ids.
std::optional<crypto::IdKind> shown_kind(std::string_view object_kind) {
    using K = crypto::IdKind;
    static const std::array<std::pair<std::string_view, K>, 12> kinds{{{"rating", K::rating},
                                                                       {"story", K::story},
                                                                       {"response", K::response},
                                                                       {"takedown_notice", K::notice},
                                                                       {"flag", K::flag},
                                                                       {"suggestion", K::suggestion},
                                                                       {"suggestion_step", K::suggestion_note},
                                                                       {"rating_hold", K::hold},
                                                                       {"hold", K::hold},
                                                                       {"recovery_report", K::recovery_report},
                                                                       {"sanction_case", K::sanction_case},
                                                                       {"complaint", K::complaint}}};
    for (const auto& [name, kind] : kinds)
        if (name == object_kind) return kind;
    return std::nullopt;
}

Response audit(const AppContext& app, const SignedIn& who) {
    mustache::data data;
    data.set("title", "Audit log");
    auto s = app.db.session();
    mustache::data list{mustache::data::type::list};
    for (const auto& e : store::recent_events(s, 200)) {
        mustache::data d;
        d.set("what", e.what);
        const auto kind = shown_kind(e.object_kind);
        d.set("object", !e.object_id ? e.object_kind
                        : kind       ? fmt::format("{} {}", e.object_kind, app.ids.show(*kind, *e.object_id))
                                     : fmt::format("{} {}", e.object_kind, *e.object_id));
        d.set("change", fmt::format("{} → {}", e.from_state, e.to_state));
        d.set("actor", e.actor);
        d.set("month", month_label(e.month));
        list.push_back(d);
    }
    data.set("events", list);
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "admin_audit", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response set_up_page(const AppContext& app, std::string_view token, const std::string& error, int status) {
    mustache::data data;
    data.set("title", std::string(error.empty() ? "" : "Error: ") + "Choose your password");
    const auto path = fmt::format("/set-up/{}", token);
    data.set("action", path);
    data.set("csrf", app.csrf.issue(path, current_day(app)));
    if (!error.empty()) {
        set_error_summary(data, {{"password", error}});
        data.set("password_error", error);
    }
    Response response = html_page(app, "set_up", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void set_up(const AppContext& app, const Request& request, std::string_view token, Responder respond) {
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    const auto path = fmt::format("/set-up/{}", token);
    if (!app.csrf.valid(field(*form, "csrf"), path, current_day(app))) return respond(error_page(app, 403));
    const auto password = field(*form, "password");
    if (auto ok = check_password(password); !ok) return respond(set_up_page(app, token, ok.error().message, 400));
    if (password != field(*form, "confirm")) {
        return respond(set_up_page(app, token, "The two passwords are not the same", 400));
    }
    // A link that cannot work is refused before the hash: made-up links would otherwise cost the
    // slow-work pool an argon2id hash each.
    {
        auto s = app.db.session();
        store::SociAccountRepository accounts(s);
        const auto digest = crypto::token_digest(token);
        if (auto live = live_set_up_link(digest, current_day(app), accounts); !live)
            return respond(set_up_page(app, token, live.error().message, 404));
    }
    // Hashed here, on the slow-work pool, never in the writer's batch.
    SetUpAccount command{crypto::token_digest(token), crypto::hash_secret(password), current_day(app),
                         current_month(app)};
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociAccountRepository accounts(s);
            return without_value(set_up_account(command, accounts));
        },
        [&app, respond, token = std::string(token)](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            if (!done) return respond(set_up_page(app, token, done.error().message, 404));
            mustache::data data;
            data.set("title", "Your account is ready");
            respond(html_page(app, "set_up_done", std::move(data)));
        });
}

}  // namespace

void add_admin_routes(Router& router, const AppContext& app) {
    router.get(kAdmin, [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_admin(app, r);
        return who ? page(app, *who, {}, "") : refuse_access(app, r);
    });
    router.get("/admin/audit", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_admin(app, r);
        return who ? audit(app, *who) : refuse_access(app, r);
    });
    router.post_async(kCreate, [&app](const Request& r, const RouteParams&, Responder respond) {
        create(app, r, std::move(respond));
    });
    router.post_async(
        "/admin/accounts/{id}/disable",
        [&app](const Request& r, const RouteParams& p, Responder respond) { disable(app, r, p, std::move(respond)); });
    router.get("/set-up/{token}",
               [&app](const Request&, const RouteParams& p) { return set_up_page(app, p.get("token"), "", 200); });
    router.post_async(
        "/set-up/{token}",
        [&app](const Request& r, const RouteParams& p, Responder respond) {
            set_up(app, r, p.get("token"), std::move(respond));
        },
        throttle::Action::sign_in, Work::slow);
}

}  // namespace pw::web
