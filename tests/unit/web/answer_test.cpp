// Who answers a request: the table, and Answer's verbs on it.
#include <gtest/gtest.h>

#include <array>

#include "web/http/answer.hpp"

using namespace pw::web;

namespace {

constexpr std::array kStates = {AnswerState::open, AnswerState::claimed, AnswerState::at_deadline,
                                AnswerState::after_grace};

}  // namespace

TEST(AnswerLifecycle, EveryPairOfStatesIsAllowedOnlyWhenListed) {
    int allowed = 0;
    for (auto from : kStates)
        for (auto to : kStates) {
            const bool listed = (from == AnswerState::open && to == AnswerState::claimed) ||
                                (from == AnswerState::open && to == AnswerState::at_deadline) ||
                                (from == AnswerState::claimed && to == AnswerState::after_grace);
            EXPECT_EQ(answer_transition_allowed(from, to), listed)
                << static_cast<int>(from) << " -> " << static_cast<int>(to);
            allowed += answer_transition_allowed(from, to);
        }
    EXPECT_EQ(allowed, 3);
}

TEST(AnswerLifecycle, AHandlerThatClaimsFirstKeepsTheAnswerUntilTheGraceRunsOut) {
    Answer answer;
    EXPECT_TRUE(answer.claim());
    EXPECT_TRUE(answer.claim());  // claiming again is still the handler's
    EXPECT_FALSE(answer.answer_at_deadline());
    EXPECT_EQ(answer.state(), AnswerState::claimed);
    EXPECT_FALSE(answer.abandoned());
    answer.answer_after_grace();
    EXPECT_EQ(answer.state(), AnswerState::after_grace);
    EXPECT_TRUE(answer.abandoned());
    EXPECT_FALSE(answer.claim());
}

TEST(AnswerLifecycle, OnceTheDeadlineHasAnsweredTheHandlerCannotClaim) {
    Answer answer;
    EXPECT_TRUE(answer.answer_at_deadline());
    EXPECT_TRUE(answer.abandoned());
    EXPECT_FALSE(answer.claim());
    answer.answer_after_grace();  // not a transition from here: nothing changes
    EXPECT_EQ(answer.state(), AnswerState::at_deadline);
}

TEST(AnswerLifecycle, TheGraceIsOnlyForAClaimedAnswer) {
    Answer answer;
    answer.answer_after_grace();
    EXPECT_EQ(answer.state(), AnswerState::open);
    EXPECT_FALSE(answer.abandoned());
}

TEST(AnswerLifecycle, WhereNoServerRunsTheRequestItIsNeverAbandonedAndAlwaysClaimed) {
    EXPECT_FALSE(abandoned(nullptr));
    EXPECT_TRUE(claim_answer(nullptr));
}
