// A participant's sanction referral: log it, follow it through decision, reconsideration and
// appeal, see the reconsideration deadline and draft the request letter. All under a codename.
#include <fmt/format.h>

#include "core/codenames/codename.hpp"
#include "core/sanctions/case_form.hpp"
#include "core/sanctions/deadline.hpp"
#include "core/sanctions/letter.hpp"
#include "core/stories/story.hpp"
#include "core/text/text.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "store/ratings/ratings.hpp"
#include "store/sanctions/cases.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/codename_form.hpp"
#include "web/pages/letters.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace sanctions;

namespace {

template <class Items, class Key, class Label>
mustache::data options(const Items& items, std::string_view chosen, Key key, Label label) {
    return list_of(items, [&](const auto& item) {
        mustache::data d;
        d.set("value", std::string(key(item)));
        d.set("label", std::string(label(item)));
        d.set("checked", flag(key(item) == chosen));
        return d;
    });
}

Response log_form(const AppContext& app, const FormFields& form, const std::vector<FieldError>& errors, int status) {
    mustache::data data;
    data.set("title", std::string(errors.empty() ? "" : "Error: ") + "Log a sanction referral");
    set_error_summary(data, errors);
    data.set("csrf", app.csrf.issue("/sanctions/log", current_day(app)));
    const auto referrer = field(form, "referrer");
    std::vector<std::pair<std::int64_t, std::string>> providers = store::all_providers(app.db);
    data.set("providers", list_of(providers, [&](const auto& p) {
                 mustache::data d;
                 d.set("value", std::to_string(p.first));
                 d.set("label", p.second);
                 d.set("selected", flag(std::to_string(p.first) == referrer));
                 return d;
             }));
    data.set("jobcentre_selected", flag(referrer == "jobcentre"));
    data.set("offices", list_of(store::all_offices(app.db), [&](const auto& o) {
                 mustache::data d;
                 d.set("value", "office-" + std::to_string(o.first));
                 d.set("label", o.second);
                 d.set("selected", flag("office-" + std::to_string(o.first) == referrer));
                 return d;
             }));
    data.set("reasons", options(kReasons, field(form, "reason"), reason_key, reason_label));
    data.set("good_reasons", options(kGoodReasons, field(form, "good_reason"), good_reason_key, good_reason_label));
    for (const auto* name : {"travel_paid", "benefit", "referral_month", "referral_year", "codename"}) {
        data.set(std::string(name) + "_value", std::string(field(form, name)));
    }
    for (const auto* value : {"yes", "no", "not-asked"}) {
        data.set(std::string("travel_") + value, flag(field(form, "travel_paid") == value));
    }
    data.set("benefit_uc", flag(field(form, "benefit") == "uc"));
    data.set("benefit_jsa", flag(field(form, "benefit") == "jsa"));
    data.set("benefit_esa", flag(field(form, "benefit") == "esa"));
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    Response response = html_page(app, "sanction_log", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

using Owner = Codename;
const CodenameForm kFollowForm{"/sanctions/mine", "Follow your sanction case",
                               "Enter the codename you were given when you logged the referral. You can record what "
                               "happened next and make a letter asking for the decision to be looked at again."};

std::expected<Owner, Response> owner_of(const AppContext& app, const FormFields& form, const std::string& path) {
    return recognise_codename(app, form, path, kFollowForm);
}

// What was typed into one case's form, shown again with the error it got: nothing typed is lost.
struct Typed {
    std::string_view case_id;  // as shown
    const FormFields* form = nullptr;
};

Response my_cases(const AppContext& app, const Owner& owner, const std::string& notice, int status = 200,
                  Typed typed = {}) {
    mustache::data data;
    data.set("title", "Your sanction cases");
    if (!notice.empty()) data.set(status == 200 ? "notice" : "failure", notice);  // what was done, or could not be
    data.set("codename", owner.text);
    data.set(
        "cases", list_of(store::cases_for(app.db, owner.id), [&](const store::CaseRow& c) {
            mustache::data d;
            // Shown masked (crypto/id_mask.hpp): two case ids must not count the referrals between.
            const auto shown = app.ids.show(crypto::IdKind::sanction_case, c.id);
            d.set("id", shown);
            const bool typed_here = typed.form && typed.case_id == shown;
            const auto typed_field = [&](const char* name) {
                return typed_here ? std::string(field(*typed.form, name)) : std::string();
            };
            for (const auto* name : {"step_month", "step_year", "decision_date", "explanation", "sender_name",
                                     "sender_address", "sender_ni"})
                d.set(name + std::string("_value"), typed_field(name));
            d.set("referrer", c.referrer);
            d.set("month", month_label(c.month));
            d.set("reason", std::string(reason_label(c.reason)));
            d.set("state", std::string(case_state_label(c.state)));
            mustache::data next{mustache::data::type::list};
            for (auto to : kCaseStates) {
                if (!check_case_transition(c.state, to)) continue;
                mustache::data option;
                option.set("value", std::string(case_state_key(to)));
                option.set("label", std::string(case_state_label(to)));
                option.set("selected", flag(typed_field("to") == case_state_key(to)));
                next.push_back(option);
            }
            d.set("next", next);
            d.set("has_next", flag(!next.is_empty_list()));
            d.set("csrf_step", app.csrf.issue(fmt::format("/sanctions/cases/{}/step", shown), current_day(app)));
            d.set("sanctioned", flag(c.state == CaseState::adverse));
            d.set("was_sanctioned", flag(ended_in_sanction(c.state)));
            d.set("csrf_details", app.csrf.issue(fmt::format("/sanctions/cases/{}/details", shown), current_day(app)));
            d.set("hardship", std::string(hardship_label(c.hardship)));
            // Each list starts on what is recorded, or on what was just typed, or else on "Choose":
            // saving one answer must not quietly change another (a granted hardship payment reset
            // to "Not asked for" by recording the level).
            const auto chosen = [&](const char* name, std::string recorded) {
                return typed_here ? typed_field(name) : recorded;
            };
            const auto level_now = chosen("level", c.level ? std::string(level_key(*c.level)) : "");
            d.set("level_unset", flag(level_now.empty()));
            d.set("levels", list_of(levels_of(c.benefit), [&](Level level) {
                      mustache::data option;
                      option.set("value", std::string(level_key(level)));
                      option.set("label", std::string(level_label(level)));
                      option.set("selected", flag(level_now == level_key(level)));
                      return option;
                  }));
            const auto previous_now =
                chosen("previous", c.previous_sanctions ? std::to_string(*c.previous_sanctions) : "");
            d.set("previous_unset", flag(previous_now.empty()));
            d.set("previous_options", list_of(std::vector<std::pair<std::string, std::string>>{
                                                  {"0", "None"}, {"1", "One"}, {"2", "Two or more"}},
                                              [&](const auto& p) {
                                                  mustache::data option;
                                                  option.set("value", p.first);
                                                  option.set("label", p.second);
                                                  option.set("selected", flag(previous_now == p.first));
                                                  return option;
                                              }));
            const auto hardship_now = chosen("hardship", std::string(hardship_key(c.hardship)));
            d.set("hardship_options",
                  list_of(kHardships,
                          [&](Hardship h) {
                              mustache::data option;
                              option.set("value", std::string(hardship_key(h)));
                              option.set("label", std::string(hardship_label(h)));
                              option.set("selected", flag(hardship_now == hardship_key(h)));
                              return option;
                          }));
            if (c.level && c.previous_sanctions) {
                const auto length = sanction_length(c.benefit, *c.level, *c.previous_sanctions);
                d.set("length", length.weeks ? fmt::format("{} weeks ({})", *length.weeks, length.description)
                                : length.fixed_weeks == 0
                                    ? fmt::format("until you do what was asked ({})", length.description)
                                    : fmt::format("until you do what was asked, then {} more week{} ({})",
                                                  length.fixed_weeks, length.fixed_weeks == 1 ? "" : "s",
                                                  length.description));
            }
            d.set("csrf_letter", app.csrf.issue(fmt::format("/sanctions/cases/{}/letter", shown), current_day(app)));
            return d;
        }));
    Response response = html_page(app, "sanction_mine", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void log_case(const AppContext& app, const Request& request, Responder respond) {
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!app.csrf.valid(field(*form, "csrf"), "/sanctions/log", current_day(app))) return respond(error_page(app, 403));
    auto answers = check_case(*form, current_month(app));
    std::vector<FieldError> errors = answers ? std::vector<FieldError>{} : answers.error();
    // An id that is no provider or office is a problem like any other, listed with the rest.
    if (auto id = parse_id(field(*form, "referrer")); id && !app.registry.find_provider_ref(ProviderId{*id})) {
        errors.insert(errors.begin(), {"referrer", "Select who referred you from the list"});
    }
    if (answers && answers->office_id) {
        if (auto office = app.registry.find_office(OfficeId{*answers->office_id})) {
            answers->provider_id = office->provider.id.value;  // an office's referrals count for its provider
        } else {
            errors.insert(errors.begin(), {"referrer", "Select who referred you from the list"});
        }
    }
    std::optional<std::int64_t> codename_id;
    if (answers && answers->codename) {
        auto s = app.db.session();
        codename_id = store::find_codename(s, app.lookup_keys, *answers->codename, &app.writer);
        if (!codename_id)
            errors.push_back({"codename", "We do not recognise that codename. Check it, or leave it blank"});
    }
    if (!errors.empty()) return respond(log_form(app, *form, errors, 400));
    // Without a codename there is no coming back: one is made now and shown once.
    sanctions::LogReferral command{*answers, codename_id, std::nullopt, current_month(app)};
    std::optional<std::string> new_codename;
    if (!codename_id) {
        new_codename = crypto::new_codename();
        command.new_codename = store::hash_codename(app.lookup_keys, *new_codename);
    }
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) -> Result<void> {
            store::SociCaseRepository cases(s);
            return without_value(sanctions::log_referral(command, cases));
        },
        [&app, respond, new_codename](Result<void> done) {
            if (!done) return respond(error_page(app, 503));
            mustache::data data;
            data.set("title", "Your referral is logged");
            if (new_codename) data.set("codename", *new_codename);
            Response response = html_page(app, "sanction_logged", std::move(data));
            response.set_header("Cache-Control", "no-store");
            respond(std::move(response));
        });
}

void step(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto form = parse_query(request.body);
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::sanction_case, shown);
    if (!form || !id) return respond(error_page(app, 400));
    auto owner = owner_of(app, *form, fmt::format("/sanctions/cases/{}/step", shown));
    if (!owner) return respond(after_failed_lookup(app, request, std::move(owner.error())));
    auto current = store::find_case(app.db, *id, owner->id);
    if (!current) return respond(error_page(app, 404));
    auto to = case_state_from(field(*form, "to"));
    const Typed typed{shown, &*form};
    if (!to) return respond(my_cases(app, *owner, "Choose what happened next", 400, typed));
    auto month = check_step_month(*form, *Month::parse(current->month), current_month(app),
                                  Month::parse(current->decision_month));
    if (!month) return respond(my_cases(app, *owner, month.error()[0].message, 400, typed));
    apply_change(
        app, request,
        [command = sanctions::StepCase{*id, owner->id, *to, *month}](soci::session& s) {
            store::SociCaseRepository cases(s);
            return sanctions::step_case(command, cases);
        },
        [&app, owner = *owner, respond](Result<void> done) {
            respond(my_cases(app, owner, done ? "Your case is updated." : done.error().message,
                             done ? 200 : status_of(done.error())));
        });
}

void details(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto form = parse_query(request.body);
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::sanction_case, shown);
    if (!form || !id) return respond(error_page(app, 400));
    auto owner = owner_of(app, *form, fmt::format("/sanctions/cases/{}/details", shown));
    if (!owner) return respond(after_failed_lookup(app, request, std::move(owner.error())));
    auto level = level_from(field(*form, "level"));
    const auto previous = field(*form, "previous");
    auto hardship = hardship_from(field(*form, "hardship"));
    const Typed typed{shown, &*form};
    if (!level || !hardship || (previous != "0" && previous != "1" && previous != "2")) {
        return respond(my_cases(app, *owner, "Choose the level, earlier sanctions and hardship payment", 400, typed));
    }
    const int earlier = previous[0] - '0';
    // A level of another benefit (JSA's "higher" on Universal Credit) is no level this case can have.
    const auto current = store::find_case(app.db, *id, owner->id);
    if (!current) return respond(error_page(app, 404));
    if (std::ranges::find(levels_of(current->benefit), *level) == levels_of(current->benefit).end())
        return respond(my_cases(app, *owner, "Choose the level, earlier sanctions and hardship payment", 400, typed));
    apply_change(
        app, request,
        [command = sanctions::RecordCaseDetails{*id, owner->id, *level, earlier, *hardship, current_month(app)}](
            soci::session& s) {
            store::SociCaseRepository cases(s);
            return sanctions::record_case_details(command, cases);
        },
        [&app, owner = *owner, respond](Result<void> done) {
            respond(my_cases(app, owner, done ? "Your case is updated." : done.error().message,
                             done ? 200 : status_of(done.error())));
        });
}

Response letter(const AppContext& app, const Request& request, const RouteParams& params) {
    auto form = parse_query(request.body);
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::sanction_case, shown);
    if (!form || !id) return error_page(app, 400);
    auto owner = owner_of(app, *form, fmt::format("/sanctions/cases/{}/letter", shown));
    if (!owner) return after_failed_lookup(app, request, std::move(owner.error()));
    auto c = store::find_case(app.db, *id, owner->id);
    if (!c) return error_page(app, 404);
    const Typed typed{shown, &*form};
    auto decided = parse_typed_date(field(*form, "decision_date"));
    if (!decided)
        return my_cases(app, *owner, "Enter the date on your decision letter as day, month and year, like 3/11/2026",
                        400, typed);
    // A decision comes after the referral and before today: 9999-12-31 would draft a letter with
    // a deadline nobody could meet or miss.
    const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.clock()));
    const auto referred = Month::parse(c->month);
    if (*decided > today)
        return my_cases(app, *owner, "The date on your decision letter cannot be in the future", 400, typed);
    if (referred && Month::from(static_cast<int>(decided->year()),
                                static_cast<int>(static_cast<unsigned>(decided->month()))) < referred)
        return my_cases(app, *owner, "The date on your decision letter cannot come before the month you were referred",
                        400, typed);
    std::string explanation;
    if (const auto text = field(*form, "explanation"); text.find_first_not_of(" \r\n\t") != std::string_view::npos) {
        auto checked = stories::check_text(text, "Your explanation");
        if (!checked) return my_cases(app, *owner, checked.error().message, 400, typed);
        explanation = *checked;
    }
    // Who sends it, for the letter alone: never kept, never logged.
    const auto sender = sender_from(*form);
    if (!sender) return my_cases(app, *owner, std::string(documents::kSenderTooLong), 400, typed);
    const sanctions::LetterAnswers answers{c->benefit,  c->reason,   c->good_reason, *decided,
                                           explanation, c->referrer, *sender};
    const auto document = reconsideration_document(answers, today);
    if (auto download = letter_download(document, field(*form, "format"), "reconsideration-request"))
        return std::move(*download);
    const auto deadline = reconsideration_deadline(*decided);
    const auto left = days_left(today, deadline);
    mustache::data data;
    data.set("title", "Your reconsideration request");
    data.set("deadline", long_date(deadline));
    data.set("days_left", std::to_string(left));
    data.set("in_time", flag(left >= 0));
    put_letter_text(data, documents::plain_text(document));
    data.set("codename", owner->text);
    data.set("case_id", std::string(shown));
    data.set("decision_date", std::string(field(*form, "decision_date")));
    data.set("explanation", explanation);
    put_sender(data, *sender);
    data.set("csrf", app.csrf.issue(fmt::format("/sanctions/cases/{}/letter", shown), current_day(app)));
    Response response = html_page(app, "sanction_letter", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

}  // namespace

void add_sanction_case_routes(Router& router, const AppContext& app) {
    router.get(
        "/sanctions",
        [&app](const Request&, const RouteParams&) {
            mustache::data data;
            data.set("title", "Sanctions: your rights and your case");
            return html_page(app, "sanctions", std::move(data));
        },
        Caching::public_page);
    router.get("/sanctions/log", [&app](const Request&, const RouteParams&) { return log_form(app, {}, {}, 200); });
    router.post_async(
        "/sanctions/log",
        [&app](const Request& r, const RouteParams&, Responder respond) { log_case(app, r, std::move(respond)); },
        throttle::Action::participant_write, Work::slow);
    router.get("/sanctions/mine",
               [&app](const Request&, const RouteParams&) { return codename_page(app, kFollowForm, "", "", 200); });
    router.post(
        "/sanctions/mine",
        [&app](const Request& r, const RouteParams&) {
            auto form = parse_query(r.body);
            if (!form) return error_page(app, 400);
            auto owner = owner_of(app, *form, "/sanctions/mine");
            if (!owner) return std::move(owner.error());
            return my_cases(app, *owner, "");
        },
        throttle::Action::codename_lookup, Work::slow);
    router.post_async(
        "/sanctions/cases/{id}/step",
        [&app](const Request& r, const RouteParams& p, Responder respond) { step(app, r, p, std::move(respond)); },
        throttle::Action::codename_action, Work::slow);
    router.post_async(
        "/sanctions/cases/{id}/details",
        [&app](const Request& r, const RouteParams& p, Responder respond) { details(app, r, p, std::move(respond)); },
        throttle::Action::codename_action, Work::slow);
    router.post(
        "/sanctions/cases/{id}/letter", [&app](const Request& r, const RouteParams& p) { return letter(app, r, p); },
        throttle::Action::codename_action, Work::slow);
}

}  // namespace pw::web
