// The researcher's page: upload referral data, get the target-detection report on the page.
// The file is read in memory for the report and never stored.
#include <atomic>

#include <fmt/format.h>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/report/report.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/multipart.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

constexpr std::string_view kReportPath = "/research/report";

std::atomic<int> reports_running{0};  // one report at a time: the other core keeps serving the site

std::optional<SignedIn> researcher(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::researcher, accounts::Role::evaluator, accounts::Role::admin});
}

struct FormState {
    std::string format;
    bool skip = false;
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
    Response response = html_page(app, "research", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response report_page(const AppContext& app, const std::string& filename, const analytics::Report& report,
                     const analytics::ReadReport& read) {
    mustache::data data;
    data.set("title", "Target detection report");
    data.set("filename", filename);
    data.set("report", analytics::html_fragment(report, read));
    Response response = html_page(app, "research_report", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

// Reads and tests the file; runs on its own thread.
Response make_report(const AppContext& app, const SignedIn& who, const FilePart& file, FormState state) {
    analytics::ReadReport read;
    auto finish = [&](auto parsed) -> Response {
        if (!parsed) {
            state.errors.push_back({"file", "The file could not be read: " + parsed.error().message});
            return form_page(app, who, state, 422);
        }
        if (read.rows_rejected > 0 && !state.skip) {
            state.read = &read;
            state.errors.push_back({"file", fmt::format("{} rows of the file have problems: they are listed below. "
                                                        "Correct them, or choose to leave them out",
                                                        read.rows_rejected)});
            return form_page(app, who, state, 422);
        }
        if (read.rows_read == 0) {
            state.errors.push_back({"file", "The file has a header but no rows"});
            return form_page(app, who, state, 422);
        }
        analytics::DetectOptions options;
        options.threads = 1;
        return report_page(app, file.filename, analytics::detect(*parsed, options), read);
    };
    try {
        return state.format == "counts" ? finish(analytics::read_counts(file.data, read))
                                        : finish(analytics::read_events(file.data, read));
    } catch (const std::exception&) {
        return error_page(app, 500);
    }
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
    if (state.format != "events" && state.format != "counts")
        state.errors.push_back({"format", "Select what is in the file"});
    const FilePart* file = nullptr;
    for (const auto& f : body->files)
        if (f.field == "file" && !f.filename.empty()) file = &f;
    if (!file)
        state.errors.push_back({"file", "Select a CSV file"});
    else if (file->data.empty())
        state.errors.push_back({"file", "The selected file is empty"});
    if (!state.errors.empty()) return respond(form_page(app, *who, state, 422));
    if (reports_running.fetch_add(1) > 0) {
        --reports_running;
        return respond(error_page(app, 503));
    }
    // On the slow-work pool, which the server stops (finishing it) before the app goes away.
    const bool queued = app.slow.try_run([&app, who = *who, file = *file, state, respond]() mutable {
        Response page;
        try {
            page = make_report(app, who, file, std::move(state));
        } catch (...) {  // whatever it throws, the next report may start
            --reports_running;
            throw;
        }
        --reports_running;  // before answering, so the next upload from the same person is taken
        respond(std::move(page));
    });
    if (!queued) {
        --reports_running;
        respond(error_page(app, 503));
    }
}

}  // namespace

bool research_upload_allowed(const AppContext& app, std::string_view target, std::string_view cookie) {
    if (target != kReportPath) return false;
    Request headers;
    headers.headers.emplace_back("cookie", std::string(cookie));
    return researcher(app, headers).has_value();
}

void add_research_routes(Router& router, const AppContext& app) {
    router.get("/research", [&app](const Request& r, const RouteParams&) {
        auto who = researcher(app, r);
        return who ? form_page(app, *who, FormState{}) : refuse_access(app, r);
    });
    router.post_async(std::string(kReportPath), [&app](const Request& r, const RouteParams&, Responder respond) {
        report(app, r, std::move(respond));
    });
}

}  // namespace pw::web
