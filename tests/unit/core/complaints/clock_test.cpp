// The complaint clock across month and year ends, from week-dated complaints.
#include "core/complaints/clock.hpp"

#include <gtest/gtest.h>

#include "unit/core/lifecycle/every_pair.hpp"

using namespace pw;
using namespace pw::complaints;

namespace {
Week w(std::string_view text) {
    return *Week::parse(text);
}
}  // namespace

TEST(ComplaintClock, TheIceTakesAComplaintWithoutAFinalResponseEightWeeksAfterItWasSent) {
    EXPECT_EQ(ice_without_response_from(w("2026-W10")), w("2026-W18"));
    EXPECT_FALSE(overdue(ComplaintState::sent, w("2026-W10"), w("2026-W17")));
    EXPECT_TRUE(overdue(ComplaintState::sent, w("2026-W10"), w("2026-W18")));
    EXPECT_TRUE(overdue(ComplaintState::acknowledged, w("2026-W10"), w("2026-W30")));
}

TEST(ComplaintClock, CountsAcrossTheYearEndIncludingAFiftyThirdWeek) {
    // 2026 has 53 ISO weeks: sent in week 49 (early December), due in 2027's week 4.
    EXPECT_EQ(ice_without_response_from(w("2026-W49")), w("2027-W04"));
    EXPECT_FALSE(overdue(ComplaintState::sent, w("2026-W49"), w("2027-W03")));
    EXPECT_TRUE(overdue(ComplaintState::sent, w("2026-W49"), w("2027-W04")));
    // 2025 has 52: sent in its week 50, due in 2026's week 6.
    EXPECT_EQ(ice_without_response_from(w("2025-W50")), w("2026-W06"));
}

TEST(ComplaintClock, CountsAcrossAMonthEnd) {
    // Sent in the week of Monday 26 January 2026 (shown under January): due in March.
    EXPECT_EQ(w("2026-W05").month().to_string(), "2026-01");
    EXPECT_EQ(ice_without_response_from(w("2026-W05")).month().to_string(), "2026-03");
}

TEST(ComplaintClock, AFinalResponseOpensTheIceRouteAtOnceAndEndsTheClock) {
    EXPECT_TRUE(may_go_to_ice(ComplaintState::final_response, w("2026-W49"), w("2026-W50")));
    EXPECT_FALSE(overdue(ComplaintState::final_response, w("2026-W01"), w("2026-W40")));
    EXPECT_FALSE(may_go_to_ice(ComplaintState::sent, w("2026-W49"), w("2027-W03")));
    EXPECT_TRUE(may_go_to_ice(ComplaintState::sent, w("2026-W49"), w("2027-W04")));
    EXPECT_FALSE(may_go_to_ice(ComplaintState::drafted, std::nullopt, w("2030-W01")));
    EXPECT_FALSE(may_go_to_ice(ComplaintState::withdrawn, w("2026-W01"), w("2030-W01")));
}

TEST(ComplaintClock, AnAnswerIsInTimeUntilTheWeekTheIceCouldTakeIt) {
    EXPECT_TRUE(answered_in_time(w("2026-W49"), w("2027-W03")));
    EXPECT_FALSE(answered_in_time(w("2026-W49"), w("2027-W04")));
}

TEST(ComplaintLifecycle, OnlyTheListedTransitionsAreAllowedForEveryPairOfStatesAndActor) {
    using S = ComplaintState;
    const auto p = Actor::participant;
    pw::testing::check_every_pair(kComplaintStates,
                                  {{S::drafted, S::sent, p},
                                   {S::drafted, S::withdrawn, p},
                                   {S::sent, S::acknowledged, p},
                                   {S::sent, S::acknowledged, Actor::provider},
                                   {S::sent, S::final_response, p},
                                   {S::sent, S::final_response, Actor::provider},
                                   {S::acknowledged, S::final_response, p},
                                   {S::acknowledged, S::final_response, Actor::provider},
                                   {S::sent, S::withdrawn, p},
                                   {S::acknowledged, S::withdrawn, p},
                                   {S::final_response, S::taken_to_ice, p},
                                   {S::sent, S::taken_to_ice, p},
                                   {S::acknowledged, S::taken_to_ice, p}},
                                  check_complaint_transition);
}

TEST(ComplaintLifecycle, NamesRoundTrip) {
    for (auto s : kComplaintStates) EXPECT_EQ(complaint_state_from(complaint_state_name(s)), s);
    EXPECT_FALSE(complaint_state_from("overdue"));  // never a state
}
