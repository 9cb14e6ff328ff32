// Notice and takedown (docs/takedown.md): anyone reports a published story; a story that
// identifies someone, or whose writer cannot be told, is hidden at once. The writer answers on
// their codename page (web/ratings/codename_pages.cpp); a moderator decides in the queue
// (web/moderation/pages.cpp).
#include <fmt/format.h>

#include <algorithm>
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

// What a report is about: a published story, or one provider's published response under it.
struct Reported {
    store::StoryRow story;
    std::optional<store::ResponseRow> response;
    const char* thing() const { return response ? "response" : "story"; }
};

// Stories are named by their public reference here, never their row id (it would tell the order
// in which they arrived). A response is named by its masked id under its story, like every id a
// page shows (web/stories/views.hpp).
std::string report_path(const AppContext& app, const Reported& reported) {
    return reported.response ? fmt::format("/stories/{}/responses/{}/report", reported.story.public_ref,
                                           app.ids.show(crypto::IdKind::response, reported.response->id))
                             : fmt::format("/stories/{}/report", reported.story.public_ref);
}

// The report form, with the answers given so far and what is wrong with them.
Response report_form(const AppContext& app, const Reported& reported, const FormFields& typed,
                     const std::optional<FieldError>& error) {
    mustache::data data;
    data.set("title", fmt::format("Report this {}", reported.thing()));
    data.set("thing", std::string(reported.thing()));
    put(data, "story", story_view(reported.story, app.ids));
    if (reported.response) put(data, "response", published_response_view(*reported.response, reported.story, app.ids));
    data.set("action", report_path(app, reported));
    data.set("csrf", app.csrf.issue(report_path(app, reported), current_day(app)));
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
// reviewed: a second report adds nothing, and its page would show what is hidden); with a
// response id, that response as published under it (a hidden one is on no page, so it is not
// among them). nullopt for a 404.
std::optional<Reported> reportable(const AppContext& app, const RouteParams& params) {
    auto story = store::find_story_by_ref(app.db, params.get("ref"));
    if (!story || story->state != stories::StoryState::published || store::story_hidden(app.db, story->id)) {
        return std::nullopt;
    }
    Reported reported{std::move(*story), std::nullopt};
    if (params.values.contains("id")) {
        const auto id = app.ids.read(crypto::IdKind::response, params.get("id"));
        if (!id) return std::nullopt;
        const auto found = std::ranges::find(reported.story.responses, *id, &store::ResponseRow::id);
        if (found == reported.story.responses.end()) return std::nullopt;
        reported.response = *found;
    }
    return reported;
}

void receive(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    const auto reported = reportable(app, params);
    if (!reported) return respond(error_page(app, 404));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!app.csrf.valid(field(*form, "csrf"), report_path(app, *reported), current_day(app))) {
        return respond(error_page(app, 403));
    }
    auto notice = takedown::check_notice({std::string(field(*form, "ground")), std::string(field(*form, "explanation")),
                                          std::string(field(*form, "name")), std::string(field(*form, "contact"))});
    if (!notice) return respond(report_form(app, *reported, *form, notice.error()));
    const auto today = std::chrono::floor<std::chrono::days>(app.clock());
    auto received = std::make_shared<takedown::ReceivedNotice>();
    apply_change(
        app, request,
        // The writer reads the explanation on their codename page: redacted here, before queueing.
        [command =
             takedown::ReceiveNotice{reported->story.id, notice->ground, redaction::redact_text(notice->explanation),
                                     notice->name, notice->contact, today, current_month(app),
                                     reported->response ? std::optional(reported->response->id) : std::nullopt},
         received](soci::session& s) -> Result<void> {
            store::SociNoticeRepository notices(s);
            auto done = takedown::receive_notice(command, notices);
            if (done) *received = *done;
            return without_value(done);
        },
        [&app, respond, received, ground = notice->ground,
         about_response = reported->response.has_value()](Result<void> done) {
            if (!done) return respond(error_page(app, done.error().kind == ErrorKind::not_found ? 404 : 503));
            published_stories_changed(app);
            mustache::data data;
            data.set("title", "Thank you: your report is received");
            data.set("thing", std::string(about_response ? "response" : "story"));
            data.set("response", flag(about_response));
            data.set("hidden", flag(received->hidden));
            data.set("identifying", flag(ground == Ground::identifying));
            data.set("answer_days", std::to_string(takedown::kWriterAnswerDays.count()));
            Response response = html_page(app, "reported", std::move(data));
            response.set_header("Cache-Control", "no-store");
            respond(std::move(response));
        });
}

}  // namespace

mustache::data notice_view(const store::NoticeRow& notice, bool for_moderator, const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "id", ids.show(crypto::IdKind::notice, notice.id));
    put(d, "ground_label", std::string(takedown::ground_label(notice.ground)));
    put(d, "explanation", mustache::data(notice.explanation));
    put(d, "hidden", flag(notice.story_hidden));  // by this notice or another: what the writer needs to know
    put(d, "answer_due", notice.answer_due_on);
    put(d, "answered", flag(notice.state == takedown::NoticeState::writer_answered));
    put(d, "can_answer", flag(notice.state == takedown::NoticeState::received));
    put(d, "story", story_view(notice.story, ids));
    put(d, "thing", std::string(notice.response ? "response" : "story"));
    if (notice.response) put(d, "response", published_response_view(*notice.response, notice.story, ids));
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
    // {ref}: the story's public reference, never its row id; {id}: a response published under it.
    for (const char* path : {"/stories/{ref}/report", "/stories/{ref}/responses/{id}/report"}) {
        router.get(path, [&app](const Request&, const RouteParams& p) {
            const auto reported = reportable(app, p);
            return reported ? report_form(app, *reported, {}, std::nullopt) : error_page(app, 404);
        });
        router.post_async(
            path,
            [&app](const Request& r, const RouteParams& p, Responder respond) {
                receive(app, r, p, std::move(respond));
            },
            throttle::Action::participant_write);
    }
}

}  // namespace pw::web
