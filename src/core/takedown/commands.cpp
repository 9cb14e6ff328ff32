#include "core/takedown/commands.hpp"

#include "core/stories/story.hpp"

namespace pw::takedown {

namespace {

// Visibility is not a story or response state: the event tells each server's copy of the
// published stories to read this provider's again. "story.hidden" or "response.hidden", and so on.
events::Event visibility_event(bool shown, const NoticeFacts& notice, events::ActorRole actor, Month month) {
    const char* what =
        notice.response_id ? (shown ? "response.shown" : "response.hidden") : (shown ? "story.shown" : "story.hidden");
    return events::Event{what,
                         notice.response_id ? "response" : "story",
                         notice.response_id.value_or(notice.story_id),
                         std::nullopt,
                         std::nullopt,
                         actor,
                         month};
}

Result<void> move(NoticeRepository& notices, std::int64_t notice_id, NoticeState from, NoticeState to, Actor actor,
                  const std::optional<std::string>& answer, bool decided) {
    if (auto ok = check_notice_transition(from, to, actor); !ok) return ok;
    if (!notices.move_notice(notice_id, from, to, answer, decided)) {
        return fail(ErrorKind::conflict, "Someone else has just acted on this notice. Reload the page.",
                    "takedown notice moved by another writer");
    }
    return {};
}

}  // namespace

Result<ReceivedNotice> receive_notice(const ReceiveNotice& command, NoticeRepository& notices) {
    if (command.explanation.str().empty())
        return fail(ErrorKind::invalid_input, "Say what in the story is the problem");
    if (command.ground == Ground::defamatory && (!command.complainant_name || !command.complainant_contact)) {
        return fail(ErrorKind::invalid_input, "A complaint of defamation must give your name and email address");
    }
    const auto story = notices.reported_story(command.story_id);
    if (!story || story->state != stories::StoryState::published) {
        return fail(ErrorKind::not_found, "Only a published story can be reported.");
    }
    if (story->hidden) return fail(ErrorKind::not_found, "This story is hidden while a moderator reviews it.");
    ReceivedNotice received;
    received.writer_reachable = story->writer_reachable;
    bool kept_before = story->kept_before;
    if (command.response_id) {
        const auto response = notices.reported_response(*command.response_id);
        if (!response || response->story_id != command.story_id ||
            response->state != stories::ResponseState::published) {
            return fail(ErrorKind::not_found, "Only a published response can be reported.");
        }
        if (response->hidden)
            return fail(ErrorKind::not_found, "This response is hidden while a moderator reviews it.");
        received.writer_reachable = true;  // its provider's representatives read notices in their area
        kept_before = response->kept_before;
    }
    // Kept once by a moderator: a new notice cannot take it down again on its own.
    received.hidden = !kept_before && hidden_at_once(command.ground, received.writer_reachable);
    received.id = notices.insert_notice(
        NewNotice{command.story_id, command.response_id, command.ground, command.explanation, command.complainant_name,
                  command.complainant_contact, command.received, answer_due(command.received), received.hidden});
    notices.append(events::Event{"notice.received", "takedown_notice", received.id, std::nullopt,
                                 std::string(notice_state_name(NoticeState::received)), events::ActorRole::participant,
                                 command.month});
    if (received.hidden) {
        NoticeFacts facts{NoticeState::received, command.story_id, true, command.response_id, std::nullopt};
        notices.append(visibility_event(false, facts, events::ActorRole::system, command.month));
    }
    return received;
}

Result<void> answer_notice(const AnswerNotice& command, NoticeRepository& notices, stories::StoryRepository& stories) {
    auto answer = stories::check_text(command.answer, "Your answer");
    if (!answer) return std::unexpected(answer.error());
    const auto now = notices.notice(command.notice_id);
    const auto story = now ? stories.story(now->story_id) : std::nullopt;
    // Another codename's notice is answered the same way as none: nothing tells them it exists.
    // A notice about a provider's response to the story is the provider's to answer, not the writer's.
    if (!story || story->codename_id != command.codename_id || now->response_id) {
        return fail(ErrorKind::not_found, "There is no such notice.");
    }
    if (auto moved = move(notices, command.notice_id, now->state, NoticeState::writer_answered, Actor::participant,
                          *answer, false);
        !moved) {
        return moved;
    }
    notices.append(events::Event{
        "notice.answered", "takedown_notice", command.notice_id, std::string(notice_state_name(now->state)),
        std::string(notice_state_name(NoticeState::writer_answered)), events::ActorRole::participant, command.month});
    return {};
}

Result<void> decide_notice(const DecideNotice& command, NoticeRepository& notices, stories::StoryRepository& stories) {
    const auto now = notices.notice(command.notice_id);
    if (!now) return fail(ErrorKind::not_found, "There is no such notice.");
    const auto to = command.upheld ? NoticeState::upheld : NoticeState::dismissed;
    if (auto moved = move(notices, command.notice_id, now->state, to, Actor::moderator, std::nullopt, true); !moved) {
        return moved;
    }
    notices.append(events::Event{"notice.decided", "takedown_notice", command.notice_id,
                                 std::string(notice_state_name(now->state)), std::string(notice_state_name(to)),
                                 events::ActorRole::moderator, command.month});
    if (command.upheld) {
        if (now->response_id) return stories::remove_response({*now->response_id, command.month}, stories);
        return stories::remove_story({now->story_id, command.month}, stories);
    }
    if (now->hides) notices.append(visibility_event(true, *now, events::ActorRole::moderator, command.month));
    return {};
}

Result<void> answer_response_notice(const AnswerResponseNotice& command, NoticeRepository& notices) {
    auto answer = stories::check_text(command.answer, "Your answer");
    if (!answer) return std::unexpected(answer.error());
    const auto now = notices.notice(command.notice_id);
    // Another provider's notice, or one about a story, is answered the same way as none.
    if (!now || !now->response_id || now->response_provider_id != command.provider_id) {
        return fail(ErrorKind::not_found, "There is no such notice.");
    }
    if (auto moved =
            move(notices, command.notice_id, now->state, NoticeState::writer_answered, Actor::provider, *answer, false);
        !moved) {
        return moved;
    }
    notices.append(events::Event{
        "notice.answered", "takedown_notice", command.notice_id, std::string(notice_state_name(now->state)),
        std::string(notice_state_name(NoticeState::writer_answered)), events::ActorRole::provider, command.month});
    return {};
}

}  // namespace pw::takedown
