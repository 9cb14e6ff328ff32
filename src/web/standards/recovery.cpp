// Recovery reports (docs/standards.md): a representative's page of the reports due from each
// provider it acts for that is under recovery measures, with the form for this month's; and the
// public part of the provider's page, the months of its recovery measures and their reports.
#include <fmt/format.h>

#include "core/standards/recovery.hpp"
#include "core/stories/commands.hpp"
#include "store/accounts/accounts.hpp"
#include "store/standards/recovery.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

std::string path_of(std::int64_t provider_id) {
    return fmt::format("/providers/{}/recovery-report", provider_id);
}

// Each month of the measures, as a list for a template: what the public (or the provider) reads.
mustache::data months_view(const std::vector<standards::RecoveryMonth>& months,
                           const std::vector<store::RecoveryReportRow>& reports) {
    mustache::data list{mustache::data::type::list};
    for (auto it = months.rbegin(); it != months.rend(); ++it) {
        mustache::data m;
        m.set("month", it->month.label());
        m.set(it->report == standards::MonthReport::published ? "published"
              : it->report == standards::MonthReport::waiting ? "waiting"
              : it->report == standards::MonthReport::due     ? "due"
                                                              : "overdue",
              flag(true));
        for (const auto& r : reports) {
            if (r.month == it->month && r.state == standards::ReportState::published) m.set("body", r.body);
        }
        list.push_back(m);
    }
    return list;
}

Response page(const AppContext& app, const SignedIn& who, const std::string& notice, int status,
              const std::string& typed = "") {
    mustache::data data;
    data.set("title", "Recovery reports");
    if (!notice.empty()) data.set("notice", notice);
    const auto now = current_month(app);
    mustache::data providers{mustache::data::type::list};
    auto s = app.db.session();
    for (const auto id : store::represented_providers(app.db, who.account)) {
        const auto reports = store::recovery_reports(s, id);
        const auto months = store::recovery_months_of(s, id, now, reports);
        if (months.empty()) continue;
        mustache::data p;
        const auto provider = app.registry.find_provider_ref(ProviderId{id});
        p.set("name", provider ? provider->name : "Your organisation");
        p.set("since", months.front().month.label());
        p.set("months", months_view(months, reports));
        mustache::data rejected{mustache::data::type::list};
        for (const auto& r : reports) {
            if (r.state != standards::ReportState::rejected) continue;
            mustache::data d;
            d.set("month", r.month.label());
            d.set("reason", r.reason);
            rejected.push_back(d);
        }
        p.set("rejected", rejected);
        if (months.back().report == standards::MonthReport::due) {
            p.set("action", path_of(id));
            p.set("field", fmt::format("report-{}", id));
            p.set("csrf", session_form_token(app, who, path_of(id)));
            p.set("typed", typed);
            p.set("this_month", now.label());
        }
        providers.push_back(p);
    }
    data.set("none", flag(providers.is_empty_list()));
    data.set("providers", providers);
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "provider_recovery", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void send(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = parse_id(params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    // Another organisation's report is refused before anything else is looked at.
    if (!store::represents(app.db, who->account, *id))
        return respond(page(app, *who, "You can send a recovery report only for your own organisation.", 403));
    if (!session_form_token_ok(app, *who, path_of(*id), *form)) return respond(error_page(app, 403));
    const auto typed = std::string(field(*form, "report"));
    auto body = stories::text_for_others(typed, "Your report");
    if (!body) return respond(page(app, *who, body.error().message, 400, typed));
    standards::SendRecoveryReport command{*id, store::represented_providers(app.db, who->account), std::move(*body),
                                          current_month(app)};
    apply_change(
        app, request,
        [command](soci::session& s) -> Result<void> {
            store::SociRecoveryRepository reports(s);
            return without_value(standards::send_recovery_report(command, reports));
        },
        [&app, who = *who, respond, typed](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::forbidden) return respond(error_page(app, 403));
            if (!done) {
                const int status = done.error().kind == ErrorKind::unavailable ? 503 : 400;
                return respond(page(app, who, done.error().message, status, typed));
            }
            respond(page(app, who,
                         "Your report is waiting for a moderator. It is published on your "
                         "organisation's page once approved.",
                         200));
        });
}

}  // namespace

void set_provider_recovery(const AppContext& app, mustache::data& data, std::int64_t provider_id) {
    auto s = app.db.session();
    const auto reports = store::recovery_reports(s, provider_id);
    const auto months = store::recovery_months_of(s, provider_id, current_month(app), reports);
    if (months.empty()) return;
    data.set("recovery_since", months.front().month.label());
    data.set("recovery_months", months_view(months, reports));
}

void add_recovery_routes(Router& router, const AppContext& app) {
    router.get("/provider-area/recovery", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_representative(app, r);
        return who ? page(app, *who, "", 200) : refuse_access(app, r);
    });
    router.post_async(
        "/providers/{id}/recovery-report",
        [&app](const Request& r, const RouteParams& p, Responder respond) { send(app, r, p, std::move(respond)); });
}

}  // namespace pw::web
