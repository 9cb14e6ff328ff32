// The moderators' pages: the queue of stories and providers' responses waiting (with what
// redaction removed marked), decisions, safeguarding concerns, censor rules, and providers' flags.
#include <fmt/format.h>

#include <algorithm>

#include "core/stories/story.hpp"
#include "store/stories/responses.hpp"
#include "store/stories/stories.hpp"
#include "store/takedown/notices.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/takedown/views.hpp"

namespace pw::web {

using namespace stories;

namespace {

std::optional<SignedIn> moderator(const AppContext& app, const Request& request) {
    return signed_in_as(app, request, {accounts::Role::moderator, accounts::Role::admin});
}

enum class Target { story, flag, response, notice };

const char* folder(Target target) {
    switch (target) {
        case Target::story:
            return "stories";
        case Target::flag:
            return "flags";
        case Target::response:
            return "responses";
        case Target::notice:
            return "notices";
    }
    return "stories";
}

// Each action on an item posts to its own path, /moderate/{folder}/{id}/{action}, with a token
// bound to that path.
void add_tokens(mustache::data& view, const AppContext& app, const SignedIn& who, Target target, std::int64_t id,
                std::initializer_list<const char*> actions) {
    for (auto action : actions) {
        view.set(std::string("csrf_") + action,
                 session_form_token(app, who, fmt::format("/moderate/{}/{}/{}", folder(target), id, action)));
    }
}

Response queue(const AppContext& app, const SignedIn& who, const std::string& notice) {
    mustache::data data;
    data.set("title", "Moderation");
    if (!notice.empty()) data.set("notice", notice);
    auto pending = store::pending_stories(app.db, 50);
    data.set("stories", list_of(pending, [&](const store::StoryRow& story) {
                 auto view = story_view(story);
                 add_tokens(view, app, who, Target::story, story.id, {"approve", "reject", "safeguarding", "censor"});
                 return view;
             }));
    data.set("pending_count", std::to_string(pending.size()));
    auto flags = store::open_flags(app.db);
    data.set("flags", list_of(flags, [&](const store::FlagRow& flag) {
                 mustache::data view = story_view(flag.story);
                 view.set("flag_id", std::to_string(flag.id));
                 view.set("flag_reason", flag.reason);
                 add_tokens(view, app, who, Target::flag, flag.id, {"uphold", "dismiss"});
                 return view;
             }));
    data.set("flag_count", std::to_string(flags.size()));
    auto responses = store::pending_responses(app.db, 50);
    data.set("responses", list_of(responses, [&](const store::ModeratedResponse& response) {
                 auto view = response_view(response);
                 add_tokens(view, app, who, Target::response, response.id, {"approve", "reject"});
                 return view;
             }));
    data.set("response_count", std::to_string(responses.size()));
    auto notices = store::open_notices(app.db);
    data.set("notices", list_of(notices, [&](const store::NoticeRow& notice) {
                 auto view = notice_view(notice, true);
                 add_tokens(view, app, who, Target::notice, notice.id, {"uphold", "dismiss"});
                 return view;
             }));
    data.set("notice_count", std::to_string(notices.size()));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "moderate", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

// Why a moderator rejects something: its writer reads it, so it passes redaction like any text shown.
Result<redaction::RedactedText> rejection_reason(const FormFields& form) {
    auto reason = check_text(field(form, "reason"), "The reason");
    if (!reason) return std::unexpected(reason.error());
    return redaction::redact_text(*reason);
}

// The change a moderator's action makes, or an error for the moderator.
Result<std::function<Result<void>(soci::session&)>> story_action(const std::string& action, std::int64_t id,
                                                                 const FormFields& form, Month month) {
    if (action == "approve") {
        return [=](soci::session& s) {
            return store::change_story_state(s, id, StoryState::published, Actor::moderator, month);
        };
    }
    if (action == "reject") {
        auto reason = rejection_reason(form);
        if (!reason) return std::unexpected(reason.error());
        return [=, reason = *reason](soci::session& s) {
            return store::change_story_state(s, id, StoryState::rejected, Actor::moderator, month, reason);
        };
    }
    if (action == "safeguarding") {
        const bool concern = field(form, "concern") != "no";
        return [=](soci::session& s) { return store::set_safeguarding(s, id, concern, month); };
    }
    if (action == "censor") {
        auto phrase = check_text(field(form, "phrase"), "The phrase");
        if (!phrase) return std::unexpected(phrase.error());
        // Short, with few stars: matching backtracks on each star.
        if (character_count(*phrase) > 100 || std::ranges::count(*phrase, '*') > 3 ||
            phrase->find('\n') != std::string::npos) {
            return fail(ErrorKind::invalid_input,
                        "A phrase is one line of at most 100 characters, with at most 3 stars");
        }
        const auto scope_text = field(form, "scope");
        const auto scope = scope_text == "everywhere" ? store::CensorScope::everywhere
                           : scope_text == "provider" ? store::CensorScope::provider
                                                      : store::CensorScope::story;
        return [=, phrase = *phrase](soci::session& s) { return store::add_censor_rule(s, id, scope, phrase, month); };
    }
    return fail(ErrorKind::not_found, "There is no such action.");
}

// A moderator's decision on a provider's response.
Result<std::function<Result<void>(soci::session&)>> response_action(const std::string& action, std::int64_t id,
                                                                    const FormFields& form, Month month) {
    if (action == "approve") {
        return [=](soci::session& s) {
            return store::change_response_state(s, id, ResponseState::published, Actor::moderator, month);
        };
    }
    if (action == "reject") {
        auto reason = rejection_reason(form);
        if (!reason) return std::unexpected(reason.error());
        return [=, reason = *reason](soci::session& s) {
            return store::change_response_state(s, id, ResponseState::rejected, Actor::moderator, month, reason);
        };
    }
    return fail(ErrorKind::not_found, "There is no such action.");
}

void act(const AppContext& app, const Request& request, const RouteParams& params, Responder respond, Target target) {
    auto who = moderator(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = parse_id(params.get("id"));
    const std::string action(params.get("action"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    const auto path = fmt::format("/moderate/{}/{}/{}", folder(target), *id, action);
    if (!session_form_token_ok(app, *who, path, *form)) return respond(error_page(app, 403));
    const auto month = current_month(app);
    std::function<Result<void>(soci::session&)> change;
    if (target == Target::flag || target == Target::notice) {
        if (action != "uphold" && action != "dismiss") return respond(error_page(app, 404));
        const bool upheld = action == "uphold";
        if (target == Target::flag) {
            change = [id = *id, upheld, month](soci::session& s) { return store::decide_flag(s, id, upheld, month); };
        } else {
            change = [id = *id, upheld, month](soci::session& s) { return store::decide_notice(s, id, upheld, month); };
        }
    } else {
        auto made = target == Target::story ? story_action(action, *id, *form, month)
                                            : response_action(action, *id, *form, month);
        if (!made)
            return respond(made.error().kind == ErrorKind::not_found ? error_page(app, 404)
                                                                     : queue(app, *who, made.error().message));
        change = std::move(*made);
    }
    apply_change(app, std::move(change), [&app, who = *who, respond](Result<void> done) {
        if (done) published_stories_changed(app);
        respond(queue(app, who, done ? "Done." : done.error().message));
    });
}

}  // namespace

void add_moderation_routes(Router& router, const AppContext& app) {
    router.get("/moderate", [&app](const Request& r, const RouteParams&) {
        auto who = moderator(app, r);
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
}

}  // namespace pw::web
