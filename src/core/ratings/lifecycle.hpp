#pragma once
// A rating's lifecycle, and nothing else. Changing the stars is not a state change.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::ratings {

enum class RatingState { active, withdrawn };
inline constexpr std::array kRatingStates{RatingState::active, RatingState::withdrawn};

inline constexpr Transition<RatingState> kRatingTransitions[] = {
    {RatingState::active, RatingState::withdrawn, Actor::participant},
    {RatingState::withdrawn, RatingState::active, Actor::participant},  // rated again with the codename
};

inline std::string_view rating_state_name(RatingState state) {
    return state == RatingState::active ? "active" : "withdrawn";
}
inline std::optional<RatingState> rating_state_from(std::string_view name) {
    if (name == "active") return RatingState::active;
    if (name == "withdrawn") return RatingState::withdrawn;
    return std::nullopt;
}

inline Result<void> check_rating_transition(RatingState from, RatingState to, Actor actor) {
    return check_transition<RatingState>(kRatingTransitions, from, to, actor, rating_state_name);
}

}  // namespace pw::ratings
