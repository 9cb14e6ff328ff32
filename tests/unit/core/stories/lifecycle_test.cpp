#include "core/stories/lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

using namespace pw;
using namespace pw::stories;

namespace {
constexpr std::array kActors{Actor::participant, Actor::moderator, Actor::provider, Actor::admin};

// Every (from, to, actor) triple: allowed exactly when it is in the expected list.
template <class State, std::size_t N, class Check>
void check_every_pair(const std::array<State, N>& states, const std::set<std::tuple<State, State, Actor>>& allowed,
                      Check check) {
    int checked = 0;
    for (auto from : states) {
        for (auto to : states) {
            for (auto actor : kActors) {
                const bool expected = allowed.contains({from, to, actor});
                auto result = check(from, to, actor);
                EXPECT_EQ(result.has_value(), expected)
                    << static_cast<int>(from) << "->" << static_cast<int>(to) << " by " << actor_name(actor);
                if (!result) {
                    EXPECT_EQ(result.error().kind, ErrorKind::illegal_transition);
                }
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, static_cast<int>(N * N * kActors.size()));
}
}  // namespace

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
