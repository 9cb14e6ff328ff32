#pragma once
// A suggestion's lifecycle, and the moderation every public text about it goes through. Nothing
// else: the commands that use them are in commands.hpp.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::suggestions {

// What the provider did with it. Each move is the provider's, with a note the public reads.
enum class SuggestionState { open, under_consideration, planned, implemented, declined };
inline constexpr std::array kSuggestionStates{SuggestionState::open, SuggestionState::under_consideration,
                                              SuggestionState::planned, SuggestionState::implemented,
                                              SuggestionState::declined};

inline constexpr Transition<SuggestionState> kSuggestionTransitions[] = {
    {SuggestionState::open, SuggestionState::under_consideration, Actor::provider},
    {SuggestionState::open, SuggestionState::declined, Actor::provider},                 // reason required
    {SuggestionState::under_consideration, SuggestionState::planned, Actor::provider},
    {SuggestionState::under_consideration, SuggestionState::declined, Actor::provider},  // reason required
    {SuggestionState::planned, SuggestionState::implemented, Actor::provider},           // what was done, required
    {SuggestionState::planned, SuggestionState::declined, Actor::provider},              // reason required
};

std::string_view suggestion_state_name(SuggestionState state);   // "under_consideration"
std::string_view suggestion_state_label(SuggestionState state);  // "Under consideration"
std::optional<SuggestionState> suggestion_state_from(std::string_view name);

inline Result<void> check_suggestion_transition(SuggestionState from, SuggestionState to, Actor actor) {
    return check_transition<SuggestionState>(kSuggestionTransitions, from, to, actor, suggestion_state_name);
}

// Whether a move needs a note: why it was declined, what was done.
inline bool note_required(SuggestionState to) {
    return to == SuggestionState::declined || to == SuggestionState::implemented;
}

// A participant's suggestion, and each note a provider writes on it, are read by a moderator
// before anyone else sees them.
enum class Review { pending, published, rejected };
inline constexpr std::array kReviews{Review::pending, Review::published, Review::rejected};

inline constexpr Transition<Review> kReviewTransitions[] = {
    {Review::pending, Review::published, Actor::moderator},
    {Review::pending, Review::rejected, Actor::moderator},  // a suggestion's reason is shown to its writer
    {Review::rejected, Review::pending, Actor::provider},   // a provider's note, written again
};

std::string_view review_name(Review review);
std::optional<Review> review_from(std::string_view name);

inline Result<void> check_review_transition(Review from, Review to, Actor actor) {
    return check_transition<Review>(kReviewTransitions, from, to, actor, review_name);
}

}  // namespace pw::suggestions
