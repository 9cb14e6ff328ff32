#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "core/sanctions/case.hpp"
#include "core/sanctions/deadline.hpp"
#include "core/sanctions/lifecycle.hpp"

using namespace pw;
using namespace pw::sanctions;
using namespace std::chrono;

TEST(SanctionLifecycle, EveryPairOfStatesIsAllowedOnlyWhenListed) {
    using S = CaseState;
    const std::set<std::pair<S, S>> allowed{
        {S::referred, S::reserved},
        {S::referred, S::cancelled},
        {S::referred, S::non_adverse},
        {S::referred, S::adverse},
        {S::reserved, S::non_adverse},
        {S::reserved, S::adverse},
        {S::reserved, S::cancelled},
        {S::adverse, S::reconsideration_requested},
        {S::reconsideration_requested, S::reconsideration_upheld},
        {S::reconsideration_requested, S::overturned_reconsideration},
        {S::reconsideration_upheld, S::appeal_lodged},
        {S::appeal_lodged, S::appeal_won},
        {S::appeal_lodged, S::appeal_lost},
    };
    int pairs = 0;
    for (auto from : kCaseStates) {
        for (auto to : kCaseStates) {
            EXPECT_EQ(check_case_transition(from, to).has_value(), allowed.contains({from, to}))
                << case_state_key(from) << " -> " << case_state_key(to);
            ++pairs;
        }
    }
    EXPECT_EQ(pairs, 121);
}

TEST(SanctionLifecycle, AnAppealNeedsAReconsiderationOutcomeFirst) {
    auto early = check_case_transition(CaseState::adverse, CaseState::appeal_lodged);
    ASSERT_FALSE(early);
    EXPECT_EQ(
        early.error().message,
        "An appeal needs the outcome of a mandatory reconsideration first: ask for one, then record its outcome.");
    auto premature = check_case_transition(CaseState::referred, CaseState::reconsideration_requested);
    EXPECT_EQ(premature.error().message,
              "You can ask for a mandatory reconsideration only after a decision to sanction you.");
}

TEST(SanctionLifecycle, StateKeysRoundTrip) {
    for (auto s : kCaseStates) EXPECT_EQ(case_state_from(case_state_key(s)), s);
    EXPECT_FALSE(case_state_from("appealed"));
}

TEST(ReconsiderationDeadline, IsOneCalendarMonthAfterTheDecision) {
    EXPECT_EQ(reconsideration_deadline(2026y / November / 10), 2026y / December / 10);
    EXPECT_EQ(reconsideration_deadline(2026y / December / 15), 2027y / January / 15);  // across the year end
}

TEST(ReconsiderationDeadline, EndsOnTheLastDayOfAShorterMonth) {
    EXPECT_EQ(reconsideration_deadline(2025y / January / 31), 2025y / February / 28);
    EXPECT_EQ(reconsideration_deadline(2024y / January / 31), 2024y / February / 29);  // leap year
    EXPECT_EQ(reconsideration_deadline(2024y / January / 29), 2024y / February / 29);
    EXPECT_EQ(reconsideration_deadline(2024y / February / 29), 2024y / March / 29);
    EXPECT_EQ(reconsideration_deadline(2026y / March / 31), 2026y / April / 30);
    EXPECT_EQ(reconsideration_deadline(2100y / January / 30), 2100y / February / 28);  // 2100 is not a leap year
}

TEST(ReconsiderationDeadline, CountsTheDaysLeft) {
    const auto deadline = reconsideration_deadline(2026y / November / 10);
    EXPECT_EQ(days_left(2026y / November / 22, deadline), 18);
    EXPECT_EQ(days_left(2026y / December / 10, deadline), 0);
    EXPECT_EQ(days_left(2026y / December / 12, deadline), -2);
}

TEST(Dates, ParseOnlyRealDates) {
    EXPECT_EQ(parse_date("2024-02-29"), 2024y / February / 29);
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("26-11-22"));
    EXPECT_FALSE(parse_date("1999-01-01"));
}

TEST(Dates, TakeADateAsPeopleTypeItDayFirst) {
    EXPECT_EQ(parse_typed_date("2026-12-03"), 2026y / December / 3);
    EXPECT_EQ(parse_typed_date("3/12/2026"), 2026y / December / 3);
    EXPECT_EQ(parse_typed_date(" 03.12.2026 "), 2026y / December / 3);
    EXPECT_EQ(parse_typed_date("3-12-26"), 2026y / December / 3);
    EXPECT_EQ(parse_typed_date("3 12 2026"), 2026y / December / 3);
    EXPECT_FALSE(parse_typed_date("12/31/2026"));  // not a month: the day comes first
    EXPECT_FALSE(parse_typed_date("29/2/2023"));
    EXPECT_FALSE(parse_typed_date("3/12/202"));
    EXPECT_FALSE(parse_typed_date("3/12"));
    EXPECT_FALSE(parse_typed_date("3/12/2026/1"));
    EXPECT_FALSE(parse_typed_date("three/12/2026"));
    EXPECT_FALSE(parse_typed_date(""));
}

TEST(SanctionLength, FollowsUniversalCreditsOwnLevels) {
    EXPECT_FALSE(sanction_length(Benefit::uc, Level::lowest, 0).weeks);
    EXPECT_EQ(sanction_length(Benefit::uc, Level::lowest, 0).fixed_weeks, 0);
    EXPECT_FALSE(sanction_length(Benefit::uc, Level::low, 0).weeks);
    EXPECT_EQ(sanction_length(Benefit::uc, Level::low, 0).fixed_weeks, 1);  // 7 days
    EXPECT_EQ(sanction_length(Benefit::uc, Level::low, 1).fixed_weeks, 2);  // 14
    EXPECT_EQ(sanction_length(Benefit::uc, Level::low, 2).fixed_weeks, 4);  // 28
    EXPECT_EQ(sanction_length(Benefit::uc, Level::medium, 0).weeks, 4);     // 28 days
    EXPECT_EQ(sanction_length(Benefit::uc, Level::medium, 1).weeks, 13);    // 91
    EXPECT_EQ(sanction_length(Benefit::uc, Level::high, 0).weeks, 13);      // 91
    EXPECT_EQ(sanction_length(Benefit::uc, Level::high, 2).weeks, 26);      // 182 at most since November 2019
    EXPECT_EQ(benefit_from("uc"), Benefit::uc);
    EXPECT_FALSE(benefit_from("pip"));
    EXPECT_EQ(levels_of(Benefit::uc).size(), 4u);
    EXPECT_EQ(levels_of(Benefit::jsa).front(), Level::lower);
    for (auto level : {Level::lower, Level::intermediate, Level::higher, Level::lowest, Level::low, Level::medium,
                       Level::high})
        EXPECT_EQ(level_from(level_key(level)), level);
}

TEST(SanctionLength, FollowsTheJsaAndEsaRules) {
    EXPECT_EQ(sanction_length(Benefit::jsa, Level::lower, 0).weeks, 4);
    EXPECT_EQ(sanction_length(Benefit::jsa, Level::lower, 1).weeks, 13);
    EXPECT_EQ(sanction_length(Benefit::jsa, Level::higher, 0).weeks, 13);
    EXPECT_EQ(sanction_length(Benefit::jsa, Level::higher, 1).weeks, 26);
    EXPECT_EQ(sanction_length(Benefit::jsa, Level::higher, 2).weeks, 156);
    EXPECT_FALSE(sanction_length(Benefit::esa, Level::lower, 0).weeks);
    EXPECT_EQ(sanction_length(Benefit::esa, Level::lower, 2).fixed_weeks, 4);
}
