// A provider representative's pages: the published stories about its provider (and, for a
// prime, its sub-contractors), with a response (read by a moderator before it is published)
// and a flag for moderation on each; the responses it has sent, with what became of them; and
// takedown notices about those responses, which it may answer (docs/takedown.md).
#include <fmt/format.h>

#include "core/stories/commands.hpp"
#include "core/stories/story.hpp"
#include "core/takedown/commands.hpp"
#include "store/accounts/accounts.hpp"
#include "store/stories/responses.hpp"
#include "store/stories/stories.hpp"
#include "store/stories/story_repository.hpp"
#include "store/takedown/notices.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/takedown/views.hpp"

namespace pw::web {

namespace {

// One path for every notice, the notice's id in the form: a representative's token for it opens
// only the notices the command finds are its provider's.
constexpr std::string_view kAnswerPath = "/provider-area/notices/answer";

Response area(const AppContext& app, const SignedIn& who, const std::string& notice, int status = 200) {
    mustache::data data;
    data.set("title", "Stories about your organisation");
    if (!notice.empty()) data.set("notice", notice);
    std::vector<store::StoryRow> stories;
    for (auto id : store::represented_providers(app.db, who.account)) {
        auto some = store::published_stories(app.db, id, 1, 100);
        stories.insert(stories.end(), some.begin(), some.end());
    }
    data.set("stories", list_of(stories, [&](const store::StoryRow& story) {
                 auto view = story_view(story, app.ids);
                 const auto shown = app.ids.show(crypto::IdKind::story, story.id);
                 view.set("csrf_respond", session_form_token(app, who, fmt::format("/stories/{}/respond", shown)));
                 view.set("csrf_flag", session_form_token(app, who, fmt::format("/stories/{}/flag", shown)));
                 return view;
             }));
    data.set("story_count", std::to_string(stories.size()));
    // Takedown notices about this provider's own responses: it is told here, and may answer.
    auto notices = store::open_notices_for_provider(app.db, *who.account.provider_id);
    data.set("notices", list_of(notices, [&](const store::NoticeRow& n) { return notice_view(n, false, app.ids); }));
    data.set("has_notices", flag(!notices.empty()));
    data.set("csrf_answer", session_form_token(app, who, kAnswerPath));
    auto sent = store::responses_by(app.db, *who.account.provider_id, 50);
    data.set("sent", list_of(sent, [&](const store::ModeratedResponse& r) { return response_view(r, app.ids); }));
    data.set("has_sent", flag(!sent.empty()));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "provider_area", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void act(const AppContext& app, const Request& request, const RouteParams& params, Responder respond, bool is_flag) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    const auto shown = params.get("id");
    auto id = app.ids.read(crypto::IdKind::story, shown);
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    const auto path = fmt::format("/stories/{}/{}", shown, is_flag ? "flag" : "respond");
    if (!session_form_token_ok(app, *who, path, *form)) return respond(error_page(app, 403));
    auto story = store::find_story(app.db, *id);
    // A representative answers only for its own provider (and a prime for its sub-contractors).
    if (!story || !store::represents(app.db, who->account, story->provider_id)) return respond(error_page(app, 403));
    const auto month = current_month(app);
    const auto account_id = who->account.id;
    std::function<Result<void>(soci::session&)> change;
    if (is_flag) {
        // Checked here as well as by the command, so a form with nothing in it never reaches the writer.
        auto reason = stories::check_text(field(*form, "text"), "The reason");
        if (!reason) return respond(area(app, *who, reason.error().message, 400));
        change = [command = stories::FlagStory{*id, account_id, std::move(*reason), month}](soci::session& s) {
            store::SociStoryRepository stories(s);
            return without_value(stories::flag_story(command, stories));
        };
    } else {
        auto body = stories::text_for_others(field(*form, "text"), "Your response");
        if (!body) return respond(area(app, *who, body.error().message, 400));
        change = [command = stories::RespondToStory{*id, *who->account.provider_id, account_id, std::move(*body),
                                                    month}](soci::session& s) {
            store::SociStoryRepository stories(s);
            return without_value(stories::respond_to_story(command, stories));
        };
    }
    apply_change(app, request, std::move(change), [&app, who = *who, respond, is_flag](Result<void> done) {
        if (done) published_stories_changed(app);
        respond(area(app, who,
                     done ? (is_flag ? "Flag sent. The story stays published while a moderator decides."
                                     : "Your response is waiting for a moderator. It is published under the "
                                       "story once approved; you will see the decision here.")
                          : done.error().message,
                     !done && done.error().kind == ErrorKind::invalid_input ? 400 : 200));
    });
}

// The representative objects to a notice about one of its provider's responses, saying why it
// should stay. Another provider's notice is answered as no notice at all.
void answer(const AppContext& app, const Request& request, Responder respond) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kAnswerPath, *form)) return respond(error_page(app, 403));
    auto id = app.ids.read(crypto::IdKind::notice, field(*form, "id"));
    if (!id) return respond(error_page(app, 400));
    // Checked here as well as by the command, so an empty answer never reaches the writer.
    auto text = stories::check_text(field(*form, "answer"), "Your answer");
    if (!text) return respond(area(app, *who, text.error().message, 400));
    apply_change(
        app, request,
        [command = takedown::AnswerResponseNotice{*id, *who->account.provider_id, std::move(*text),
                                                  current_month(app)}](soci::session& s) {
            store::SociNoticeRepository notices(s);
            return takedown::answer_response_notice(command, notices);
        },
        [&app, who = *who, respond](Result<void> done) {
            if (!done && done.error().kind == ErrorKind::not_found) return respond(error_page(app, 404));
            respond(area(app, who,
                         done ? "Your answer is with the moderators. They decide whether your response stays."
                              : done.error().message,
                         !done && done.error().kind == ErrorKind::invalid_input ? 400 : 200));
        });
}

}  // namespace

void add_provider_routes(Router& router, const AppContext& app) {
    router.get("/provider-area", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_representative(app, r);
        if (!who) return refuse_access(app, r);
        return area(app, *who, "");
    });
    router.post_async("/stories/{id}/respond", [&app](const Request& r, const RouteParams& p, Responder respond) {
        act(app, r, p, std::move(respond), false);
    });
    router.post_async("/stories/{id}/flag", [&app](const Request& r, const RouteParams& p, Responder respond) {
        act(app, r, p, std::move(respond), true);
    });
    router.post_async(std::string(kAnswerPath), [&app](const Request& r, const RouteParams&, Responder respond) {
        answer(app, r, std::move(respond));
    });
}

}  // namespace pw::web
