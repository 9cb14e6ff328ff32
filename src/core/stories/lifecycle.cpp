#include "core/stories/lifecycle.hpp"

namespace pw::stories {

std::string_view story_state_name(StoryState state) {
    switch (state) {
        case StoryState::pending:
            return "pending";
        case StoryState::published:
            return "published";
        case StoryState::rejected:
            return "rejected";
        case StoryState::withdrawn:
            return "withdrawn";
        case StoryState::removed:
            return "removed";
    }
    return "pending";
}

std::optional<StoryState> story_state_from(std::string_view name) {
    return state_named(kStoryStates, story_state_name, name);
}

std::string_view flag_state_name(FlagState state) {
    switch (state) {
        case FlagState::open:
            return "open";
        case FlagState::upheld:
            return "upheld";
        case FlagState::dismissed:
            return "dismissed";
    }
    return "open";
}

std::optional<FlagState> flag_state_from(std::string_view name) {
    return state_named(kFlagStates, flag_state_name, name);
}

std::string_view response_state_name(ResponseState state) {
    switch (state) {
        case ResponseState::pending:
            return "pending";
        case ResponseState::published:
            return "published";
        case ResponseState::rejected:
            return "rejected";
        case ResponseState::withdrawn:
            return "withdrawn";
        case ResponseState::removed:
            return "removed";
    }
    return "pending";
}

std::optional<ResponseState> response_state_from(std::string_view name) {
    return state_named(kResponseStates, response_state_name, name);
}

}  // namespace pw::stories
