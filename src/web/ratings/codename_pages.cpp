// Coming back with a codename: see what you sent, whether your story was published (or why
// not), withdraw a rating or a story, and answer a notice asking for a story to be taken down.
#include <fmt/format.h>

#include "core/codenames/codename.hpp"
#include "core/stories/story.hpp"
#include "store/ratings/ratings.hpp"
#include "store/ratings/submissions.hpp"
#include "store/stories/story_repository.hpp"
#include "store/takedown/notices.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/codename_form.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/suggestions/views.hpp"
#include "web/takedown/views.hpp"

namespace pw::web {

namespace {

constexpr const char* kPath = "/my-codename";
constexpr const char* kWithdrawPath = "/my-codename/withdraw";
constexpr const char* kAnswerPath = "/my-codename/answer";
const CodenameForm kForm{kPath, "See what you sent",
                         "Enter the codename you were given when you rated or made a suggestion. You can see whether "
                         "your story was published, and withdraw your rating or story."};

// With a notice of what was done, or (a status other than 200) of what could not be.
Response show(const AppContext& app, const std::string& codename, std::int64_t codename_id, const std::string& notice,
              int status = 200) {
    auto mine = store::submissions_for(app.db, codename_id);
    mustache::data data;
    data.set("title", "What you sent");
    if (!notice.empty()) data.set(status == 200 ? "notice" : "failure", notice);
    data.set("codename", codename);
    data.set("csrf", app.csrf.issue(kWithdrawPath, current_day(app)));
    // Every id on this page is shown masked (crypto/id_mask.hpp): two of them must not say how
    // many ratings or stories the site had in between.
    data.set("ratings", list_of(mine.ratings, [&app](const store::OwnRating& r) {
                 mustache::data d;
                 d.set("id", app.ids.show(crypto::IdKind::rating, r.id));
                 d.set("unit_name", r.unit_name);
                 d.set("month", month_label(r.month));
                 d.set("stars", r.stars == 1 ? std::string("1 star") : fmt::format("{} stars", r.stars));
                 d.set("active", flag(r.state == ratings::RatingState::active));
                 return d;
             }));
    data.set("stories", list_of(mine.stories, [&app](const store::StoryRow& story) {
                 auto view = story_view(story, app.ids);
                 const auto state = story.state;
                 view.set("status", state == stories::StoryState::pending     ? "Waiting for a moderator"
                                    : state == stories::StoryState::published ? "Published"
                                    : state == stories::StoryState::rejected  ? "Not published"
                                    : state == stories::StoryState::withdrawn ? "Withdrawn by you"
                                                                              : "Removed by a moderator");
                 const bool can_withdraw =
                     state == stories::StoryState::pending || state == stories::StoryState::published;
                 view.set("can_withdraw", flag(can_withdraw));
                 return view;
             }));
    // Someone asked for one of these stories to be taken down: the writer is told here.
    auto notices = store::open_notices_for_writer(app.db, codename_id);
    data.set("notices", list_of(notices, [&app](const store::NoticeRow& n) { return notice_view(n, false, app.ids); }));
    data.set("has_notices", flag(!notices.empty()));
    data.set("csrf_answer", app.csrf.issue(kAnswerPath, current_day(app)));
    const auto suggested = store::suggestions_of(app.db, codename_id);
    data.set("suggestions", list_of(suggested, [&app](const store::SuggestionRow& row) {
                 return suggestion_view(row, Reader::writer, app.ids);
             }));
    data.set("has_suggestions", flag(!suggested.empty()));
    data.set("has_nothing", flag(mine.ratings.empty() && mine.stories.empty() && suggested.empty()));
    Response response = html_page(app, "my_submissions", std::move(data), status);
    response.set_header("Cache-Control", "no-store");  // never kept by a browser or a proxy
    return response;
}

void answer(const AppContext& app, const Request& request, Responder respond) {
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    auto who = recognise_codename(app, *form, kAnswerPath, kForm);
    if (!who) return respond(std::move(who.error()));
    auto notice = app.ids.read(crypto::IdKind::notice, field(*form, "id"));
    if (!notice) return respond(error_page(app, 400));
    // Checked here as well as by the command, so an empty answer never reaches the writer.
    auto text = stories::check_text(field(*form, "answer"), "Your answer");
    if (!text) return respond(show(app, who->text, who->id, text.error().message, 400));
    apply_change(
        app, request,
        [command = takedown::AnswerNotice{*notice, who->id, std::move(*text), current_month(app)}](soci::session& s) {
            store::SociNoticeRepository notices(s);
            store::SociStoryRepository stories(s);
            return takedown::answer_notice(command, notices, stories);
        },
        [&app, codename = who->text, codename_id = who->id, respond](Result<void> done) {
            respond(show(app, codename, codename_id,
                         done ? "Your answer is with the moderators. They decide whether your story stays."
                              : done.error().message,
                         done ? 200 : status_of(done.error())));
        });
}

}  // namespace

void add_codename_routes(Router& router, const AppContext& app) {
    router.get(kPath, [&app](const Request&, const RouteParams&) { return codename_page(app, kForm, "", "", 200); });
    router.post(
        kPath,
        [&app](const Request& r, const RouteParams&) {
            auto form = parse_query(r.body);
            if (!form) return error_page(app, 400);
            auto who = recognise_codename(app, *form, kPath, kForm);
            if (!who) return std::move(who.error());
            return show(app, who->text, who->id, "");
        },
        throttle::Action::codename_lookup, Work::slow);
    router.post_async(
        kWithdrawPath,
        [&app](const Request& r, const RouteParams&, Responder respond) {
            auto form = parse_query(r.body);
            if (!form) return respond(error_page(app, 400));
            auto who = recognise_codename(app, *form, kWithdrawPath, kForm);
            if (!who) return respond(std::move(who.error()));
            const auto kind = field(*form, "kind");
            if (kind != "rating" && kind != "story") return respond(error_page(app, 400));
            auto item =
                app.ids.read(kind == "rating" ? crypto::IdKind::rating : crypto::IdKind::story, field(*form, "id"));
            if (!item) return respond(error_page(app, 400));
            const auto month = current_month(app);
            const auto codename_id = who->id;
            const bool rating = kind == "rating";
            apply_change(
                app, r,
                [=, id = *item](soci::session& s) {
                    if (rating) {
                        store::SociRatingRepository ratings(s);
                        return ratings::withdraw_rating({id, codename_id, month}, ratings);
                    }
                    store::SociStoryRepository stories(s);
                    return stories::withdraw_story({id, codename_id, month}, stories);
                },
                [&app, codename = who->text, codename_id, respond, rating](Result<void> done) {
                    if (done) published_stories_changed(app);
                    respond(show(app, codename, codename_id,
                                 done ? (rating ? "Your rating is withdrawn: it no longer counts."
                                                : "Your story is withdrawn: nobody can see it now.")
                                      : done.error().message,
                                 done ? 200 : status_of(done.error())));
                });
        },
        throttle::Action::codename_lookup, Work::slow);
    router.post_async(
        kAnswerPath,
        [&app](const Request& r, const RouteParams&, Responder respond) { answer(app, r, std::move(respond)); },
        throttle::Action::codename_lookup, Work::slow);
}

}  // namespace pw::web
