#include "core/standards/status.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace pw::standards;

namespace {

Evidence scored(double mean, double lower, double upper) {
    Evidence e;
    e.score.shown = true;
    e.score.shown_from = 10;
    e.score.raters = 40;
    e.score.mean = mean;
    e.score.lower = lower;
    e.score.upper = upper;
    return e;
}

}  // namespace

TEST(Status, ExactlyTheMinimumMeetsIt) {
    EXPECT_EQ(assess(scored(3.0, 2.6, 3.4), Standards{}).status, Status::meets);
    EXPECT_TRUE(assess(scored(3.0, 2.6, 3.4), Standards{}).reasons.empty());
}

TEST(Status, AMeanJustUnderTheMinimumIsAtRisk) {
    const auto a = assess(scored(2.99, 2.6, 3.4), Standards{});
    EXPECT_EQ(a.status, Status::at_risk);
    ASSERT_EQ(a.reasons.size(), 1u);
    EXPECT_EQ(a.reasons[0], "Its score, 2.99 stars, is under the minimum of 3.00 (its likely range is 2.60 to 3.40)");
}

TEST(Status, AnIntervalTouchingTheMinimumIsAtRiskNotBelow) {
    EXPECT_EQ(assess(scored(2.7, 2.4, 3.0), Standards{}).status, Status::at_risk);
    EXPECT_EQ(assess(scored(2.7, 2.4, 2.999), Standards{}).status, Status::below_standard);
}

TEST(Status, TooFewRatingsDecideNothing) {
    Evidence e = scored(1.2, 1.0, 1.5);
    e.score.shown = false;
    e.complaints_per_100 = 90;  // whatever else it shows
    const auto a = assess(e, Standards{});
    EXPECT_EQ(a.status, Status::not_enough_ratings);
    EXPECT_EQ(a.reasons, std::vector<std::string>{"Fewer than 10 people have rated it in the last two years"});
}

TEST(Status, TooManyComplaintsOrTooFewAnswersPutAGoodScoreAtRisk) {
    Evidence e = scored(4.2, 3.9, 4.5);
    e.complaints_per_100 = 10;  // exactly the maximum: allowed
    e.answered_share = 0.75;    // exactly the minimum: allowed
    EXPECT_EQ(assess(e, Standards{}).status, Status::meets);
    e.complaints_per_100 = 10.5;
    auto a = assess(e, Standards{});
    EXPECT_EQ(a.status, Status::at_risk);
    EXPECT_EQ(a.reasons.back(), "10.5 official complaints per 100 raters, over the maximum of 10.0");
    e.complaints_per_100 = 2;
    e.answered_share = 0.5;
    a = assess(e, Standards{});
    EXPECT_EQ(a.status, Status::at_risk);
    EXPECT_EQ(a.reasons.back(), "50% of suggestions answered within 4 weeks, under the minimum of 75%");
    // They never make a provider below standard: the score alone does that.
    e = scored(2.0, 1.7, 2.4);
    e.complaints_per_100 = 50;
    a = assess(e, Standards{});
    EXPECT_EQ(a.status, Status::below_standard);
    EXPECT_EQ(a.reasons.size(), 2u);
}

TEST(Status, AStatusChangesOnlyWhenTwoPublicationsInARowAgree) {
    const Standards s;
    auto st = next_standing(std::nullopt, Status::below_standard, s);
    EXPECT_EQ(st.published, Status::not_enough_ratings) << "one publication alone changes nothing";
    EXPECT_FALSE(st.recovery);
    st = next_standing(st, Status::below_standard, s);
    EXPECT_EQ(st.published, Status::below_standard);
    EXPECT_TRUE(st.recovery);
    // Noise that flips every publication never moves it.
    for (int k = 0; k < 6; ++k) {
        st = next_standing(st, k % 2 ? Status::meets : Status::at_risk, s);
        EXPECT_EQ(st.published, Status::below_standard) << k;
    }
}

TEST(Status, RecoveryEndsAfterThreePublicationsInARowThatMeetTheStandard) {
    const Standards s;
    std::optional<Standing> st;
    for (int k = 0; k < 2; ++k) st = next_standing(st, Status::below_standard, s);
    ASSERT_TRUE(st->recovery);
    st = next_standing(st, Status::meets, s);
    st = next_standing(st, Status::meets, s);
    EXPECT_EQ(st->published, Status::meets);
    EXPECT_TRUE(st->recovery) << "two are not enough";
    st = next_standing(st, Status::at_risk, s);  // a miss starts the count again
    EXPECT_EQ(st->meeting, 0);
    for (int k = 0; k < 2; ++k) st = next_standing(st, Status::meets, s);
    EXPECT_TRUE(st->recovery);
    st = next_standing(st, Status::meets, s);
    EXPECT_FALSE(st->recovery);
}

TEST(Status, NamesRoundTripAndRefuseTheUnknown) {
    for (auto s : {Status::not_enough_ratings, Status::meets, Status::at_risk, Status::below_standard})
        EXPECT_EQ(status_from(status_name(s)), s);
    EXPECT_FALSE(status_from("excellent"));
}

TEST(Standards, SettingsOutsideSensibleRangesAreRefusedEachWithItsField) {
    EXPECT_TRUE(check(Standards{}).empty());
    Standards bad;
    bad.minimum_stars = 6;
    bad.maximum_complaints_per_100 = -1;
    bad.minimum_answered_share = NAN;
    bad.publications_to_agree = 0;
    bad.publications_to_recover = 99;
    const auto errors = check(bad);
    ASSERT_EQ(errors.size(), 5u);
    EXPECT_EQ(errors[0].field, "minimum_stars");
    EXPECT_EQ(errors[2].field, "minimum_answered_share");
    Standards edge;
    edge.minimum_stars = 5;
    edge.maximum_complaints_per_100 = 0;
    edge.minimum_answered_share = 1;
    EXPECT_TRUE(check(edge).empty());
}

TEST(Status, ReasonsNeverRoundAcrossTheLineTheyDraw) {
    Standards s;
    s.minimum_stars = 3.0;
    auto a = assess(scored(2.8, 2.5, 2.9999), s);
    ASSERT_EQ(a.status, Status::below_standard);
    EXPECT_NE(a.reasons[0].find("(2.50 to 2.99)"), std::string::npos) << a.reasons[0];
    Evidence e = scored(4.0, 3.5, 4.5);
    e.complaints_per_100 = 10.01;
    a = assess(e, s);
    EXPECT_EQ(a.reasons.back(), "10.1 official complaints per 100 raters, over the maximum of 10.0");
}

TEST(Status, RecoveryEndsAfterExactlyTheGivenNumberThatMeetEvenWhileTheStatusCatchesUp) {
    Standards s;
    std::optional<Standing> st;
    for (int k = 0; k < 2; ++k) st = next_standing(st, Status::below_standard, s);
    ASSERT_TRUE(st->recovery);
    st = next_standing(st, Status::meets, s);  // published still below: the first that meets
    EXPECT_EQ(st->published, Status::below_standard);
    EXPECT_EQ(st->meeting, 1);
    st = next_standing(st, Status::meets, s);
    EXPECT_TRUE(st->recovery);
    st = next_standing(st, Status::meets, s);
    EXPECT_FALSE(st->recovery) << "three in a row that meet end it";
}
