// A provider representative's suggestions page: the published suggestions to its provider (and,
// for a prime, its sub-contractors), each with the moves the lifecycle allows and a note, which
// a moderator reads before the public does.
#include <fmt/format.h>

#include "core/stories/commands.hpp"
#include "core/suggestions/commands.hpp"
#include "store/accounts/accounts.hpp"
#include "store/suggestions/suggestion_repository.hpp"
#include "store/suggestions/suggestions.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/suggestions/views.hpp"

namespace pw::web {

using namespace suggestions;

namespace {

constexpr const char* kPage = "/provider-area/suggestions";
// One token for every answer form on the page: bound to the session, so no other site can post
// it, and whether the account may answer a suggestion is the command's check, not the token's.
constexpr const char* kAnswerToken = "/suggestions/answer";

Response page(const AppContext& app, const SignedIn& who, const std::string& notice, int status = 200) {
    mustache::data data;
    data.set("title", "Suggestions to your organisation");
    if (!notice.empty()) data.set("notice", notice);
    auto rows = store::suggestions_to(app.db, store::represented_providers(app.db, who.account));
    data.set("count", std::to_string(rows.size()));
    data.set("suggestions", list_of(rows, [&](const store::SuggestionRow& row) {
                 auto view = suggestion_view(row, Reader::provider, app.ids);
                 mustache::data next{mustache::data::type::list};
                 for (const auto& t : kSuggestionTransitions) {
                     if (t.from != row.state || t.actor != Actor::provider) continue;
                     mustache::data option;
                     option.set("value", std::string(suggestion_state_name(t.to)));
                     option.set("label", std::string(suggestion_state_label(t.to)));
                     option.set("note_required", flag(note_required(t.to)));
                     next.push_back(option);
                 }
                 view.set("has_next", flag(!next.is_empty_list()));
                 view.set("next", next);
                 view.set("csrf_answer", session_form_token(app, who, kAnswerToken));
                 return view;
             }));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "provider_suggestions", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

// After a change: the page again with what happened; a refusal of who or what is the site's page.
void answered(const AppContext& app, const SignedIn& who, const Responder& respond, const Result<void>& done,
              const std::string& success) {
    if (!done && (done.error().kind == ErrorKind::forbidden || done.error().kind == ErrorKind::not_found ||
                  done.error().kind == ErrorKind::unavailable)) {
        return respond(error_page(app, status_of(done.error())));
    }
    if (done) published_suggestions_changed(app);
    respond(page(app, who, done ? success : done.error().message, done ? 200 : status_of(done.error())));
}

void answer(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = app.ids.read(crypto::IdKind::suggestion, params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kAnswerToken, *form)) {
        return respond(error_page(app, 403));
    }
    const auto to = suggestion_state_from(field(*form, "to"));
    if (!to) return respond(page(app, *who, "Choose what happens to the suggestion next", 400));
    std::optional<redaction::RedactedText> note;
    if (const auto text = field(*form, "note"); text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        auto checked = stories::text_for_others(text, "Your note");
        if (!checked) return respond(page(app, *who, checked.error().message, 400));
        note = std::move(*checked);
    }
    AnswerSuggestion command{*id,
                             who->account.id,
                             store::represented_providers(app.db, who->account),
                             *to,
                             std::move(note),
                             current_week(app),
                             current_month(app)};
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociSuggestionRepository suggestions(s);
            return without_value(answer_suggestion(command, suggestions));
        },
        [&app, who = *who, respond](Result<void> done) {
            answered(app, who, respond, done,
                     "Done. Your note, if you wrote one, is published once a moderator has read it.");
        });
}

void rewrite(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = app.ids.read(crypto::IdKind::suggestion_note, params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kAnswerToken, *form)) return respond(error_page(app, 403));
    auto note = stories::text_for_others(field(*form, "note"), "Your note");
    if (!note) return respond(page(app, *who, note.error().message, 400));
    RewriteNote command{*id, store::represented_providers(app.db, who->account), std::move(*note), current_month(app)};
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociSuggestionRepository suggestions(s);
            return rewrite_note(command, suggestions);
        },
        [&app, who = *who, respond](Result<void> done) {
            answered(app, who, respond, done, "Sent again. A moderator reads it before it is published.");
        });
}

}  // namespace

void add_suggestion_provider_routes(Router& router, const AppContext& app) {
    router.get(kPage, [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_representative(app, r);
        return who ? page(app, *who, "") : refuse_access(app, r);
    });
    router.post_async("/suggestions/{id}/answer", [&app](const Request& r, const RouteParams& p, Responder respond) {
        answer(app, r, p, std::move(respond));
    });
    router.post_async(
        "/suggestion-notes/{id}/rewrite",
        [&app](const Request& r, const RouteParams& p, Responder respond) { rewrite(app, r, p, std::move(respond)); });
}

}  // namespace pw::web
