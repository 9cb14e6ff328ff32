// A participant's official complaint: the guide with the Independent Case Examiner route, the
// form that drafts the letter (the letter is theirs: drafted from their own words, never kept),
// and following it under a codename, with the 8-week clock read from the weeks.
#include <fmt/format.h>

#include <algorithm>

#include "core/codenames/codename.hpp"
#include "core/complaints/clock.hpp"
#include "core/complaints/commands.hpp"
#include "core/complaints/ice_letter.hpp"
#include "core/stories/story.hpp"
#include "crypto/codenames.hpp"
#include "documents/pdf.hpp"
#include "store/complaints/complaints.hpp"
#include "store/ratings/ratings.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/complaints/views.hpp"
#include "web/http/query.hpp"
#include "web/pages/codename_form.hpp"
#include "web/pages/letters.hpp"
#include "web/pages/page.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"

namespace pw::web {

using namespace complaints;

namespace {

constexpr const char* kMine = "/complaints/mine";
constexpr const char* kLetter = "/complaints/letter";
const CodenameForm kFollowForm{kMine, "Follow your complaint",
                               "Enter the codename you were given when you wrote your complaint. You can see the "
                               "provider's answer, send or withdraw the complaint, and take it further."};

std::string ice_path(std::string_view shown_id) {
    return fmt::format("/complaints/{}/ice-letter", shown_id);
}

std::string form_path(std::int64_t provider_id) {
    return fmt::format("/providers/{}/complain", provider_id);
}

// The provider's own complaints procedure, where the registry has it.
void set_procedure(mustache::data& data, const std::optional<registry::ComplaintsProcedure>& procedure) {
    if (!procedure) return;
    data.set("procedure_how", procedure->how);
    if (!procedure->contact.empty()) data.set("procedure_contact", procedure->contact);
    if (!procedure->url.empty()) data.set("procedure_url", procedure->url);
    data.set("procedure_source", procedure->source);
}

Response form_page(const AppContext& app, const registry::ProviderDetail& provider, const FormFields& form,
                   const std::vector<FieldError>& errors, int status) {
    mustache::data data;
    data.set("title", (errors.empty() ? "" : "Error: ") + fmt::format("Complain about {}", provider.provider.name));
    set_error_summary(data, errors);
    const auto path = form_path(provider.provider.id.value);
    data.set("action", path);
    data.set("csrf", app.csrf.issue(path, current_day(app)));
    data.set("provider_name", provider.provider.name);
    set_procedure(data, provider.complaints_procedure);
    data.set("back_url", provider_url(provider.provider.id));
    const auto office = field(form, "office");
    data.set("has_offices", flag(!provider.offices.empty()));
    data.set("offices", list_of(provider.offices, [&](const registry::OfficeSummary& o) {
                 mustache::data d;
                 d.set("value", std::to_string(o.id.value));
                 d.set("label", fmt::format("{}, {}", o.name, o.town));
                 d.set("selected", flag(std::to_string(o.id.value) == office));
                 return d;
             }));
    data.set("categories", list_of(kCategories, [&](Category c) {
                 mustache::data d;
                 d.set("value", std::string(category_key(c)));
                 d.set("label", std::string(category_label(c)));
                 d.set("checked", flag(category_key(c) == field(form, "category")));
                 return d;
             }));
    for (const auto* name : {"what_happened", "wanted", "codename"}) {
        data.set(std::string(name) + "_value", std::string(field(form, name)));
    }
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    return no_store(html_page(app, "complain", std::move(data), status));
}

void draft(const AppContext& app, const registry::ProviderDetail& provider, const Request& request, Responder respond) {
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    const auto path = form_path(provider.provider.id.value);
    if (!app.csrf.valid(field(*form, "csrf"), path, current_day(app))) return respond(error_page(app, 403));
    std::vector<FieldError> errors;
    std::optional<std::int64_t> office_id;
    if (const auto office = field(*form, "office"); !office.empty()) {
        const auto id = parse_id(office);
        if (id && std::ranges::any_of(provider.offices, [&](const auto& o) { return o.id.value == *id; })) {
            office_id = *id;
        } else {
            errors.push_back({"office", "Select one of this provider's offices, or all of it"});
        }
    }
    const auto category = category_from(field(*form, "category"));
    if (!category) errors.push_back({"category", "Select what the complaint is about"});
    auto what = stories::check_text_within(field(*form, "what_happened"), "What happened", kMaxWhatHappened);
    if (!what) errors.push_back({"what_happened", what.error().message});
    auto wanted = stories::check_text_within(field(*form, "wanted"), "What you want", kMaxWanted);
    if (!wanted) errors.push_back({"wanted", wanted.error().message});
    std::optional<std::int64_t> codename_id;
    if (const std::string typed(field(*form, "codename")); typed.find_first_not_of(" \t") != std::string::npos) {
        if (auto normalised = codenames::normalise(typed)) {
            auto s = app.db.session();
            codename_id = store::find_codename(s, app.lookup_keys, *normalised, &app.writer);
        }
        if (!codename_id)
            errors.push_back({"codename", "We do not recognise that codename. Check it, or leave it blank"});
    }
    if (!errors.empty()) return respond(form_page(app, provider, *form, errors, 400));
    DraftComplaint command{
        NewComplaint{provider.provider.id.value, office_id, codename_id, *category, redaction::redact_text(*what),
                     redaction::redact_text(*wanted), current_week(app), current_month(app)},
        std::nullopt};
    std::optional<std::string> fresh;
    if (!codename_id) {
        fresh = crypto::new_codename();
        command.new_codename = store::hash_codename(app.lookup_keys, *fresh);
    }
    // The letter is drafted from their own words and shown once; only the redacted copy is kept.
    const auto letter = complaint_letter({provider.provider.name, *category, *what, *wanted});
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociComplaintRepository complaints(s);
            return without_value(draft_complaint(command, complaints));
        },
        [&app, respond, fresh, letter, name = provider.provider.name,
         procedure = provider.complaints_procedure](Result<void> done) {
            if (!done) return respond(error_page(app, 503));
            mustache::data data;
            data.set("title", "Your complaint is drafted");
            data.set("provider_name", name);
            set_procedure(data, procedure);
            put_letter_text(data, letter);
            data.set("csrf_letter", app.csrf.issue(kLetter, current_day(app)));
            if (fresh) data.set("codename", *fresh);
            respond(no_store(html_page(app, "complaint_drafted", std::move(data))));
        });
}

Response my_complaints(const AppContext& app, const Codename& owner, const std::string& notice, int status = 200) {
    mustache::data data;
    data.set("title", "Your complaints");
    if (!notice.empty()) data.set(status == 200 ? "notice" : "failure", notice);  // what was done, or could not be
    const auto now = current_week(app);
    data.set("complaints", list_of(store::complaints_of(app.db, owner.id), [&](const store::ComplaintRow& row) {
                 auto view = complaint_view(row, now, app.ids);
                 const auto shown = app.ids.show(crypto::IdKind::complaint, row.id);
                 view.set("codename", owner.text);
                 view.set("csrf_step", app.csrf.issue(fmt::format("/complaints/{}/step", shown), current_day(app)));
                 view.set("csrf_ice", app.csrf.issue(ice_path(shown), current_day(app)));
                 return view;
             }));
    return no_store(html_page(app, "complaints_mine", std::move(data), status));
}

void step(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto form = parse_query(request.body);
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::complaint, shown);
    if (!form || !id) return respond(error_page(app, 400));
    auto owner = recognise_codename(app, *form, fmt::format("/complaints/{}/step", shown), kFollowForm);
    if (!owner) return respond(after_failed_lookup(app, request, std::move(owner.error())));
    const auto to = complaint_state_from(field(*form, "to"));
    if (!to) return respond(my_complaints(app, *owner, "Choose what has happened since", 400));
    apply_change(
        app, request,
        [command = StepComplaint{*id, owner->id, *to, current_week(app), current_month(app)}](soci::session& s) {
            store::SociComplaintRepository complaints(s);
            return step_complaint(command, complaints);
        },
        [&app, owner = *owner, respond](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            if (!done && done.error().kind == ErrorKind::unavailable) return respond(error_page(app, 503));
            respond(my_complaints(app, owner, done ? "Your complaint is updated." : done.error().message,
                                  done ? 200 : 400));
        });
}

Response complaint_letter_download(const AppContext& app, const Request& request) {
    auto form = parse_query(request.body);
    if (!form) return error_page(app, 400);
    if (!app.csrf.valid(field(*form, "csrf"), kLetter, current_day(app))) return error_page(app, 403);
    // Their own letter back to them, as it was drafted; checked like any text, never kept.
    auto text = stories::check_text_within(field(*form, "letter"), "The letter", 6000);
    if (!text) return error_page(app, 400);
    Response response;
    if (field(*form, "format") == "pdf") {
        response.content_type = "application/pdf";
        response.set_header("Content-Disposition", "attachment; filename=\"complaint.pdf\"");
        documents::Document letter;
        letter.title = "Formal complaint";
        letter.title_heading = false;  // the letter, as they drafted it, has its own
        letter.blocks = documents::paragraphs_of(*text);
        response.body = documents::render_pdf(letter);
    } else {
        response.content_type = "text/plain; charset=utf-8";
        response.set_header("Content-Disposition", "attachment; filename=\"complaint.txt\"");
        response.body = *text;
    }
    return no_store(std::move(response));
}

// The letter to the Independent Case Examiner, for a complaint the ICE may take (or has): the
// page with the letter, then its PDF and text. What they type for it is never kept.
Response ice_letter_page(const AppContext& app, const Request& request, const RouteParams& params) {
    auto form = parse_query(request.body);
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::complaint, shown);
    if (!form || !id) return error_page(app, 400);
    auto owner = recognise_codename(app, *form, ice_path(shown), kFollowForm);
    if (!owner) return after_failed_lookup(app, request, std::move(owner.error()));
    const auto row = store::find_complaint(app.db, *id, owner->id);
    if (!row) return error_page(app, 404);
    if (!ice_letter_offered(row->state, row->sent, current_week(app)))
        return my_complaints(app, *owner,
                             "The Independent Case Examiner takes a complaint once the provider has given its final "
                             "response, or when 8 weeks have passed since you sent it without one",
                             400);
    std::string not_satisfied;
    if (const auto typed = field(*form, "not_satisfied");
        typed.find_first_not_of(" \r\n\t") != std::string_view::npos) {
        auto checked =
            stories::check_text_within(typed, "What you want to tell the Independent Case Examiner", kMaxWhatHappened);
        if (!checked) return my_complaints(app, *owner, checked.error().message, 400);
        not_satisfied = *checked;
    }
    const auto sender = sender_from(*form);
    if (!sender) return my_complaints(app, *owner, std::string(documents::kSenderTooLong), 400);
    const IceFacts facts{row->provider_name,  row->office_name, row->category, *row->sent,
                         row->final_response, not_satisfied,    *sender};
    const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.clock()));
    const auto letter = ice_document(facts, today);
    if (auto download = letter_download(letter, field(*form, "format"), "independent-case-examiner"))
        return std::move(*download);
    mustache::data data;
    data.set("title", "Your letter to the Independent Case Examiner");
    put_letter_text(data, documents::plain_text(letter));
    data.set("final_response", flag(row->final_response.has_value()));
    data.set("codename", owner->text);
    data.set("complaint_id", std::string(shown));
    data.set("not_satisfied", not_satisfied);
    put_sender(data, *sender);
    data.set("csrf", app.csrf.issue(ice_path(shown), current_day(app)));
    return no_store(html_page(app, "complaint_ice_letter", std::move(data)));
}

}  // namespace

void add_complaint_routes(Router& router, const AppContext& app) {
    router.get(
        "/complaints",
        [&app](const Request&, const RouteParams&) {
            mustache::data data;
            data.set("title", "Complain about a provider");
            return html_page(app, "complaints", std::move(data));
        },
        Caching::public_page);
    router.get("/providers/{id}/complain", [&app](const Request&, const RouteParams& p) {
        auto id = parse_id(p.get("id"));
        auto provider = id ? app.registry.find_provider(ProviderId{*id}) : std::nullopt;
        if (!provider) return error_page(app, 404);
        return form_page(app, *provider, {}, {}, 200);
    });
    router.post_async(
        "/providers/{id}/complain",
        [&app](const Request& r, const RouteParams& p, Responder respond) {
            auto id = parse_id(p.get("id"));
            auto provider = id ? app.registry.find_provider(ProviderId{*id}) : std::nullopt;
            if (!provider) return respond(error_page(app, 404));
            draft(app, *provider, r, std::move(respond));
        },
        throttle::Action::participant_write, Work::slow);
    router.get(kMine,
               [&app](const Request&, const RouteParams&) { return codename_page(app, kFollowForm, "", "", 200); });
    router.post(
        kMine,
        [&app](const Request& r, const RouteParams&) {
            auto form = parse_query(r.body);
            if (!form) return error_page(app, 400);
            auto owner = recognise_codename(app, *form, kMine, kFollowForm);
            if (!owner) return std::move(owner.error());
            return my_complaints(app, *owner, "");
        },
        throttle::Action::codename_lookup, Work::slow);
    router.post_async(
        "/complaints/{id}/step",
        [&app](const Request& r, const RouteParams& p, Responder respond) { step(app, r, p, std::move(respond)); },
        throttle::Action::codename_action, Work::slow);
    // Downloads render a PDF: limited like an action on an opened complaint, and on the slow pool.
    router.post(
        kLetter, [&app](const Request& r, const RouteParams&) { return complaint_letter_download(app, r); },
        throttle::Action::codename_action, Work::slow);
    router.post(
        "/complaints/{id}/ice-letter",
        [&app](const Request& r, const RouteParams& p) { return ice_letter_page(app, r, p); },
        throttle::Action::codename_action, Work::slow);
}

}  // namespace pw::web
