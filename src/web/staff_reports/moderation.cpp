// Moderators and staff reports: the list, waiting ones first; a report opened with the
// moderators' key, with a reply (which only the reporter, with their codename, and moderators can
// read), a judgement (credible, needs more, not relevant) and, once credible, links to detection
// reports on referral data for the same provider (evidence.hpp).
#include <fmt/format.h>

#include "core/staff_reports/commands.hpp"
#include "core/stories/story.hpp"
#include "core/text/text.hpp"
#include "crypto/staff_keys.hpp"
#include "store/staff_reports/reports.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/staff_reports/evidence.hpp"
#include "web/staff_reports/views.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace staff_reports;

namespace {

// A report's id from its address: random, up to 2^59 (crypto::random_id), not a counted id.
std::optional<long long> report_id(std::string_view segment) {
    return text::parse_positive_int(segment, 576'460'752'303'423'488LL);
}

Response list_page(const AppContext& app, const SignedIn& who) {
    mustache::data data;
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    data.set("title", "Staff reports");
    data.set("closed", flag(!app.staff.moderators));
    if (app.staff.moderators) {
        const auto reports = store::staff_reports_for_moderators(app.db);
        data.set("has_reports", flag(!reports.empty()));
        data.set("reports", list_of(reports, [](const store::StaffReportRow& r) {
                     mustache::data d;
                     d.set("url", moderated_report_path(r.id));
                     d.set("prime_name", r.prime_name);
                     d.set("month", month_label(r.month));
                     d.set("state", std::string(report_state_label(r.state)));
                     return d;
                 }));
    }
    return no_store(html_page(app, "moderate_staff_reports", std::move(data), app.staff.moderators ? 200 : 503));
}

Response report_page(const AppContext& app, const SignedIn& who, std::int64_t id, const std::string& notice,
                     const std::vector<FieldError>& errors = {}, const std::string& text = {},
                     const std::optional<EvidenceTyped>& evidence = std::nullopt) {
    const auto report = store::staff_report(app.db, id);
    if (!report) return error_page(app, 404);
    mustache::data data;
    data.set("title", (errors.empty() ? "" : "Error: ") + std::string("Staff report"));
    set_error_summary(data, errors);
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    if (!notice.empty()) data.set("notice", notice);
    data.set("prime_name", report->prime_name);
    data.set("state", std::string(report_state_label(report->state)));
    data.set("state_name", std::string(report_state_name(report->state)));
    data.set("summary", report_summary(app.registry, *report, *app.staff.moderators, Reader::moderators));
    data.set("month", month_label(report->month));
    data.set("messages",
             messages_view(store::staff_report_messages(app.db, id), *app.staff.moderators, Reader::moderators));
    const auto path = moderated_report_path(id);
    data.set("reply_action", path + "/reply");
    data.set("csrf_reply", session_form_token(app, who, path + "/reply"));
    data.set("text_value", text);
    mustache::data judgements{mustache::data::type::list};
    for (const auto& t : kReportTransitions) {
        if (t.from != report->state || t.actor != Actor::moderator) continue;
        mustache::data d;
        d.set("value", std::string(report_state_name(t.to)));
        d.set("label", std::string(t.to == ReportState::credible     ? "Credible"
                                   : t.to == ReportState::needs_more ? "Needs more from them"
                                                                     : "Not relevant"));
        append(judgements, std::move(d));
    }
    data.set("has_judgements", flag(!judgements.list_value().empty()));
    data.set("judgements", std::move(judgements));
    data.set("judge_action", path + "/judge");
    data.set("csrf_judge", session_form_token(app, who, path + "/judge"));
    put_evidence(data, app, who, *report, evidence);
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    return no_store(html_page(app, "moderate_staff_report", std::move(data), errors.empty() ? 200 : 400));
}

// The checks every change shares: a moderator, the key, the id, the form and its token.
struct Asked {
    SignedIn who;
    std::int64_t id = 0;
    FormFields form;
};

std::expected<Asked, Response> asked(const AppContext& app, const Request& request, const RouteParams& params,
                                     std::string_view action) {
    auto who = signed_in_moderator(app, request);
    if (!who) return std::unexpected(refuse_access(app, request));
    if (!app.staff.moderators) return std::unexpected(list_page(app, *who));
    const auto id = report_id(params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return std::unexpected(error_page(app, 400));
    if (!session_form_token_ok(app, *who, moderated_report_path(*id) + std::string(action), *form))
        return std::unexpected(error_page(app, 403));
    return Asked{std::move(*who), *id, std::move(*form)};
}

void reply(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto a = asked(app, request, params, "/reply");
    if (!a) return respond(std::move(a.error()));
    if (!store::staff_report(app.db, a->id)) return respond(error_page(app, 404));
    const std::string typed(field(a->form, "text"));
    auto text = stories::check_text_within(typed, "Your reply", kMaxReportText);
    if (!text) return respond(report_page(app, a->who, a->id, "", {{"text", text.error().message}}, typed));
    ReplyToStaffReport command{a->id, redaction::redact_text(*text),
                               NewIds{0, crypto::random_id(), crypto::random_id()}, current_month(app)};
    apply_change(app, request,
                 sealed_change(app,
                               [command = std::move(command)](const Sealer& sealer, StaffReportRepository& reports) {
                                   return reply_to_staff_report(command, sealer, reports);
                               }),
                 [&app, respond, who = a->who, id = a->id](Result<void> done) {
                     if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
                     if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
                     respond(report_page(app, who, id, done ? "Your reply is sent." : done.error().message));
                 });
}

void judge(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto a = asked(app, request, params, "/judge");
    if (!a) return respond(std::move(a.error()));
    const auto from = report_state_from(field(a->form, "from"));
    const auto to = report_state_from(field(a->form, "to"));
    if (!from || !to) return respond(error_page(app, 400));
    apply_change(
        app, request,
        [command = JudgeStaffReport{a->id, *from, *to, crypto::random_id(), current_month(app)}](soci::session& s) {
            store::SociStaffReportRepository reports(s);
            return judge_staff_report(command, reports);
        },
        [&app, respond, who = a->who, id = a->id](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            respond(report_page(app, who, id, done ? "The report is judged." : done.error().message));
        });
}

// A link from this credible report to a detection report: checked here to show each problem
// beside its field, and again by the command in the write's transaction, which reads the report's
// links and the detection report afresh there.
void link(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto a = asked(app, request, params, "/evidence");
    if (!a) return respond(std::move(a.error()));
    const auto report = store::staff_report(app.db, a->id);
    if (!report) return respond(error_page(app, 404));
    if (report->state != ReportState::credible)  // a page left open from before it was judged again
        return respond(
            report_page(app, a->who, a->id, "Only a report judged credible can be linked to other evidence"));
    const auto typed = evidence_typed(a->form);
    std::vector<FieldError> errors;
    auto link = evidence_link(typed, errors);
    const auto window = report_window(*report, *app.staff.moderators, current_month(app));
    if (!window) return respond(report_page(app, a->who, a->id, "The details of this report could not be opened."));
    if (link) {
        const auto existing =
            links_of(opened_links(store::staff_report_evidence(app.db, a->id), *app.staff.moderators));
        auto session = app.db.session();
        const auto coverage = KeptDetections(app, session).coverage(link->detection_report);
        if (auto wrong = check_link(*link, coverage, *window, existing)) errors.push_back(std::move(*wrong));
    }
    if (!errors.empty()) return respond(report_page(app, a->who, a->id, "", errors, "", typed));
    LinkEvidence command{
        a->id, std::move(*link), *window, crypto::random_id(), crypto::random_id(), current_month(app)};
    apply_change(
        app, request,
        [&app, command = std::move(command)](soci::session& s) -> Result<void> {
            store::SociStaffReportRepository reports(s);
            const crypto::StaffReportSealer sealer(app.staff.moderators->public_key);
            const crypto::StaffEvidenceOpener opener(*app.staff.moderators);
            KeptDetections detections(app, s);
            return link_evidence(command, {sealer, opener, detections}, reports);
        },
        [&app, respond, who = a->who, id = a->id, typed](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            if (!done) return respond(report_page(app, who, id, done.error().message, {}, "", typed));
            respond(report_page(app, who, id, "The report is linked to the detection report."));
        });
}

void unlink(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    const auto link_id = report_id(params.get("link"));
    if (!link_id)
        return respond(signed_in_moderator(app, request) ? error_page(app, 404) : refuse_access(app, request));
    auto a = asked(app, request, params, fmt::format("/evidence/{}/remove", *link_id));
    if (!a) return respond(std::move(a.error()));
    apply_change(
        app, request,
        [command = UnlinkEvidence{a->id, *link_id, crypto::random_id(), current_month(app)}](soci::session& s) {
            store::SociStaffReportRepository reports(s);
            return unlink_evidence(command, reports);
        },
        [&app, respond, who = a->who, id = a->id](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            if (!done && !store::staff_report(app.db, id)) return respond(error_page(app, 404));
            respond(report_page(app, who, id, done ? "The link is removed." : done.error().message));
        });
}

}  // namespace

void add_staff_report_moderation_routes(Router& router, const AppContext& app) {
    router.get("/moderate/staff-reports", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_moderator(app, r);
        return who ? list_page(app, *who) : refuse_access(app, r);
    });
    router.get("/moderate/staff-reports/{id}", [&app](const Request& r, const RouteParams& p) {
        auto who = signed_in_moderator(app, r);
        if (!who) return refuse_access(app, r);
        if (!app.staff.moderators) return list_page(app, *who);
        const auto id = report_id(p.get("id"));
        return id ? report_page(app, *who, *id, "") : error_page(app, 404);
    });
    router.post_async(
        "/moderate/staff-reports/{id}/reply",
        [&app](const Request& r, const RouteParams& p, Responder respond) { reply(app, r, p, std::move(respond)); });
    router.post_async(
        "/moderate/staff-reports/{id}/judge",
        [&app](const Request& r, const RouteParams& p, Responder respond) { judge(app, r, p, std::move(respond)); });
    router.post_async(
        "/moderate/staff-reports/{id}/evidence",
        [&app](const Request& r, const RouteParams& p, Responder respond) { link(app, r, p, std::move(respond)); });
    router.post_async(
        "/moderate/staff-reports/{id}/evidence/{link}/remove",
        [&app](const Request& r, const RouteParams& p, Responder respond) { unlink(app, r, p, std::move(respond)); });
}

}  // namespace pw::web
