#pragma once
// A story's lifecycle, and nothing else. Nothing a participant writes is public before a
// moderator approves it; a story that is flagged stays published while a moderator decides.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::stories {

enum class StoryState { pending, published, rejected, withdrawn, removed };
inline constexpr std::array kStoryStates{StoryState::pending, StoryState::published, StoryState::rejected,
                                         StoryState::withdrawn, StoryState::removed};

inline constexpr Transition<StoryState> kStoryTransitions[] = {
    {StoryState::pending, StoryState::published, Actor::moderator},
    {StoryState::pending, StoryState::rejected, Actor::moderator},  // reason required, shown to the writer
    {StoryState::pending, StoryState::withdrawn, Actor::participant},
    {StoryState::published, StoryState::withdrawn, Actor::participant},
    {StoryState::published, StoryState::removed, Actor::moderator},  // a flag upheld
};

std::string_view story_state_name(StoryState state);
std::optional<StoryState> story_state_from(std::string_view name);

inline Result<void> check_story_transition(StoryState from, StoryState to, Actor actor) {
    return check_transition<StoryState>(kStoryTransitions, from, to, actor, story_state_name);
}

// A provider's flag on a published story: the story stays up until a moderator decides.
enum class FlagState { open, upheld, dismissed };
inline constexpr std::array kFlagStates{FlagState::open, FlagState::upheld, FlagState::dismissed};

inline constexpr Transition<FlagState> kFlagTransitions[] = {
    {FlagState::open, FlagState::upheld, Actor::moderator},     // the story is removed
    {FlagState::open, FlagState::dismissed, Actor::moderator},  // the story stays
};

std::string_view flag_state_name(FlagState state);
std::optional<FlagState> flag_state_from(std::string_view name);

inline Result<void> check_flag_transition(FlagState from, FlagState to, Actor actor) {
    return check_transition<FlagState>(kFlagTransitions, from, to, actor, flag_state_name);
}

// A provider's public response under a story: read by a moderator first, like a story.
enum class ResponseState { pending, published, rejected, withdrawn, removed };
inline constexpr std::array kResponseStates{ResponseState::pending, ResponseState::published, ResponseState::rejected,
                                            ResponseState::withdrawn, ResponseState::removed};

inline constexpr Transition<ResponseState> kResponseTransitions[] = {
    {ResponseState::pending, ResponseState::published, Actor::moderator},
    {ResponseState::pending, ResponseState::rejected, Actor::moderator},  // reason required, shown to the provider
    {ResponseState::pending, ResponseState::withdrawn, Actor::provider},
    {ResponseState::published, ResponseState::withdrawn, Actor::provider},
    {ResponseState::published, ResponseState::removed, Actor::moderator},
};

std::string_view response_state_name(ResponseState state);
std::optional<ResponseState> response_state_from(std::string_view name);

inline Result<void> check_response_transition(ResponseState from, ResponseState to, Actor actor) {
    return check_transition<ResponseState>(kResponseTransitions, from, to, actor, response_state_name);
}

}  // namespace pw::stories
