#include "core/stories/lifecycle.hpp"

#include <gtest/gtest.h>

#include "unit/core/lifecycle/every_pair.hpp"

using namespace pw;
using namespace pw::stories;

using pw::testing::check_every_pair;
using pw::testing::kActors;

TEST(StoryLifecycle, OnlyTheListedTransitionsAreAllowedForEveryPairOfStatesAndActor) {
    using S = StoryState;
    check_every_pair(kStoryStates,
                     {{S::pending, S::published, Actor::moderator},
                      {S::pending, S::rejected, Actor::moderator},
                      {S::pending, S::withdrawn, Actor::participant},
                      {S::published, S::withdrawn, Actor::participant},
                      {S::published, S::removed, Actor::moderator}},
                     check_story_transition);
}

TEST(StoryLifecycle, AProviderCanNeverPublishOrRemoveAStory) {
    EXPECT_FALSE(check_story_transition(StoryState::pending, StoryState::published, Actor::provider));
    EXPECT_FALSE(check_story_transition(StoryState::published, StoryState::removed, Actor::provider));
}

TEST(StoryLifecycle, RejectedAndRemovedStoriesStayDown) {
    for (auto to : kStoryStates) {
        for (auto actor : kActors) {
            EXPECT_FALSE(check_story_transition(StoryState::rejected, to, actor));
            EXPECT_FALSE(check_story_transition(StoryState::removed, to, actor));
        }
    }
}

TEST(FlagLifecycle, OnlyAModeratorDecidesAFlag) {
    using F = FlagState;
    check_every_pair(kFlagStates, {{F::open, F::upheld, Actor::moderator}, {F::open, F::dismissed, Actor::moderator}},
                     check_flag_transition);
}

TEST(ResponseLifecycle, AModeratorPublishesOrRejectsTheProviderWithdrawsAModeratorRemoves) {
    using R = ResponseState;
    check_every_pair(kResponseStates,
                     {{R::pending, R::published, Actor::moderator},
                      {R::pending, R::rejected, Actor::moderator},
                      {R::pending, R::withdrawn, Actor::provider},
                      {R::published, R::withdrawn, Actor::provider},
                      {R::published, R::removed, Actor::moderator}},
                     check_response_transition);
}

TEST(ResponseStates, NamesRoundTrip) {
    for (auto s : kResponseStates) EXPECT_EQ(response_state_from(response_state_name(s)), s);
    EXPECT_FALSE(response_state_from("deleted"));
}

TEST(StoryStates, NamesRoundTrip) {
    for (auto s : kStoryStates) EXPECT_EQ(story_state_from(story_state_name(s)), s);
    EXPECT_FALSE(story_state_from("deleted"));
}

#include "core/ratings/lifecycle.hpp"

TEST(RatingLifecycle, OnlyTheParticipantWithdrawsOrRestoresARating) {
    using pw::ratings::RatingState;
    check_every_pair(pw::ratings::kRatingStates,
                     {{RatingState::active, RatingState::withdrawn, Actor::participant},
                      {RatingState::withdrawn, RatingState::active, Actor::participant}},
                     pw::ratings::check_rating_transition);
}
