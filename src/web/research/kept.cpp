// A kept detection report: its page (with the link to share), its PDF, JSON and CSV, the file when
// the researcher kept it, and deleting it; before it is kept, its waiting page and cancelling it.
// Any researcher with the link may read all of it; a moderator, who reads it beside staff reports,
// its page (with the credible staff reports linked to it), its PDF and its JSON only. Only the
// researcher who made it (or an admin) may delete it.
#include <fmt/format.h>

#include "core/research/kept_report.hpp"
#include "core/text/text.hpp"
#include "store/research/kept_reports.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/research/research.hpp"
#include "web/routes.hpp"
#include "web/staff_reports/evidence.hpp"

namespace pw::web {
namespace {

bool may_delete(const SignedIn& who, const store::KeptReportSummary& report) {
    return who.account.id == report.owner || who.account.role == accounts::Role::admin;
}

// A moderator is not a researcher: the report's page, PDF and JSON, not its CSV or the file.
bool is_moderator(const SignedIn& who) {
    return who.account.role == accounts::Role::moderator;
}

Response report_page(const AppContext& app, const SignedIn& who, const store::KeptReportSummary& report,
                     const std::string& body, const std::string& message = {}) {
    mustache::data data;
    data.set("title", "Target detection report: " + report.filename);
    data.set("filename", report.filename);
    data.set("path", kept_report_path(report.id));
    data.set("month", Month::parse(report.month) ? Month::parse(report.month)->label() : report.month);
    data.set("owner", report.owner_name);
    data.set("method_version", report.method_version);
    data.set("sha256", report.input_sha256);
    data.set("input_kind", report.input_kind == "events" ? "one row per referral" : "counts per unit and period");
    data.set("has_input", flag(report.has_input));
    data.set("has_pdf", flag(report.has_pdf));
    data.set("may_read_csv", flag(!is_moderator(who)));
    data.set("may_read_file", flag(report.has_input && !is_moderator(who)));
    data.set("back_url", is_moderator(who) ? "/moderate/staff-reports" : "/research");
    data.set("back_text", is_moderator(who) ? "Back to staff reports" : "Test another file, or see your reports");
    data.set("may_delete", flag(may_delete(who, report)));
    if (may_delete(who, report))
        data.set("csrf", session_form_token(app, who, kept_report_path(report.id) + "/delete"));
    if (!message.empty()) data.set("message", message);
    if (who.account.role == accounts::Role::moderator || who.account.role == accounts::Role::admin) {
        auto linked = linked_staff_reports(app, report.id);
        data.set("has_staff_reports", flag(!linked.list_value().empty()));
        data.set("staff_reports", std::move(linked));
    }
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    data.set("report", body);
    return no_store(html_page(app, "research_report", std::move(data)));
}

Response download(const store::KeptReportSummary& report, std::string body, std::string_view type,
                  std::string_view ending) {
    Response response;
    response.content_type = std::string(type);
    std::string stem = report.filename;
    if (stem.ends_with(".csv")) stem.resize(stem.size() - 4);
    // An ASCII name for every browser, and the name as it was (UTF-8, RFC 6266's filename*) for
    // those that read it: "řádek.csv" downloads as "řádek-report.json", not "----dek-report.json".
    std::string safe, encoded;
    for (char c : stem) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
    for (unsigned char c : (stem.empty() ? std::string("referrals") : stem) + std::string(ending))
        encoded += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? std::string(1, static_cast<char>(c))
                                                                       : fmt::format("%{:02X}", c);
    response.set_header("Content-Disposition",
                        fmt::format("attachment; filename=\"{}{}\"; filename*=UTF-8''{}",
                                    safe.empty() ? "referrals" : safe, ending, encoded));
    response.body = std::move(body);
    return no_store(std::move(response));
}

// The report the address names, for someone who may read it; or the page that says why not.
std::expected<std::pair<SignedIn, store::KeptReportSummary>, Response> reader(const AppContext& app,
                                                                              const Request& request,
                                                                              const RouteParams& params) {
    auto who = kept_report_reader(app, request);
    if (!who) return std::unexpected(refuse_access(app, request));
    const auto id = kept_report_id(params.get("id"));
    if (!id) return std::unexpected(error_page(app, 404));
    auto report = store::kept_report(app.db, *id);
    if (!report) return std::unexpected(error_page(app, 404));
    return std::pair{std::move(*who), std::move(*report)};
}

// A report still being made, to the researcher who uploaded it (web/research/pending.hpp).
Response pending_page(const AppContext& app, const SignedIn& who, std::int64_t id,
                      const PendingReports::Status& status) {
    using Stage = PendingReports::Status::Stage;
    mustache::data data;
    data.set("path", kept_report_path(id));
    const bool may_cancel = status.stage == Stage::waiting || status.stage == Stage::making;
    data.set("may_cancel", flag(may_cancel));
    if (may_cancel) data.set("csrf", session_form_token(app, who, kept_report_path(id) + "/cancel"));
    data.set("failed", flag(status.stage == Stage::failed));
    data.set("waiting", flag(status.stage == Stage::waiting));
    data.set("making", flag(status.stage == Stage::making));
    data.set("saving", flag(status.stage == Stage::saving));
    if (status.stage == Stage::failed) {
        data.set("title", "Error: The report was not made");
        data.set("failure", status.failure);
    } else {
        data.set("title", status.stage == Stage::waiting  ? "Your report is waiting to be made"
                          : status.stage == Stage::saving ? "Your report is being saved"
                                                          : "Your report is being made");
        data.set("ahead_text", status.ahead == 0   ? std::string("It is next.")
                               : status.ahead == 1 ? std::string("1 report is ahead of yours.")
                                                   : fmt::format("{} reports are ahead of yours.", status.ahead));
    }
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response =
        no_store(html_page(app, "research_pending", std::move(data), status.stage == Stage::failed ? 500 : 200));
    if (status.stage != Stage::failed) response.set_header("Refresh", "5");
    return response;
}

Response show(const AppContext& app, const Request& request, const RouteParams& params) {
    if (auto who = kept_report_reader(app, request)) {
        const auto id = kept_report_id(params.get("id"));
        if (id)
            if (auto status = app.pending.status(*id, who->account.id)) return pending_page(app, *who, *id, *status);
    }
    auto found = reader(app, request, params);
    if (!found) return std::move(found.error());
    auto body = store::kept_report_body(app.db, found->second.id, "html");
    if (!body) return error_page(app, 404);  // deleted between the two reads
    return report_page(app, found->first, found->second, *body);
}

Response form(const AppContext& app, const Request& request, const RouteParams& params, std::string_view which) {
    auto found = reader(app, request, params);
    if (!found) return std::move(found.error());
    if (which != "json" && which != "pdf" && is_moderator(found->first)) return error_page(app, 403);
    auto body = store::kept_report_body(app.db, found->second.id, which);
    if (!body) return error_page(app, 404);
    if (which == "json") return download(found->second, std::move(*body), "application/json", "-report.json");
    if (which == "csv") return download(found->second, std::move(*body), "text/csv; charset=utf-8", "-report.csv");
    if (which == "pdf") return download(found->second, std::move(*body), "application/pdf", "-report.pdf");
    return download(found->second, std::move(*body), "text/csv; charset=utf-8", ".csv");
}

void remove(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto found = reader(app, request, params);
    if (!found) return respond(std::move(found.error()));
    auto& [who, report] = *found;
    if (!may_delete(who, report)) return respond(error_page(app, 403));
    auto fields = parse_query(request.body);
    if (!fields || from_another_site(request) ||
        !session_form_token_ok(app, who, kept_report_path(report.id) + "/delete", *fields))
        return respond(error_page(app, 403));
    research::DeleteReport command{report.id, who.account.id, who.account.role == accounts::Role::admin,
                                   current_month(app)};
    apply_change(
        app, request,
        [command](soci::session& s) {
            store::SociKeptReportRepository reports(s);
            return research::delete_report(command, reports);
        },
        [&app, respond, id = report.id, filename = report.filename](Result<void> done) {
            if (done) app.readings.forget(id);
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            if (!done && done.error().kind == ErrorKind::forbidden) return respond(error_page(app, 403));
            if (!done) return respond(error_page(app, 503));
            respond(redirect("/research?deleted=" + text::slug(filename)));
        });
}

// Its researcher cancels a report still waiting or being made: nothing from its file is kept. Once
// it is being saved it is too late, and its page (the report, soon) has the delete button.
Response cancel(const AppContext& app, const Request& request, const RouteParams& params) {
    auto who = researcher(app, request);
    if (!who) return refuse_access(app, request);
    const auto id = kept_report_id(params.get("id"));
    if (!id) return error_page(app, 404);
    const auto path = kept_report_path(*id);
    auto fields = parse_query(request.body);
    if (!fields || from_another_site(request) || !session_form_token_ok(app, *who, path + "/cancel", *fields))
        return error_page(app, 403);
    switch (app.pending.cancel(*id, who->account.id)) {
        case PendingReports::Cancel::cancelled:
            return redirect("/research?cancelled=1");
        case PendingReports::Cancel::too_late:
            return redirect(path);
        case PendingReports::Cancel::not_found:
            break;
    }
    // Kept already (its page offers to delete it), or not theirs to cancel: its address says which.
    return store::kept_report(app.db, *id) ? redirect(path) : error_page(app, 404);
}

}  // namespace

std::string kept_report_path(std::int64_t id) {
    return fmt::format("/research/reports/{}", id);
}

std::optional<long long> kept_report_id(std::string_view segment) {
    return text::parse_positive_int(segment, 576'460'752'303'423'488LL);
}

void add_kept_report_routes(Router& router, const AppContext& app) {
    router.get("/research/reports/{id}", [&app](const Request& r, const RouteParams& p) { return show(app, r, p); });
    router.get("/research/reports/{id}/report.json",
               [&app](const Request& r, const RouteParams& p) { return form(app, r, p, "json"); });
    router.get("/research/reports/{id}/report.pdf",
               [&app](const Request& r, const RouteParams& p) { return form(app, r, p, "pdf"); });
    router.get("/research/reports/{id}/report.csv",
               [&app](const Request& r, const RouteParams& p) { return form(app, r, p, "csv"); });
    router.get("/research/reports/{id}/file.csv",
               [&app](const Request& r, const RouteParams& p) { return form(app, r, p, "input"); });
    router.post("/research/reports/{id}/cancel",
                [&app](const Request& r, const RouteParams& p) { return cancel(app, r, p); });
    router.post_async(
        "/research/reports/{id}/delete",
        [&app](const Request& r, const RouteParams& p, Responder respond) { remove(app, r, p, std::move(respond)); });
}

}  // namespace pw::web
