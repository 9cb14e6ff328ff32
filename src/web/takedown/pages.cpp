// Notice and takedown (docs/takedown.md): anyone reports a published story; a story that
// identifies someone, or whose writer cannot be told, is hidden at once. The writer answers on
// their codename page (web/ratings/codename_pages.cpp); a moderator decides in the queue
// (web/moderation/pages.cpp).
#include <fmt/format.h>

#include <memory>

#include "core/redaction/redacted_text.hpp"
#include "core/stories/story.hpp"
#include "core/takedown/notice.hpp"
#include "store/takedown/notices.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/published_stories.hpp"
#include "web/stories/views.hpp"
#include "web/takedown/views.hpp"

namespace pw::web {

namespace {

using takedown::Ground;

// Stories are named by their public reference here, never their row id (it would tell the order
// in which they arrived).
std::string report_path(const store::StoryRow& story) {
    return fmt::format("/stories/{}/report", story.public_ref);
}

// The report form, with the answers given so far and what is wrong with them.
Response report_form(const AppContext& app, const store::StoryRow& story, const FormFields& typed,
                     const std::optional<FieldError>& error) {
    mustache::data data;
    data.set("title", "Report this story");
    put(data, "story", story_view(story));
    data.set("action", report_path(story));
    data.set("csrf", app.csrf.issue(report_path(story), current_day(app)));
    const auto chosen = field(typed, "ground");
    data.set("grounds", list_of(std::array{Ground::identifying, Ground::defamatory, Ground::abusive}, [&](Ground g) {
                 mustache::data d;
                 d.set("value", std::string(takedown::ground_name(g)));
                 d.set("label", std::string(takedown::ground_label(g)));
                 d.set("checked", flag(chosen == takedown::ground_name(g)));
                 return d;
             }));
    for (auto name : {"explanation", "name", "contact"})
        data.set(std::string(name) + "_value", std::string(field(typed, name)));
    if (error) {
        mustache::data e;
        e.set("field", error->field);
        e.set("message", error->message);
        mustache::data errors{mustache::data::type::list};
        errors.push_back(e);
        data.set("errors", errors);
        data.set("has_errors", flag(true));
        data.set(error->field + "_error", error->message);
    }
    Response response = html_page(app, "report", std::move(data), error ? 400 : 200);
    response.set_header("Cache-Control", "no-store");
    return response;
}

// The story a report is about: published and not hidden already (a hidden story is being
// reviewed: a second report adds nothing, and its page would show what is hidden); nullopt for a 404.
std::optional<store::StoryRow> reportable(const AppContext& app, std::string_view ref) {
    auto story = store::find_story_by_ref(app.db, ref);
    if (!story || story->state != stories::StoryState::published || store::story_hidden(app.db, story->id)) {
        return std::nullopt;
    }
    return story;
}

void receive(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    const auto story = reportable(app, params.get("ref"));
    if (!story) return respond(error_page(app, 404));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!app.csrf.valid(field(*form, "csrf"), report_path(*story), current_day(app))) {
        return respond(error_page(app, 403));
    }
    auto notice = takedown::check_notice({std::string(field(*form, "ground")), std::string(field(*form, "explanation")),
                                          std::string(field(*form, "name")), std::string(field(*form, "contact"))});
    if (!notice) return respond(report_form(app, *story, *form, notice.error()));
    const auto today = std::chrono::floor<std::chrono::days>(app.clock());
    auto received = std::make_shared<takedown::ReceivedNotice>();
    apply_change(
        app, request,
        // The writer reads the explanation on their codename page: redacted here, before queueing.
        [command = takedown::ReceiveNotice{story->id, notice->ground, redaction::redact_text(notice->explanation),
                                           notice->name, notice->contact, today, current_month(app)},
         received](soci::session& s) -> Result<void> {
            store::SociNoticeRepository notices(s);
            auto done = takedown::receive_notice(command, notices);
            if (done) *received = *done;
            return without_value(done);
        },
        [&app, respond, received, ground = notice->ground](Result<void> done) {
            if (!done) return respond(error_page(app, done.error().kind == ErrorKind::not_found ? 404 : 503));
            published_stories_changed(app);
            mustache::data data;
            data.set("title", "Thank you: your report is received");
            data.set("hidden", flag(received->hidden));
            data.set("identifying", flag(ground == Ground::identifying));
            data.set("answer_days", std::to_string(takedown::kWriterAnswerDays.count()));
            Response response = html_page(app, "reported", std::move(data));
            response.set_header("Cache-Control", "no-store");
            respond(std::move(response));
        });
}

}  // namespace

mustache::data notice_view(const store::NoticeRow& notice, bool for_moderator) {
    mustache::data d;
    put(d, "id", std::to_string(notice.id));
    put(d, "ground_label", std::string(takedown::ground_label(notice.ground)));
    put(d, "explanation", mustache::data(notice.explanation));
    put(d, "hidden", flag(notice.story_hidden));  // by this notice or another: what the writer needs to know
    put(d, "answer_due", notice.answer_due_on);
    put(d, "answered", flag(notice.state == takedown::NoticeState::writer_answered));
    put(d, "can_answer", flag(notice.state == takedown::NoticeState::received));
    put(d, "story", story_view(notice.story));
    if (for_moderator) {
        put(d, "received_on", notice.received_on);
        put(d, "writer_answer", notice.writer_answer);
        put(d, "writer_reachable", flag(notice.writer_reachable));
        if (!notice.complainant_name.empty()) put(d, "complainant_name", notice.complainant_name);
        if (!notice.complainant_contact.empty()) put(d, "complainant_contact", notice.complainant_contact);
    }
    return d;
}

void add_takedown_routes(Router& router, const AppContext& app) {
    // {ref}: the story's public reference, never its row id.
    router.get("/stories/{ref}/report", [&app](const Request&, const RouteParams& p) {
        const auto story = reportable(app, p.get("ref"));
        return story ? report_form(app, *story, {}, std::nullopt) : error_page(app, 404);
    });
    router.post_async(
        "/stories/{ref}/report",
        [&app](const Request& r, const RouteParams& p, Responder respond) { receive(app, r, p, std::move(respond)); },
        throttle::Action::participant_write);
}

}  // namespace pw::web
