// A staff member's reports of target pressure: the start page (what is kept and what is not), the
// form with a preview of what redaction takes out, the codename shown once with a chance to
// practise it, and the report they come back to with it, to read replies and add more.
#include <fmt/format.h>

#include <algorithm>

#include "core/codenames/codename.hpp"
#include "core/staff_reports/commands.hpp"
#include "core/stories/story.hpp"
#include "crypto/codenames.hpp"
#include "crypto/staff_keys.hpp"
#include "store/staff_reports/reports.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/codename_form.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/staff_reports/views.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace staff_reports;

namespace {

constexpr std::string_view kNew = "/staff-reports/new";
constexpr std::string_view kMine = "/staff-reports/mine";
constexpr std::string_view kAdd = "/staff-reports/mine/add";

Response start_page(const AppContext& app) {
    mustache::data data;
    data.set("title", "Report pressure to refer people for sanctions");
    data.set("closed", flag(!app.staff.moderators));
    return html_page(app, "staff_reports", std::move(data), app.staff.moderators ? 200 : 503);
}

Response prime_page(const AppContext& app, const std::string& error, int status) {
    mustache::data data;
    data.set("title", (error.empty() ? "" : "Error: ") + std::string("Which prime do you work for, or with?"));
    std::vector<FieldError> errors;
    if (!error.empty()) errors.push_back({"prime", error});
    set_error_summary(data, errors);
    if (!error.empty()) data.set("prime_error", error);
    data.set("primes", list_of(all_primes(app.registry), [](const registry::ProviderRef& p) {
                 mustache::data d;
                 d.set("value", std::to_string(p.id.value));
                 d.set("label", p.name);
                 return d;
             }));
    return no_store(html_page(app, "staff_report_prime", std::move(data), status));
}

// A choice list of (id, label), with the one the form holds selected.
template <class Items, class Label>
mustache::data options(const Items& items, std::string_view chosen, Label label) {
    return list_of(items, [&](const auto& item) {
        mustache::data d;
        const auto value = std::to_string(item.id.value);
        d.set("value", value);
        d.set("label", label(item));
        d.set("selected", flag(value == chosen));
        return d;
    });
}

Response form_page(const AppContext& app, const PrimeChoices& choices, const FormFields& form,
                   const std::vector<FieldError>& errors, int status) {
    mustache::data data;
    data.set("title", (errors.empty() ? "" : "Error: ") + std::string("Tell us about the pressure"));
    set_error_summary(data, errors);
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    data.set("csrf", app.csrf.issue(kNew, current_day(app)));
    data.set("prime", std::to_string(choices.prime.id.value));
    data.set("prime_name", choices.prime.name);
    data.set("has_subcontractors", flag(!choices.subcontractors.empty()));
    data.set("subcontractors", options(choices.subcontractors, field(form, "provider"),
                                       [](const registry::ProviderRef& p) { return p.name; }));
    data.set("has_offices", flag(!choices.offices.empty()));
    data.set("offices", options(choices.offices, field(form, "office"), [](const OfficeChoice& o) { return o.label; }));
    data.set("roles", list_of(kStaffRoles, [&](StaffRole role) {
                 mustache::data d;
                 d.set("value", std::string(role_name(role)));
                 d.set("label", std::string(role_label(role)));
                 d.set("checked", flag(field(form, "role") == role_name(role)));
                 return d;
             }));
    data.set("pressures", list_of(kPressures, [&](Pressure pressure) {
                 mustache::data d;
                 d.set("value", std::string(pressure_name(pressure)));
                 d.set("label", std::string(pressure_label(pressure)));
                 d.set("checked", flag(field(form, "pressure_" + std::string(pressure_name(pressure))) == "yes"));
                 return d;
             }));
    data.set("started_month", std::string(field(form, "started_month")));
    data.set("started_year", std::string(field(form, "started_year")));
    data.set("continuing_yes", flag(field(form, "continuing") == "yes"));
    data.set("continuing_no", flag(field(form, "continuing") == "no"));
    data.set("text_value", std::string(field(form, "text")));
    return no_store(html_page(app, "staff_report_new", std::move(data), status));
}

Response preview_page(const AppContext& app, const PrimeChoices& choices, const FormFields& form,
                      const ReportFacts& facts, const std::string& text) {
    mustache::data data;
    data.set("title", "Check your report before you send it");
    data.set("prime_name", choices.prime.name);
    data.set("csrf", app.csrf.issue(kNew, current_day(app)));
    data.set("summary", facts_summary(facts, choices.names(facts)));
    set_preview(data, form, text);
    return no_store(html_page(app, "staff_report_preview", std::move(data)));
}

void submit(const AppContext& app, const Request& request, Responder respond) {
    if (!app.staff.moderators) return respond(start_page(app));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!app.csrf.valid(field(*form, "csrf"), kNew, current_day(app)) || from_another_site(request))
        return respond(error_page(app, 403));
    const auto prime = parse_id(field(*form, "prime"));
    const auto choices = prime ? prime_choices(app.registry, *prime) : std::nullopt;
    if (!choices) return respond(prime_page(app, "Select the prime you work for or with, from the list", 400));
    auto parsed = parse_report(*choices, *form, current_month(app));
    if (!parsed.errors.empty()) return respond(form_page(app, *choices, *form, parsed.errors, 400));
    if (field(*form, "confirm") != "yes") return respond(preview_page(app, *choices, *form, parsed.facts, parsed.text));
    // The codename and the report's keys: two argon2id runs, here on the slow-work pool.
    const auto codename = crypto::new_codename(codenames::kStaffWords);
    SubmitStaffReport command{
        parsed.facts, redaction::redact_text(parsed.text),
        crypto::new_reporter_keys(*app.staff.lookup, *codenames::normalise(codename, codenames::kStaffWords)),
        NewIds{crypto::random_id(), crypto::random_id(), crypto::random_id()}, current_month(app)};
    apply_change(app, request,
                 sealed_change(app,
                               [command = std::move(command)](const Sealer& sealer, StaffReportRepository& reports) {
                                   return submit_staff_report(command, sealer, reports);
                               }),
                 [&app, respond, codename, choices = *choices, form = *form](Result<void> done) {
                     if (!done && done.error().kind == ErrorKind::invalid_input)
                         return respond(form_page(app, choices, form, {{"pressures", done.error().message}}, 400));
                     if (!done) return respond(error_page(app, 503));
                     mustache::data data;
                     data.set("title", "Your report is sent");
                     data.set("codename", codename);
                     data.set("csrf", app.csrf.issue(kMine, current_day(app)));
                     respond(no_store(html_page(app, "staff_report_sent", std::move(data))));
                 });
}

Response open_page(const AppContext& app, const std::string& typed, const std::string& error, int status) {
    mustache::data data;
    data.set("title", (error.empty() ? "" : "Error: ") + std::string("Your staff report"));
    data.set("codename_value", typed);
    if (!error.empty()) data.set("error", error);
    data.set("csrf", app.csrf.issue(kMine, current_day(app)));
    return no_store(html_page(app, "staff_report_open", std::move(data), status));
}

// A report opened with its codename: the row, and its key pair unlocked.
struct Opened {
    store::StaffReportRow report;
    crypto::KeyPair keys;
    std::string codename;  // normalised, for the next form
};

// Checks the form's token (bound to token_path) and the codename. Every wrong codename gets the
// same answer, whether or not any report exists.
std::expected<Opened, Response> open_with_codename(const AppContext& app, const Request& request,
                                                   const FormFields& form, std::string_view token_path) {
    if (!app.csrf.valid(field(form, "csrf"), token_path, current_day(app)) || from_another_site(request))
        return std::unexpected(error_page(app, 403));
    const std::string typed(field(form, "codename"));
    const auto codename = codenames::normalise(typed, codenames::kStaffWords);
    if (!codename)
        return std::unexpected(
            open_page(app, typed, "Enter your codename as 6 words, like maple river candle orbit finch lantern", 400));
    auto report = store::find_staff_report(app.db, *app.staff.lookup, *codename);
    auto keys = report ? crypto::unlock_reporter_keys(*codename, report->keys.public_key, report->keys.key_salt,
                                                      report->keys.locked_secret_key)
                       : std::nullopt;
    if (!report || !keys)
        return std::unexpected(open_page(app, typed, "We do not recognise that codename. Check the 6 words.", 400));
    return Opened{std::move(*report), *keys, *codename};
}

Response mine_page(const AppContext& app, const Opened& opened, const std::string& notice,
                   const std::vector<FieldError>& errors = {}, const std::string& text = {}) {
    mustache::data data;
    data.set("title", (errors.empty() ? "" : "Error: ") + std::string("Your staff report"));
    set_error_summary(data, errors);
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    if (!notice.empty()) data.set("notice", notice);
    data.set("prime_name", opened.report.prime_name);
    data.set("state", std::string(report_state_label(opened.report.state)));
    data.set("summary", report_summary(app.registry, opened.report, opened.keys, Reader::reporter));
    data.set("messages",
             messages_view(store::staff_report_messages(app.db, opened.report.id), opened.keys, Reader::reporter));
    data.set("codename", opened.codename);
    data.set("csrf", app.csrf.issue(kAdd, current_day(app)));
    data.set("text_value", text);
    return no_store(html_page(app, "staff_report_mine", std::move(data), errors.empty() ? 200 : 400));
}

void add(const AppContext& app, const Request& request, Responder respond) {
    if (!app.staff.moderators) return respond(start_page(app));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    auto opened = open_with_codename(app, request, *form, kAdd);
    if (!opened) return respond(after_failed_lookup(app, request, std::move(opened.error())));
    const std::string typed(field(*form, "text"));
    auto text = stories::check_text_within(typed, "What you want to add", kMaxReportText);
    if (!text) return respond(mine_page(app, *opened, "", {{"text", text.error().message}}, typed));
    AddToStaffReport command{opened->report.id, redaction::redact_text(*text),
                             NewIds{0, crypto::random_id(), crypto::random_id()}, current_month(app)};
    apply_change(app, request,
                 sealed_change(app,
                               [command = std::move(command)](const Sealer& sealer, StaffReportRepository& reports) {
                                   return add_to_staff_report(command, sealer, reports);
                               }),
                 [&app, respond, opened = std::move(*opened)](Result<void> done) mutable {
                     if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
                     if (done) {
                         if (auto now = store::staff_report(app.db, opened.report.id)) opened.report = std::move(*now);
                     }
                     respond(mine_page(
                         app, opened, done ? "What you added is sent." : "",
                         done ? std::vector<FieldError>{} : std::vector<FieldError>{{"text", done.error().message}}));
                 });
}

}  // namespace

void add_staff_report_routes(Router& router, const AppContext& app) {
    router.get("/staff-reports", [&app](const Request&, const RouteParams&) { return start_page(app); });
    router.get("/staff-reports/new", [&app](const Request& r, const RouteParams&) {
        if (!app.staff.moderators) return start_page(app);
        auto query = parse_query(r.query);
        if (!query) return error_page(app, 400);
        if (!query->contains("prime")) return prime_page(app, "", 200);
        const auto prime = parse_id(field(*query, "prime"));
        const auto choices = prime ? prime_choices(app.registry, *prime) : std::nullopt;
        if (!choices) return prime_page(app, "Select the prime you work for or with, from the list", 400);
        return form_page(app, *choices, {}, {}, 200);
    });
    router.post_async(
        std::string(kNew), [&app](const Request& r, const RouteParams&, Responder respond) { submit(app, r, respond); },
        throttle::Action::participant_write, Work::slow);
    router.get(std::string(kMine), [&app](const Request&, const RouteParams&) {
        if (!app.staff.moderators) return start_page(app);
        return open_page(app, "", "", 200);
    });
    router.post(
        std::string(kMine),
        [&app](const Request& r, const RouteParams&) {
            if (!app.staff.moderators) return start_page(app);
            auto form = parse_query(r.body);
            if (!form) return error_page(app, 400);
            auto opened = open_with_codename(app, r, *form, kMine);
            if (!opened) return std::move(opened.error());
            return mine_page(app, *opened, "");
        },
        throttle::Action::codename_lookup, Work::slow);
    router.post_async(
        std::string(kAdd), [&app](const Request& r, const RouteParams&, Responder respond) { add(app, r, respond); },
        throttle::Action::codename_action, Work::slow);
}

}  // namespace pw::web
