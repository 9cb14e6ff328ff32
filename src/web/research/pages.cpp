// The researcher's page: upload referral data, and the target-detection report is made and
// kept (web/research/kept.cpp shows it). The file itself is kept only when the researcher asks.
#include <chrono>
#include <memory>
#include <optional>
#include <variant>

#include <fmt/format.h>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/report/report.hpp"
#include "core/research/kept_report.hpp"
#include "core/text/text.hpp"
#include "crypto/encoding.hpp"
#include "crypto/staff_keys.hpp"
#include "documents/pdf.hpp"
#include "store/research/kept_reports.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/multipart.hpp"
#include "web/pages/page.hpp"
#include "web/research/research.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

constexpr std::string_view kReportPath = "/research/report";

struct FormState {
    std::string format;
    bool skip = false;
    bool keep_file = false;
    std::string notice;  // after a report is deleted
    std::vector<FieldError> errors;
    const analytics::ReadReport* read = nullptr;  // rows with problems, when the file had some
};

Response form_page(const AppContext& app, const SignedIn& who, const FormState& state, int status = 200) {
    mustache::data data;
    data.set("title", state.errors.empty() ? "Test referral data for hidden targets"
                                           : "Error: Test referral data for hidden targets");
    data.set("csrf", session_form_token(app, who, kReportPath));
    data.set("events", flag(state.format != "counts"));
    data.set("counts", flag(state.format == "counts"));
    data.set("skip", flag(state.skip));
    data.set("keep_file", flag(state.keep_file));
    if (!state.notice.empty()) data.set("notice", state.notice);
    const auto mine = store::kept_reports_of(app.db, who.account.id);
    data.set("has_reports", flag(!mine.empty()));
    data.set("reports", list_of(mine, [](const store::KeptReportSummary& r) {
                 mustache::data row;
                 row.set("path", kept_report_path(r.id));
                 row.set("filename", r.filename);
                 row.set("month", Month::parse(r.month) ? Month::parse(r.month)->label() : r.month);
                 row.set("units", std::to_string(r.units));
                 row.set("flagged", std::to_string(r.flagged));
                 return row;
             }));
    set_error_summary(data, state.errors);
    for (const auto& e : state.errors) data.set(e.field == "format" ? "format_error" : "file_error", e.message);
    if (state.read && state.read->rows_rejected > 0) {
        data.set("problems_count", std::to_string(state.read->rows_rejected));
        const auto shown = std::min<std::size_t>(state.read->problems.size(), 50);
        data.set("problems", list_of(std::span(state.read->problems.data(), shown), [](const analytics::RowProblem& p) {
                     mustache::data row;
                     row.set("line", std::to_string(p.line));
                     row.set("reason", p.reason);
                     return row;
                 }));
    }
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "research", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

// An upload's file, read once, before the upload is answered: what the tests run on, and of the
// file itself only what is kept (its checksum; its rows only when the researcher asked). The
// upload's bytes are let go once read, so a report waiting to be made holds its columns (and a copy
// of the file only when it is to be kept).
struct ReadUpload {
    std::variant<analytics::Events, analytics::Counts> input;
    analytics::ReadReport read;
    std::string filename, sha256;
    std::optional<std::string> file;
};

// The report in its four forms, ready to keep.
research::KeptReport kept(const AppContext& app, const SignedIn& who, const FormState& state, ReadUpload& upload,
                          const analytics::Report& report) {
    research::KeptReport k;
    k.owner = who.account.id;
    k.month = current_month(app);
    k.filename = upload.filename;
    k.input_kind = state.format;
    k.method_version = std::string(analytics::kMethodVersion);
    k.input_sha256 = upload.sha256;
    k.summary = upload.read.summary();
    k.units = static_cast<std::int64_t>(report.units.size());
    k.flagged = static_cast<std::int64_t>(report.flagged);
    k.html = analytics::html_fragment(report, upload.read);
    k.json = analytics::to_json(report, upload.read);
    k.csv = analytics::to_csv(report);
    k.pdf = documents::render_pdf(
        analytics::report_document(report, upload.read, "Referral target detection report: " + k.filename));
    k.input = std::move(upload.file);
    return k;
}

// The largest file a report is made from (the server takes 64 KiB more, for the form around it).
constexpr std::size_t kLargestFile = 32 * 1024 * 1024;

// The most reports one researcher keeps at a time.
constexpr std::size_t kMostKept = 30;

// The most units a report on the site is made for: a report keeps a row per unit and test in
// each of its forms, and 200,000 units made half a gigabyte of them. The command line has no limit.
constexpr std::size_t kMostUnits = 5000;

// Reads the file, on the slow-work pool before the upload is answered, so that a file with
// problems comes back to the form with them listed. The error is the form to answer with.
std::expected<ReadUpload, Response> read_upload(const AppContext& app, const SignedIn& who, const FilePart& file,
                                                FormState state) {
    ReadUpload upload;
    const auto& read = upload.read;
    auto refuse = [&](std::string message) -> std::expected<ReadUpload, Response> {
        state.errors.push_back({"file", std::move(message)});
        return std::unexpected(form_page(app, who, state, 422));
    };
    auto take = [&](auto parsed) -> std::expected<ReadUpload, Response> {
        if (!parsed) {
            auto message = "The file could not be read: " + parsed.error().message;
            // The other format's columns: the form's choice was likely the wrong one.
            if (state.format == "events" && message.find("unknown column \"period\"") != std::string::npos)
                message += ". It looks like counts: choose \u201cCounts per office and period\u201d";
            if (state.format == "counts" && message.find("unknown column \"date\"") != std::string::npos)
                message += ". It looks like one row per referral: choose \u201cOne row per referral (events)\u201d";
            return refuse(message);
        }
        if (read.rows_rejected > 0 && (!state.skip || read.rows_read == 0)) {
            state.read = &read;
            const auto listed = read.rows_rejected > 50 ? std::string("the first 50 are listed below")
                                                        : std::string(read.rows_rejected == 1 ? "it is listed below"
                                                                                              : "they are listed below");
            if (read.rows_read == 0)
                return refuse(fmt::format("None of the {} row{} of the file could be read: {}", read.rows_rejected,
                                          read.rows_rejected == 1 ? "" : "s", listed));
            return refuse(fmt::format("{} {} of the file {} problems: {}. Correct them, or choose to leave them out",
                                      read.rows_rejected, read.rows_rejected == 1 ? "row" : "rows",
                                      read.rows_rejected == 1 ? "has" : "have", listed));
        }
        if (read.rows_read == 0) return refuse("The file has a header but no rows");
        if (parsed->units.names.size() > kMostUnits)
            return refuse(
                fmt::format("The file names {} units; a report on this site is made for up to {}. Split "
                            "the file (by area or provider, say), or run providerwatch detect on it",
                            parsed->units.names.size(), kMostUnits));
        upload.input = std::move(*parsed);
        upload.filename = research::shown_filename(file.filename);
        upload.sha256 = crypto::sha256_hex(file.data);
        // Kept as text: a file that is not UTF-8 (a spreadsheet's Latin-1, a NUL) is not kept, and
        // its report's page says the file was not kept, rather than the report being lost with it.
        if (state.keep_file && text::is_valid_utf8(file.data) && file.data.find('\0') == std::string::npos)
            upload.file = file.data;
        return std::move(upload);
    };
    return state.format == "counts" ? take(analytics::read_counts(file.data, upload.read))
                                    : take(analytics::read_events(file.data, upload.read));
}

// The longest the tests on one upload may take. The largest reports the site's limits allow take
// seconds to a minute; without a bound, one file could hold the one report thread, and every report
// behind it, for as long as its tests ran, and hold up a restart past the service's stop timeout.
constexpr auto kMakingTime = std::chrono::minutes(5);

// Makes the report and keeps it; the report's address shows how it went (web/research/pending.hpp).
void make_and_keep(const AppContext& app, std::int64_t id, const SignedIn& who, ReadUpload& upload,
                   const FormState& state) {
    // Settles the report if no path below does (a throw in the writer's answer, an answer dropped),
    // and forgets it when its researcher has cancelled it.
    auto settle = app.pending.settle_guard(id);
    analytics::DetectOptions options;
    options.threads = 1;
    // The tests stop, between one unit and the next, for a cancel, for the server stopping, and
    // past kMakingTime, in real time (steady_clock, not app.clock(), which --now holds still).
    const auto until = std::chrono::steady_clock::now() + kMakingTime;
    options.stop = [&app, id, until] {
        return app.pending.is_cancelled(id) || app.pending.closed() || std::chrono::steady_clock::now() > until;
    };
    std::optional<analytics::Report> made;
    try {
        made = std::visit([&](const auto& input) { return analytics::detect(input, options); }, upload.input);
    } catch (const analytics::Stopped&) {
        if (app.pending.is_cancelled(id)) return;
        if (app.pending.closed())
            return app.pending.failed(id, "The site was restarted while this report was being made. Upload the file "
                                          "again.");
        return app.pending.failed(
            id, fmt::format("The tests on this file took longer than {} minutes, the most a report on this site "
                            "may take. Split the file (by area, provider or period), or run providerwatch detect "
                            "on it.",
                            std::chrono::duration_cast<std::chrono::minutes>(kMakingTime).count()));
    }
    const auto& report = *made;
    if (app.pending.is_cancelled(id)) return;  // its four forms are not made
    auto k = kept(app, who, state, upload, report);
    k.id = id;
    if (!app.pending.start_saving(id)) return;  // cancelled while they were made
    apply_change(
        app, Request{},  // no request waits for it: it is kept whenever it is made
        [report = std::move(k)](soci::session& s) {
            store::SociKeptReportRepository reports(s);
            return without_value(research::keep_report(report, reports));
        },
        [&app, id, settle](Result<void> done) {
            if (done) return app.pending.done(id);
            app.pending.failed(id, "The report was made but could not be saved. Upload the file again.");
        });
}

Response busy(const AppContext& app, const SignedIn& who, FormState state, PendingReports::Refused why) {
    const bool theirs = why == PendingReports::Refused::yours_full;
    state.errors.push_back({"file", theirs ? "You already have 2 reports being made or waiting. Upload this file "
                                             "again once one of them is ready"
                                           : "Several reports are being made or waiting. Try again in a few minutes"});
    Response response = form_page(app, who, state, theirs ? 429 : 503);
    response.set_header("Retry-After", "120");
    return response;
}

void report(const AppContext& app, const Request& request, Responder respond) {
    auto who = researcher(app, request);
    if (!who) return respond(refuse_access(app, request));
    const auto boundary = multipart_boundary(request.header("content-type").value_or(""));
    if (!boundary) return respond(error_page(app, 400));
    auto body = parse_multipart(request.body, *boundary);
    if (!body) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kReportPath, body->fields)) return respond(error_page(app, 403));
    FormState state;
    state.format = std::string(field(body->fields, "format"));
    state.skip = field(body->fields, "skip") == "yes";
    state.keep_file = field(body->fields, "keep_file") == "yes";
    if (state.format != "events" && state.format != "counts")
        state.errors.push_back({"format", "Select what is in the file"});
    const FilePart* file = nullptr;
    for (const auto& f : body->files)
        if (f.field == "file" && !f.filename.empty()) file = &f;
    if (!file)
        state.errors.push_back({"file", "Select a CSV file"});
    else if (file->data.empty())
        state.errors.push_back({"file", "The selected file is empty"});
    else if (file->data.size() > kLargestFile)
        state.errors.push_back({"file", "The file is larger than 32 MB, the most a file here may be. Split it (by "
                                        "area, provider or period), or run providerwatch detect on it"});
    if (!state.errors.empty()) return respond(form_page(app, *who, state, 422));
    // Each report keeps its four forms (and the file, if asked): tens of megabytes for a large one.
    // Without a bound one account could fill the disk in hours.
    if (const auto kept = store::kept_reports_of(app.db, who->account.id).size(); kept >= kMostKept) {
        state.errors.push_back(
            {"file", fmt::format("You keep {} reports, the most one researcher may keep. Delete some you no longer "
                                 "need (from their pages) to make more",
                                 kept)});
        return respond(form_page(app, *who, state, 422));
    }
    // A place for it before anything more is done: a flood of uploads is refused here, at once,
    // without its files being read or held (web/research/pending.hpp).
    auto place = app.pending.reserve(who->account.id);
    if (const auto* refused = std::get_if<PendingReports::Refused>(&place))
        return respond(busy(app, *who, std::move(state), *refused));
    // On the slow-work pool, which the server stops (finishing it) before the app goes away. The
    // upload is answered once the file is read; the tests run after, on the reports' own thread.
    // The place is given back before any answer but the report's address, so that the person who
    // reads "this file has a problem" and uploads it again at once is not told they have reports
    // waiting. It goes with the job alone, so a job the pool refuses gives it back before the
    // refusal below.
    auto held = std::get<std::shared_ptr<PendingReports::Place>>(std::move(place));
    const bool queued = app.slow.try_run(
        [&app, who = *who, file = *file, state, respond, held = std::move(held), answer = request.answer]() mutable {
            auto refuse = [&held, &respond](Response response) {
                held.reset();
                respond(std::move(response));
            };
            // Answered at its deadline while it waited: not read. (This 503 goes nowhere; it keeps the
            // responder from a 500.) The server is stopping: not read, and the site's 503 page says so.
            const Response unread{503, "text/plain; charset=utf-8", {}, "", "-"};
            if (abandoned(answer)) return refuse(unread);
            if (app.pending.closed()) return refuse(error_page(app, 503));
            auto read = read_upload(app, who, file, state);
            if (!read) return refuse(std::move(read.error()));
            std::string().swap(file.data);  // what the report needs of it is read: the bytes go now
            // Shared: a report to make is copyable, and the columns are not to be copied.
            auto upload = std::make_shared<ReadUpload>(std::move(*read));
            const auto id = crypto::random_id();
            Response to_report = redirect(kept_report_path(id));  // made before the report is queued
            // The answer (the report's address) and the report go together: once the deadline has
            // answered "try again", a report made now would be a surprise copy, so none is.
            if (!claim_answer(answer)) return refuse(unread);
            if (!app.pending.add(*held, id, [&app, id, who, upload = std::move(upload), state] {
                    make_and_keep(app, id, who, *upload, state);
                }))
                return refuse(busy(app, who, std::move(state), PendingReports::Refused::full));
            held.reset();  // used by the report now: its place is given back when it is made
            respond(std::move(to_report));
        });
    if (!queued) respond(busy(app, *who, std::move(state), PendingReports::Refused::full));
}

}  // namespace

std::optional<SignedIn> researcher(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::researcher, accounts::Role::evaluator, accounts::Role::admin});
}

std::optional<SignedIn> kept_report_reader(const AppContext& app, const Request& request) {
    return signed_in_as(
        app, request,
        {accounts::Role::researcher, accounts::Role::evaluator, accounts::Role::moderator, accounts::Role::admin});
}

bool research_upload_allowed(const AppContext& app, std::string_view target, std::string_view cookie) {
    if (target != kReportPath) return false;
    Request headers;
    headers.headers.emplace_back("cookie", std::string(cookie));
    return researcher(app, headers).has_value();
}

void add_research_routes(Router& router, const AppContext& app) {
    router.get("/research", [&app](const Request& r, const RouteParams&) {
        auto who = researcher(app, r);
        if (!who) return refuse_access(app, r);
        FormState state;
        if (r.query.starts_with("deleted=")) state.notice = "The report is deleted.";
        if (r.query == "cancelled=1") state.notice = "Your report is cancelled. Nothing from its file was kept.";
        return form_page(app, *who, state);
    });
    router.post_async(std::string(kReportPath), [&app](const Request& r, const RouteParams&, Responder respond) {
        report(app, r, std::move(respond));
    });
}

}  // namespace pw::web
