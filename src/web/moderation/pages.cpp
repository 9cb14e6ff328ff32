// The moderators' pages: the queue of stories and providers' responses waiting (with what
// redaction removed marked), decisions, safeguarding concerns, censor rules, and providers' flags.
#include <fmt/format.h>

#include <algorithm>

#include "core/standards/holds.hpp"
#include "core/standards/recovery.hpp"
#include "core/stories/commands.hpp"
#include "core/stories/story.hpp"
#include "core/suggestions/commands.hpp"
#include "core/takedown/commands.hpp"
#include "store/standards/integrity.hpp"
#include "store/standards/recovery.hpp"
#include "store/stories/responses.hpp"
#include "store/stories/stories.hpp"
#include "store/stories/story_repository.hpp"
#include "store/suggestions/suggestion_repository.hpp"
#include "store/suggestions/suggestions.hpp"
#include "store/takedown/notices.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/suggestions/views.hpp"
#include "web/takedown/views.hpp"

namespace pw::web {

using namespace stories;

namespace {

enum class Target { story, flag, response, notice, suggestion, suggestion_note, hold, recovery_report };

// Each target: the folder of its routes, and the kind of id its pages show and its routes read.
struct TargetInfo {
    const char* folder;
    crypto::IdKind kind;
};

TargetInfo info(Target target) {
    using K = crypto::IdKind;
    switch (target) {
        case Target::story:
            return {"stories", K::story};
        case Target::flag:
            return {"flags", K::flag};
        case Target::response:
            return {"responses", K::response};
        case Target::notice:
            return {"notices", K::notice};
        case Target::suggestion:
            return {"suggestions", K::suggestion};
        case Target::suggestion_note:
            return {"suggestion-notes", K::suggestion_note};
        case Target::hold:
            return {"holds", K::hold};
        case Target::recovery_report:
            return {"recovery-reports", K::recovery_report};
    }
    return {"stories", K::story};
}

// Each action on an item posts to its own path, /moderate/{folder}/{id}/{action}, with a token
// bound to that path. The id is masked, as everywhere a page shows one (web/stories/views.hpp).
void add_tokens(mustache::data& view, const AppContext& app, const SignedIn& who, Target target, std::int64_t id,
                std::initializer_list<const char*> actions) {
    const auto shown = app.ids.show(info(target).kind, id);
    for (auto action : actions) {
        view.set(std::string("csrf_") + action,
                 session_form_token(app, who, fmt::format("/moderate/{}/{}/{}", info(target).folder, shown, action)));
    }
}

Response queue(const AppContext& app, const SignedIn& who, const std::string& notice) {
    mustache::data data;
    data.set("title", "Moderation");
    if (!notice.empty()) data.set("notice", notice);
    auto pending = store::pending_stories(app.db, 50);
    data.set("stories", list_of(pending, [&](const store::StoryRow& story) {
                 auto view = story_view(story, app.ids);
                 add_tokens(view, app, who, Target::story, story.id, {"approve", "reject", "safeguarding", "censor"});
                 return view;
             }));
    data.set("pending_count", std::to_string(pending.size()));
    auto flags = store::open_flags(app.db);
    data.set("flags", list_of(flags, [&](const store::FlagRow& flag) {
                 mustache::data view = story_view(flag.story, app.ids);
                 view.set("flag_id", app.ids.show(crypto::IdKind::flag, flag.id));
                 view.set("flag_reason", flag.reason);
                 add_tokens(view, app, who, Target::flag, flag.id, {"uphold", "dismiss"});
                 return view;
             }));
    data.set("flag_count", std::to_string(flags.size()));
    auto responses = store::pending_responses(app.db, 50);
    data.set("responses", list_of(responses, [&](const store::ModeratedResponse& response) {
                 auto view = response_view(response, app.ids);
                 add_tokens(view, app, who, Target::response, response.id, {"approve", "reject"});
                 return view;
             }));
    data.set("response_count", std::to_string(responses.size()));
    auto notices = store::open_notices(app.db);
    data.set("notices", list_of(notices, [&](const store::NoticeRow& notice) {
                 auto view = notice_view(notice, true, app.ids);
                 add_tokens(view, app, who, Target::notice, notice.id, {"uphold", "dismiss"});
                 return view;
             }));
    data.set("notice_count", std::to_string(notices.size()));
    auto suggested = store::pending_suggestions(app.db, 50);
    data.set("suggestions", list_of(suggested, [&](const store::SuggestionRow& row) {
                 auto view = suggestion_view(row, Reader::moderator, app.ids);
                 add_tokens(view, app, who, Target::suggestion, row.id, {"approve", "reject"});
                 return view;
             }));
    data.set("suggestion_count", std::to_string(suggested.size()));
    mustache::data notes{mustache::data::type::list};
    for (const auto& row : store::suggestions_with_pending_notes(app.db, 50)) {
        for (const auto& step : row.steps) {
            if (step.review != suggestions::Review::pending) continue;
            auto view = suggestion_view(row, Reader::moderator, app.ids);
            view.set("step_id", app.ids.show(crypto::IdKind::suggestion_note, step.id));
            view.set("step_label", std::string(suggestions::suggestion_state_label(step.to)));
            view.set("note_segments", text_view(stories::censor(step.note, row.rules)));
            add_tokens(view, app, who, Target::suggestion_note, step.id, {"approve", "reject"});
            notes.push_back(view);
        }
    }
    data.set("note_count", std::to_string(notes.is_empty_list() ? 0 : notes.list_value().size()));
    std::vector<store::HeldRow> held;
    std::vector<store::RecoveryReportRow> reports;
    {
        auto s = app.db.session();
        held = store::held_months(s);
        reports = store::pending_recovery_reports(s);
    }
    data.set("recovery_reports", list_of(reports, [&](const store::RecoveryReportRow& r) {
                 mustache::data view;
                 view.set("id", app.ids.show(crypto::IdKind::recovery_report, r.id));
                 view.set("provider", r.provider_name);
                 view.set("month", r.month.label());
                 view.set("segments", text_view(stories::censor(r.body, {})));
                 add_tokens(view, app, who, Target::recovery_report, r.id, {"publish", "reject"});
                 return view;
             }));
    data.set("recovery_report_count", std::to_string(reports.size()));
    data.set("holds", list_of(held, [&](const store::HeldRow& row) {
                 mustache::data view;
                 view.set("id", app.ids.show(crypto::IdKind::hold, row.id));
                 view.set("provider", row.provider_name);
                 view.set("provider_url", "/providers/" + std::to_string(row.provider_id));
                 view.set("month", row.month.label());
                 view.set("why", row.why);
                 if (row.pressure_reports > 0) {
                     view.set("pressure", fmt::format("{} “someone pressured me to rate” report{} about it since {}.",
                                                      row.pressure_reports, row.pressure_reports == 1 ? "" : "s",
                                                      row.month.plus(-2)->label()));
                 }
                 add_tokens(view, app, who, Target::hold, row.id, {"count", "exclude"});
                 return view;
             }));
    data.set("hold_count", std::to_string(held.size()));
    data.set("notes", notes);
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "moderate", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

using Change = std::function<Result<void>(soci::session&)>;

// A story command as a change in the writer's transaction.
template <class Command, class Value>
Change run(Command command, Result<Value> (*perform)(const Command&, StoryRepository&)) {
    return [command = std::move(command), perform](soci::session& s) {
        store::SociStoryRepository stories(s);
        return without_value(perform(command, stories));
    };
}

Change decide(takedown::DecideNotice command) {
    return [command](soci::session& s) {
        store::SociStoryRepository stories(s);
        store::SociNoticeRepository notices(s);
        return takedown::decide_notice(command, notices, stories);
    };
}

// The change a moderator's action makes, or what is wrong with the form (not_found: no such
// action). Text is checked and redacted here, before the change is queued.
Result<Change> story_action(std::string_view action, std::int64_t id, const FormFields& form, Month month) {
    if (action == "approve") return run(ApproveStory{id, month}, approve_story);
    if (action == "reject") {
        auto reason = text_for_others(field(form, "reason"), "The reason");
        if (!reason) return std::unexpected(reason.error());
        return run(RejectStory{id, std::move(*reason), month}, reject_story);
    }
    if (action == "safeguarding") {
        return run(MarkSafeguarding{id, field(form, "concern") != "no", month}, mark_safeguarding);
    }
    if (action == "censor") {
        auto phrase = check_censor_phrase(field(form, "phrase"));
        if (!phrase) return std::unexpected(phrase.error());
        const auto scope = field(form, "scope");
        return run(AddCensorRule{id,
                                 scope == "everywhere" ? CensorScope::everywhere
                                 : scope == "provider" ? CensorScope::provider
                                                       : CensorScope::story,
                                 std::move(*phrase), month},
                   add_censor_rule);
    }
    return fail(ErrorKind::not_found, "There is no such action.");
}

template <class Command, class Value>
Change run_suggestion(Command command, Result<Value> (*perform)(const Command&, suggestions::SuggestionRepository&)) {
    return [command = std::move(command), perform](soci::session& s) {
        store::SociSuggestionRepository repo(s);
        return without_value(perform(command, repo));
    };
}

Result<Change> action_on(Target target, std::string_view action, std::int64_t id, const FormFields& form, Month month,
                         Week week) {
    switch (target) {
        case Target::story:
            return story_action(action, id, form, month);
        case Target::response:
            if (action == "approve") return run(DecideResponse{id, true, std::nullopt, month}, decide_response);
            if (action == "reject") {
                auto reason = text_for_others(field(form, "reason"), "The reason");
                if (!reason) return std::unexpected(reason.error());
                return run(DecideResponse{id, false, std::move(*reason), month}, decide_response);
            }
            break;
        case Target::flag:
            if (action == "uphold" || action == "dismiss") {
                return run(DecideFlag{id, action == "uphold", month}, decide_flag);
            }
            break;
        case Target::notice:
            if (action == "uphold" || action == "dismiss")
                return decide(takedown::DecideNotice{id, action == "uphold", month});
            break;
        case Target::suggestion:
            if (action == "approve") {
                return run_suggestion(suggestions::ReviewSuggestion{id, true, std::nullopt, month, week},
                                      suggestions::review_suggestion);
            }
            if (action == "reject") {
                auto reason = text_for_others(field(form, "reason"), "The reason");
                if (!reason) return std::unexpected(reason.error());
                return run_suggestion(suggestions::ReviewSuggestion{id, false, std::move(*reason), month, week},
                                      suggestions::review_suggestion);
            }
            break;
        case Target::suggestion_note:
            if (action == "approve" || action == "reject") {
                return run_suggestion(suggestions::ReviewStep{id, action == "approve", month},
                                      suggestions::review_step);
            }
            break;
        case Target::recovery_report:
            if (action == "publish" || action == "reject") {
                std::optional<redaction::RedactedText> reason;
                if (action == "reject") {
                    auto why = text_for_others(field(form, "reason"), "The reason");
                    if (!why) return std::unexpected(why.error());
                    reason = std::move(*why);
                }
                const standards::DecideRecoveryReport command{id, action == "publish", std::move(reason), month};
                return Change([command](soci::session& s) {
                    store::SociRecoveryRepository reports(s);
                    return standards::decide_recovery_report(command, reports);
                });
            }
            break;
        case Target::hold:
            if (action == "count" || action == "exclude") {
                const standards::DecideHold command{
                    id, action == "count" ? standards::HoldState::counted : standards::HoldState::excluded, month};
                return Change([command](soci::session& s) {
                    store::SociHoldRepository holds(s);
                    return standards::decide_hold(command, holds);
                });
            }
            break;
    }
    return fail(ErrorKind::not_found, "There is no such action.");
}

void act(const AppContext& app, const Request& request, const RouteParams& params, Responder respond, Target target) {
    auto who = signed_in_moderator(app, request);
    if (!who) return respond(refuse_access(app, request));
    const auto shown = params.get("id");
    auto id = app.ids.read(info(target).kind, shown);
    const std::string action(params.get("action"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    const auto path = fmt::format("/moderate/{}/{}/{}", info(target).folder, shown, action);
    if (!session_form_token_ok(app, *who, path, *form)) return respond(error_page(app, 403));
    auto change = action_on(target, action, *id, *form, current_month(app), current_week(app));
    if (!change) {
        return respond(change.error().kind == ErrorKind::not_found ? error_page(app, 404)
                                                                   : queue(app, *who, change.error().message));
    }
    apply_change(app, request, std::move(*change), [&app, who = *who, respond](Result<void> done) {
        if (done) {
            published_stories_changed(app);
            published_suggestions_changed(app);
        }
        respond(queue(app, who, done ? "Done." : done.error().message));
    });
}

}  // namespace

void add_moderation_routes(Router& router, const AppContext& app) {
    router.get("/moderate", [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_moderator(app, r);
        return who ? queue(app, *who, "") : refuse_access(app, r);
    });
    router.post_async("/moderate/stories/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::story);
                      });
    router.post_async("/moderate/flags/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::flag);
                      });
    router.post_async("/moderate/responses/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::response);
                      });
    router.post_async("/moderate/notices/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::notice);
                      });
    router.post_async("/moderate/suggestions/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::suggestion);
                      });
    router.post_async("/moderate/suggestion-notes/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::suggestion_note);
                      });
    router.post_async("/moderate/recovery-reports/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::recovery_report);
                      });
    router.post_async("/moderate/holds/{id}/{action}",
                      [&app](const Request& r, const RouteParams& p, Responder respond) {
                          act(app, r, p, std::move(respond), Target::hold);
                      });
}

}  // namespace pw::web
