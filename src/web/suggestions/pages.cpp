// A participant's suggestions: the form (with a preview of what redaction removes), the
// thank-you page, each published suggestion's own page, and the list on the provider's page.
#include <fmt/format.h>

#include <algorithm>

#include "core/codenames/codename.hpp"
#include "core/stories/story.hpp"
#include "core/suggestions/commands.hpp"
#include "crypto/codenames.hpp"
#include "store/ratings/ratings.hpp"
#include "store/suggestions/suggestion_repository.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/suggestions/views.hpp"

namespace pw::web {

using namespace suggestions;

namespace {

std::string form_path(std::int64_t provider_id) {
    return fmt::format("/providers/{}/suggest", provider_id);
}

Response form_page(const AppContext& app, const registry::ProviderDetail& provider, const FormFields& form,
                   const std::vector<FieldError>& errors, int status) {
    mustache::data data;
    data.set("title",
             (errors.empty() ? "" : "Error: ") + fmt::format("Suggest an improvement to {}", provider.provider.name));
    set_error_summary(data, errors);
    const auto path = form_path(provider.provider.id.value);
    data.set("action", path);
    data.set("csrf", app.csrf.issue(path, current_day(app)));
    data.set("provider_name", provider.provider.name);
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
    data.set("text_value", std::string(field(form, "text")));
    data.set("codename_value", std::string(field(form, "codename")));
    data.set("no_codename", flag(field(form, "wants_codename") == "no"));
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    Response response = html_page(app, "suggest", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response preview_page(const AppContext& app, const registry::ProviderDetail& provider, const FormFields& form,
                      const std::string& text) {
    mustache::data data;
    data.set("title", "Check your suggestion before you send it");
    data.set("provider_name", provider.provider.name);
    const auto path = form_path(provider.provider.id.value);
    data.set("action", path);
    data.set("csrf", app.csrf.issue(path, current_day(app)));
    set_preview(data, form, text);
    Response response = html_page(app, "suggest_preview", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

void submit(const AppContext& app, const registry::ProviderDetail& provider, const Request& request,
            Responder respond) {
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    const auto path = form_path(provider.provider.id.value);
    if (!app.csrf.valid(field(*form, "csrf"), path, current_day(app))) return respond(error_page(app, 403));
    std::vector<FieldError> errors;
    std::optional<std::int64_t> office_id;
    if (const auto office = field(*form, "office"); !office.empty()) {
        const auto id = parse_id(office);
        const bool known =
            id && std::ranges::any_of(provider.offices, [&](const auto& o) { return o.id.value == *id; });
        if (known) {
            office_id = *id;
        } else {
            errors.push_back({"office", "Select one of this provider's offices, or all of it"});
        }
    }
    auto checked = stories::check_text(field(*form, "text"), "Your suggestion");
    auto body = suggestion_text(field(*form, "text"));
    if (!body) errors.push_back({"text", body.error().message});
    std::optional<std::int64_t> codename_id;
    const std::string typed(field(*form, "codename"));
    if (typed.find_first_not_of(" \t") != std::string::npos) {
        auto normalised = codenames::normalise(typed);
        if (normalised) {
            auto s = app.db.session();
            codename_id = store::find_codename(s, app.lookup_keys, *normalised, &app.writer);
        }
        if (!codename_id)
            errors.push_back({"codename", "We do not recognise that codename. Check it, or leave it blank"});
    }
    if (!errors.empty()) return respond(form_page(app, provider, *form, errors, 400));
    if (field(*form, "confirm") != "yes") return respond(preview_page(app, provider, *form, *checked));
    Suggest command{NewSuggestion{provider.provider.id.value, office_id, codename_id, current_week(app),
                                  current_month(app), std::move(*body)},
                    std::nullopt};
    std::optional<std::string> fresh;
    if (!codename_id && field(*form, "wants_codename") != "no") {
        fresh = crypto::new_codename();
        command.new_codename = store::hash_codename(app.lookup_keys, *fresh);
    }
    const bool follows = codename_id || fresh;
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociSuggestionRepository suggestions(s);
            return without_value(suggest(command, suggestions));
        },
        [&app, respond, fresh, follows, name = provider.provider.name, back = provider_url(provider.provider.id),
         provider, form = *form](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::invalid_input) {
                return respond(form_page(app, provider, form, {{"text", done.error().message}}, 400));
            }
            if (!done) return respond(error_page(app, 503));
            mustache::data data;
            data.set("title", "Your suggestion is sent");
            data.set("provider_name", name);
            data.set("back_url", back);
            if (fresh) data.set("codename", *fresh);
            data.set("follows", flag(follows));
            Response response = html_page(app, "suggested", std::move(data));
            response.set_header("Cache-Control", "no-store");  // the codename is shown once
            respond(std::move(response));
        });
}

Response suggestion_page(const AppContext& app, std::string_view ref) {
    const auto held = app.suggestions.current();
    const auto found = held->by_ref.find(ref);
    if (found == held->by_ref.end()) return error_page(app, 404);
    const auto& row = held->rows[found->second];
    mustache::data data = suggestion_view(row, Reader::everyone, app.ids);
    data.set("title", fmt::format("Suggestion to {}: {}", row.provider_name, suggestion_state_label(row.state)));
    data.set("provider_url", provider_url(ProviderId{row.provider_id}));
    if (row.state == SuggestionState::implemented) {
        const auto snapshot = app.published.current();
        const auto noticed = snapshot ? snapshot->changes_noticed(row.id) : publication::ChangesNoticed{};
        if (noticed.shown()) {
            data.set("noticed_shown", flag(true));
            data.set("noticed", disclosure::count_band(noticed.noisy, noticed.sd, noticed.shown_from));
        } else {
            data.set("noticed_too_few", flag(true));
        }
    }
    return html_page(app, "suggestion", std::move(data));
}

}  // namespace

void set_provider_suggestions(const AppContext& app, mustache::data& data, std::int64_t provider_id) {
    const auto held = app.suggestions.current();
    // The newest few here, rendered when they were read; each has its own page, and the figures
    // below count them all.
    const auto found = held->by_provider.find(provider_id);
    const std::size_t total = found == held->by_provider.end() ? 0 : found->second.size();
    if (total > kNewestSuggestionsShown) {
        data.set("more_suggestions", fmt::format("The {} newest of {} are shown.", kNewestSuggestionsShown, total));
    }
    data.set("has_suggestions", flag(total > 0));
    if (const auto html = held->newest_html.find(provider_id); html != held->newest_html.end()) {
        data.set("suggestions_html", html->second);
    }
    data.set("suggest_url", form_path(provider_id));
    data.set("complain_url", fmt::format("/providers/{}/complain", provider_id));
    const auto snapshot = app.published.current();
    // Complaints people tracked here: shown only once the noisy count passes its threshold, and
    // per 100 raters only when the provider's rating count is shown too.
    if (snapshot) {
        const auto complaints = snapshot->complaints(provider_id);
        const auto& raters = snapshot->scores({ratings::UnitKind::provider, provider_id, 0}).overall;
        if (complaints.shown()) {
            std::string text = fmt::format(
                "Official complaints tracked here: {}{}. {:.0f}% had a final response within 8 weeks, and {:.0f}% "
                "were taken to the Independent Case Examiner.",
                disclosure::count_band(complaints.sent, complaints.sd, complaints.shown_from),
                raters.shown && raters.raters > 0
                    ? fmt::format(" (about {:.0f} for every 100 people who rated it)",
                                  100.0 * static_cast<double>(complaints.sent) / static_cast<double>(raters.raters))
                    : std::string(),
                100 * complaints.answered_share, 100 * complaints.ice_share);
            data.set("complaint_figures", text);
        } else {
            data.set("complaint_figures",
                     std::string("Too few official complaints have been tracked here to show figures."));
        }
    }
    const auto figures = snapshot ? snapshot->suggestion_answers(provider_id) : std::nullopt;
    if (figures && figures->made > 0) {
        data.set("answer_figures",
                 fmt::format("Of {} published suggestion{}, {} led to a change made and {} {} declined.", figures->made,
                             figures->made == 1 ? "" : "s", figures->implemented, figures->declined,
                             figures->declined == 1 ? "was" : "were"));
        data.set("answer_clock", figures->due == 0
                                     ? std::string("None has been waiting 4 weeks for an answer yet.")
                                     : fmt::format("{} of the {} due an answer were answered within 4 weeks.",
                                                   figures->answered_in_time, figures->due));
    }
}

void add_suggestion_routes(Router& router, const AppContext& app) {
    router.get("/providers/{id}/suggest", [&app](const Request&, const RouteParams& p) {
        auto id = parse_id(p.get("id"));
        auto provider = id ? app.registry.find_provider(ProviderId{*id}) : std::nullopt;
        if (!provider) return error_page(app, 404);
        return form_page(app, *provider, {}, {}, 200);
    });
    router.post_async(
        "/providers/{id}/suggest",
        [&app](const Request& r, const RouteParams& p, Responder respond) {
            auto id = parse_id(p.get("id"));
            auto provider = id ? app.registry.find_provider(ProviderId{*id}) : std::nullopt;
            if (!provider) return respond(error_page(app, 404));
            submit(app, *provider, r, std::move(respond));
        },
        throttle::Action::participant_write, Work::slow);
    router.get(
        "/suggestions/{ref}",
        [&app](const Request&, const RouteParams& p) { return suggestion_page(app, p.get("ref")); },
        Caching::public_page);
}

}  // namespace pw::web
