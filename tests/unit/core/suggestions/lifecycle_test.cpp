#include "core/suggestions/lifecycle.hpp"

#include <gtest/gtest.h>

#include "unit/core/lifecycle/every_pair.hpp"

using namespace pw;
using namespace pw::suggestions;
using pw::testing::check_every_pair;

TEST(SuggestionLifecycle, OnlyTheListedTransitionsAreAllowedForEveryPairOfStatesAndActor) {
    using S = SuggestionState;
    check_every_pair(kSuggestionStates,
                     {{S::open, S::under_consideration, Actor::provider},
                      {S::open, S::declined, Actor::provider},
                      {S::under_consideration, S::planned, Actor::provider},
                      {S::under_consideration, S::declined, Actor::provider},
                      {S::planned, S::implemented, Actor::provider},
                      {S::planned, S::declined, Actor::provider}},
                     check_suggestion_transition);
}

TEST(SuggestionLifecycle, AChangeIsOnlyMadeAfterItWasPlanned) {
    EXPECT_FALSE(check_suggestion_transition(SuggestionState::open, SuggestionState::implemented, Actor::provider));
    EXPECT_FALSE(check_suggestion_transition(SuggestionState::under_consideration, SuggestionState::implemented,
                                             Actor::provider));
}

TEST(SuggestionLifecycle, DeclinedAndImplementedAreFinal) {
    for (auto to : kSuggestionStates) {
        for (auto actor : pw::testing::kActors) {
            EXPECT_FALSE(check_suggestion_transition(SuggestionState::declined, to, actor));
            EXPECT_FALSE(check_suggestion_transition(SuggestionState::implemented, to, actor));
        }
    }
}

TEST(SuggestionLifecycle, DeclinedAndImplementedNeedANote) {
    EXPECT_TRUE(note_required(SuggestionState::declined));
    EXPECT_TRUE(note_required(SuggestionState::implemented));
    EXPECT_FALSE(note_required(SuggestionState::planned));
    EXPECT_FALSE(note_required(SuggestionState::under_consideration));
}

TEST(SuggestionReview, OnlyAModeratorDecidesAndOnlyOnce) {
    using R = Review;
    check_every_pair(kReviews,
                     {{R::pending, R::published, Actor::moderator},
                      {R::pending, R::rejected, Actor::moderator},
                      {R::rejected, R::pending, Actor::provider}},
                     check_review_transition);
}

TEST(SuggestionLifecycle, NamesRoundTrip) {
    for (auto s : kSuggestionStates) EXPECT_EQ(suggestion_state_from(suggestion_state_name(s)), s);
    for (auto r : kReviews) EXPECT_EQ(review_from(review_name(r)), r);
    EXPECT_FALSE(suggestion_state_from("implemented "));
    EXPECT_FALSE(review_from(""));
}
