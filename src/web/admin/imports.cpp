// The admin's import page: a registry, sub-contractor, office, standards or complaints-procedure
// file uploaded in the browser, checked by the same rules as `providerwatch import` and written
// through the writer in one all-or-nothing job. Every bad row is listed; nothing is half done.
#include <fmt/format.h>

#include <atomic>

#include "core/csv/csv.hpp"
#include "core/registry/import_rows.hpp"
#include "store/registry/import.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/multipart.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

constexpr std::string_view kImports = "/admin/imports";
constexpr std::size_t kShownErrors = 100;  // a file of many bad rows lists the first ones and says how many
// An import is one job of the site's only writer, and everyone's changes wait behind it: the
// browser takes files of a few thousand rows (registry files are kilobytes); larger ones go
// through `providerwatch import`, and one import runs at a time.
constexpr std::size_t kMaxBytes = 1024 * 1024;
constexpr std::size_t kMaxRows = 5000;
std::atomic<bool> importing{false};

struct Kind {
    std::string_view key;
    std::string_view label;
    std::string_view hint;
};
constexpr std::array kKinds{
    Kind{"registry", "Registry: programmes, areas and prime contracts",
         "programme,cpa_number,cpa_name,prime_provider,notes,source"},
    Kind{"providers", "Sub-contractors", "programme,cpa_number,prime_provider,subcontractor,source"},
    Kind{"offices", "Offices", "provider,office_name,town,postcode_district,source"},
    Kind{"standards", "Minimum service standards", "provider,standard,source"},
    Kind{"procedures", "Complaints procedures", "provider,how_to_complain,contact,url,source"},
};

struct PageState {
    std::string kind;
    bool skip = false;
    std::vector<FieldError> errors;
    std::vector<csv::RowError> rows;  // the file's bad rows, when it was refused for them
    std::string notice;               // what an import did
    std::vector<csv::RowError> skipped;
};

mustache::data row_list(const std::vector<csv::RowError>& rows) {
    const auto shown = std::min(rows.size(), kShownErrors);
    return list_of(std::span(rows.data(), shown), [](const csv::RowError& e) {
        mustache::data d;
        d.set("line", std::to_string(e.line));
        d.set("reason", e.reason);
        return d;
    });
}

Response page(const AppContext& app, const SignedIn& who, const PageState& state, int status = 200) {
    mustache::data data;
    data.set("title", std::string(state.errors.empty() ? "" : "Error: ") + "Import a file");
    set_error_summary(data, state.errors);
    for (const auto& e : state.errors) data.set(e.field + "_error", e.message);
    data.set("csrf", session_form_token(app, who, kImports));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    data.set("kinds", list_of(kKinds, [&](const Kind& k) {
                 mustache::data d;
                 d.set("value", std::string(k.key));
                 d.set("id", k.key == kKinds.front().key ? std::string("kind") : "kind-" + std::string(k.key));
                 d.set("label", std::string(k.label));
                 d.set("columns", std::string(k.hint));
                 d.set("checked", flag(k.key == state.kind));
                 return d;
             }));
    data.set("skip", flag(state.skip));
    if (!state.rows.empty()) {
        data.set("bad_count", std::to_string(state.rows.size()));
        data.set("bad_rows", row_list(state.rows));
        if (state.rows.size() > kShownErrors) data.set("bad_more", std::to_string(state.rows.size() - kShownErrors));
    }
    if (!state.notice.empty()) data.set("notice", state.notice);
    if (!state.skipped.empty()) {
        data.set("skipped_count", std::to_string(state.skipped.size()));
        data.set("skipped_rows", row_list(state.skipped));
    }
    Response response = html_page(app, "admin_imports", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

std::string plural(std::size_t n, std::string_view one) {
    return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s");
}

template <class Row>
using SessionImport = store::ImportResult (*)(soci::session&, const registry::Checked<Row>&,
                                              const store::ImportOptions&);

// Writes checked rows through the writer, then answers with what happened.
template <class Row>
void write_rows(const AppContext& app, const Request& request, const SignedIn& who, PageState state,
                std::string filename, registry::Checked<Row> checked, SessionImport<Row> import, Responder respond) {
    auto outcome = std::make_shared<store::ImportResult>();
    const store::ImportOptions options{state.skip, current_month(app)};
    apply_change(
        app, request,
        [checked = std::move(checked), import, options, outcome](soci::session& s) -> Result<void> {
            *outcome = import(s, checked, options);  // the writer may run it twice: each run starts afresh
            if (*outcome) return {};
            return fail(ErrorKind::invalid_input, "The file has rows that cannot be imported");
        },
        [&app, who, state = std::move(state), filename = std::move(filename), outcome,
         respond](Result<void> done) mutable {
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            if (!*outcome) {
                state.rows = outcome->error();
                state.errors.push_back({"file", fmt::format("{} of {} cannot be imported, so nothing was: they are "
                                                            "listed below",
                                                            plural(state.rows.size(), "row"), filename)});
                return respond(page(app, who, state, 422));
            }
            const auto& report = **outcome;
            state.notice = fmt::format(
                "{}: {} read, {} added, {} already here, {} left out. Public pages show "
                "the change within a minute.",
                filename, plural(report.rows, "row"), report.created, report.already_present, report.skipped.size());
            state.skipped = report.skipped;
            state.kind.clear();
            state.skip = false;
            respond(page(app, who, state));
        });
}

// Runs on the slow-work pool: a large file is parsed and checked away from the I/O threads.
void check_and_write(const AppContext& app, const Request& request, const SignedIn& who, PageState state,
                     const FilePart& file, Responder respond) {
    auto rows = csv::parse(file.data);
    if (!rows) {
        state.errors.push_back({"file", "The file could not be read: " + rows.error().message});
        return respond(page(app, who, state, 422));
    }
    if (rows->size() > kMaxRows + 1) {
        state.errors.push_back({"file", fmt::format("The file has more than {} rows: import it with providerwatch "
                                                    "import on the server",
                                                    kMaxRows)});
        return respond(page(app, who, state, 422));
    }
    const auto& k = state.kind;
    auto go = [&]<class Row>(registry::Checked<Row> checked, std::type_identity_t<SessionImport<Row>> import) {
        write_rows(app, request, who, std::move(state), file.filename, std::move(checked), import, respond);
    };
    using namespace registry;
    if (k == "registry") return go(check_registry(*rows), &store::import_registry);
    if (k == "providers") return go(check_providers(*rows), &store::import_subcontracts);
    if (k == "offices") return go(check_offices(*rows), &store::import_offices);
    if (k == "standards") return go(check_standards(*rows), &store::import_standards);
    go(check_procedures(*rows), &store::import_procedures);
}

void upload(const AppContext& app, const Request& request, Responder respond) {
    auto who = signed_in_admin(app, request);
    if (!who) return respond(refuse_access(app, request));
    const auto boundary = multipart_boundary(request.header("content-type").value_or(""));
    if (!boundary) return respond(error_page(app, 400));
    auto body = parse_multipart(request.body, *boundary);
    if (!body) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, std::string(kImports), body->fields)) return respond(error_page(app, 403));
    PageState state;
    state.kind = std::string(field(body->fields, "kind"));
    state.skip = field(body->fields, "skip") == "yes";
    if (std::ranges::none_of(kKinds, [&](const Kind& k) { return k.key == state.kind; })) {
        state.kind.clear();
        state.errors.push_back({"kind", "Select what is in the file"});
    }
    const FilePart* file = nullptr;
    for (const auto& f : body->files)
        if (f.field == "file" && !f.filename.empty()) file = &f;
    if (!file)
        state.errors.push_back({"file", "Select a CSV file"});
    else if (file->data.empty())
        state.errors.push_back({"file", "The selected file is empty"});
    else if (file->data.size() > kMaxBytes)
        state.errors.push_back(
            {"file", "The file is larger than 1 MB: import it with providerwatch import on the server"});
    if (!state.errors.empty()) return respond(page(app, *who, state, 422));
    // The request outlives this handler only through what the job holds: who answers it.
    Request held;
    held.answer = request.answer;
    if (importing.exchange(true)) return respond(error_page(app, 503));  // another import is running
    // Whatever happens to the job, the next import may start once this one has answered.
    Responder once = [respond](Response r) {
        importing = false;
        respond(std::move(r));
    };
    const bool queued = app.slow.try_run(
        [&app, held = std::move(held), who = *who, state = std::move(state), file = *file, once]() mutable {
            try {
                check_and_write(app, held, who, std::move(state), file, once);
            } catch (...) {
                importing = false;
                throw;
            }
        });
    if (!queued) once(error_page(app, 503));
}

}  // namespace

bool admin_upload_allowed(const AppContext& app, std::string_view target, std::string_view cookie) {
    if (target != kImports) return false;
    Request headers;
    headers.headers.emplace_back("cookie", std::string(cookie));
    return signed_in_admin(app, headers).has_value();
}

void add_admin_import_routes(Router& router, const AppContext& app) {
    router.get(std::string(kImports), [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_admin(app, r);
        return who ? page(app, *who, PageState{}) : refuse_access(app, r);
    });
    router.post_async(std::string(kImports), [&app](const Request& r, const RouteParams&, Responder respond) {
        upload(app, r, std::move(respond));
    });
}

}  // namespace pw::web
