#include "core/stories/commands.hpp"

#include <algorithm>

#include "core/stories/story.hpp"

namespace pw::stories {

namespace {

constexpr const char* kNoStory = "There is no such story.";

events::ActorRole role_of(Actor actor) {
    switch (actor) {
        case Actor::participant:
            return events::ActorRole::participant;
        case Actor::moderator:
            return events::ActorRole::moderator;
        case Actor::provider:
            return events::ActorRole::provider;
        case Actor::admin:
            return events::ActorRole::admin;
        case Actor::staff:
            return events::ActorRole::staff;
    }
    return events::ActorRole::system;
}

// The one way a story changes state: checked against the table, compare-and-set, one event.
Result<void> move(StoryRepository& stories, std::int64_t story_id, StoryState from, StoryState to, Actor actor,
                  Month month, const std::optional<redaction::RedactedText>& reason = std::nullopt) {
    if (auto ok = check_story_transition(from, to, actor); !ok) return ok;
    if (!stories.move_story(story_id, from, to, reason)) {
        return fail(ErrorKind::conflict, "Someone else has just changed this story. Reload the page.",
                    "story moved by another writer");
    }
    stories.append(events::Event{"story.state_changed", "story", story_id, std::string(story_state_name(from)),
                                 std::string(story_state_name(to)), role_of(actor), month});
    return {};
}

Result<void> move_response(StoryRepository& stories, std::int64_t response_id, ResponseState to, Actor actor,
                           Month month, const std::optional<redaction::RedactedText>& reason) {
    const auto from = stories.response_state(response_id);
    if (!from) return fail(ErrorKind::not_found, "There is no such response.");
    if (auto ok = check_response_transition(*from, to, actor); !ok) return ok;
    if (!stories.move_response(response_id, *from, to, reason)) {
        return fail(ErrorKind::conflict, "Someone else has just decided this response. Reload the page.",
                    "response moved by another writer");
    }
    stories.append(events::Event{"response.state_changed", "response", response_id,
                                 std::string(response_state_name(*from)), std::string(response_state_name(to)),
                                 role_of(actor), month});
    return {};
}

}  // namespace

Result<redaction::RedactedText> text_for_others(std::string_view text, std::string_view what) {
    auto checked = check_text(text, what);
    if (!checked) return std::unexpected(checked.error());
    return redaction::redact_text(*checked);
}

Result<std::string> check_censor_phrase(std::string_view text) {
    auto phrase = check_text(text, "The phrase");
    if (!phrase) return phrase;
    if (character_count(*phrase) > 100 || std::ranges::count(*phrase, '*') > 3 ||
        phrase->find('\n') != std::string::npos) {
        return fail(ErrorKind::invalid_input, "A phrase is one line of at most 100 characters, with at most 3 stars");
    }
    return phrase;
}

std::string_view censor_scope_name(CensorScope scope) {
    switch (scope) {
        case CensorScope::story:
            return "story";
        case CensorScope::provider:
            return "provider";
        case CensorScope::everywhere:
            return "everywhere";
    }
    return "story";
}

Result<std::int64_t> tell_story(const TellStory& command, StoryRepository& stories) {
    if (command.body.str().empty()) return fail(ErrorKind::invalid_input, "Your story is empty");
    const auto id = stories.insert_story(command);
    stories.append(events::Event{"story.submitted", "story", id, std::nullopt,
                                 std::string(story_state_name(StoryState::pending)), events::ActorRole::participant,
                                 command.month});
    return id;
}

Result<void> approve_story(const ApproveStory& command, StoryRepository& stories) {
    const auto story = stories.story(command.story_id);
    if (!story) return fail(ErrorKind::not_found, kNoStory);
    return move(stories, command.story_id, story->state, StoryState::published, Actor::moderator, command.month);
}

Result<void> reject_story(const RejectStory& command, StoryRepository& stories) {
    if (command.reason.str().empty()) {
        return fail(ErrorKind::invalid_input, "Say why the story is rejected: its writer reads it.");
    }
    const auto story = stories.story(command.story_id);
    if (!story) return fail(ErrorKind::not_found, kNoStory);
    return move(stories, command.story_id, story->state, StoryState::rejected, Actor::moderator, command.month,
                command.reason);
}

Result<void> withdraw_story(const WithdrawStory& command, StoryRepository& stories) {
    const auto story = stories.story(command.story_id);
    // Another codename's story is answered the same way as none: nothing tells them it exists.
    if (!story || story->codename_id != command.codename_id) {
        return fail(ErrorKind::not_found, "That story is not one of yours.");
    }
    return move(stories, command.story_id, story->state, StoryState::withdrawn, Actor::participant, command.month);
}

Result<void> remove_story(const RemoveStory& command, StoryRepository& stories) {
    const auto story = stories.story(command.story_id);
    if (!story) return fail(ErrorKind::not_found, kNoStory);
    // Withdrawn by its writer, or removed on an earlier ground: there is nothing left to remove.
    if (story->state == StoryState::withdrawn || story->state == StoryState::removed) return {};
    return move(stories, command.story_id, story->state, StoryState::removed, Actor::moderator, command.month);
}

Result<void> mark_safeguarding(const MarkSafeguarding& command, StoryRepository& stories) {
    if (!stories.story(command.story_id)) return fail(ErrorKind::not_found, kNoStory);
    stories.set_safeguarding(command.story_id, command.concern);
    stories.append(events::Event{command.concern ? "story.safeguarding_marked" : "story.safeguarding_cleared", "story",
                                 command.story_id, std::nullopt, std::nullopt, events::ActorRole::moderator,
                                 command.month});
    return {};
}

Result<std::int64_t> flag_story(const FlagStory& command, StoryRepository& stories) {
    auto reason = check_text(command.reason, "The reason");
    if (!reason) return std::unexpected(reason.error());
    const auto story = stories.story(command.story_id);
    if (!story || story->state != StoryState::published) {
        return fail(ErrorKind::not_found, "Only a published story can be flagged.");
    }
    const auto id = stories.insert_flag(command.story_id, command.account_id, command.month, *reason);
    stories.append(events::Event{"flag.raised", "flag", id, std::nullopt, std::string(flag_state_name(FlagState::open)),
                                 events::ActorRole::provider, command.month});
    return id;
}

Result<void> decide_flag(const DecideFlag& command, StoryRepository& stories) {
    const auto flag = stories.flag(command.flag_id);
    if (!flag) return fail(ErrorKind::not_found, "There is no such flag.");
    const auto to = command.upheld ? FlagState::upheld : FlagState::dismissed;
    if (auto ok = check_flag_transition(flag->state, to, Actor::moderator); !ok) return ok;
    if (!stories.move_flag(command.flag_id, flag->state, to)) {
        return fail(ErrorKind::conflict, "Someone else has just decided this flag. Reload the page.",
                    "flag moved by another writer");
    }
    stories.append(events::Event{"flag.decided", "flag", command.flag_id, std::string(flag_state_name(flag->state)),
                                 std::string(flag_state_name(to)), events::ActorRole::moderator, command.month});
    if (!command.upheld) return {};
    return remove_story(RemoveStory{flag->story_id, command.month}, stories);
}

Result<std::int64_t> add_censor_rule(const AddCensorRule& command, StoryRepository& stories) {
    auto checked = check_censor_phrase(command.phrase);
    if (!checked) return std::unexpected(checked.error());
    const auto& phrase = *checked;
    const auto story = stories.story(command.story_id);
    if (!story) return fail(ErrorKind::not_found, kNoStory);
    const std::optional<std::int64_t> scope_id = command.scope == CensorScope::story ? command.story_id
                                                 : command.scope == CensorScope::provider
                                                     ? story->provider_id
                                                     : std::optional<std::int64_t>();
    const auto id = stories.insert_censor_rule(phrase, command.scope, scope_id, command.month);
    stories.append(events::Event{"censor_rule.added", "censor_rule", id, std::nullopt,
                                 std::string(censor_scope_name(command.scope)), events::ActorRole::moderator,
                                 command.month});
    return id;
}

Result<std::int64_t> respond_to_story(const RespondToStory& command, StoryRepository& stories) {
    if (command.body.str().empty()) return fail(ErrorKind::invalid_input, "Enter your response");
    const auto story = stories.story(command.story_id);
    if (!story || story->state != StoryState::published) {
        return fail(ErrorKind::not_found, "Only a published story can be answered.");
    }
    const auto id =
        stories.insert_response(command.story_id, command.provider_id, command.account_id, command.month, command.body);
    stories.append(events::Event{"response.submitted", "response", id, std::nullopt,
                                 std::string(response_state_name(ResponseState::pending)), events::ActorRole::provider,
                                 command.month});
    return id;
}

Result<void> decide_response(const DecideResponse& command, StoryRepository& stories) {
    if (command.approved) {
        return move_response(stories, command.response_id, ResponseState::published, Actor::moderator, command.month,
                             std::nullopt);
    }
    if (!command.reason || command.reason->str().empty()) {
        return fail(ErrorKind::invalid_input, "Say why the response is rejected: the provider reads it.");
    }
    return move_response(stories, command.response_id, ResponseState::rejected, Actor::moderator, command.month,
                         command.reason);
}

Result<void> remove_response(const RemoveResponse& command, StoryRepository& stories) {
    const auto state = stories.response_state(command.response_id);
    if (!state) return fail(ErrorKind::not_found, "There is no such response.");
    if (*state == ResponseState::withdrawn || *state == ResponseState::removed) return {};
    return move_response(stories, command.response_id, ResponseState::removed, Actor::moderator, command.month,
                         std::nullopt);
}

}  // namespace pw::stories
