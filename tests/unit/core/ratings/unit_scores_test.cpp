#include <gtest/gtest.h>

#include "core/ratings/service.hpp"

using namespace pw::ratings;

TEST(UnitScores, NothingIsPublishedBelowTheMinimum) {
    RatingCounts unit;
    unit.overall = {1, 2, 3, 2, 1};  // 9 raters
    auto scores = unit_scores(unit, unit, ScoreSettings{});
    EXPECT_FALSE(scores.overall.shown);
    EXPECT_TRUE(scores.distribution.empty());
}

TEST(UnitScores, TheDistributionPassesDisclosureControl) {
    RatingCounts unit;
    unit.overall = {2, 0, 5, 8, 20};
    auto scores = unit_scores(unit, unit, ScoreSettings{});
    ASSERT_TRUE(scores.overall.shown);
    ASSERT_EQ(scores.distribution.size(), 5u);
    EXPECT_FALSE(scores.distribution[0].shown);  // 2: under 5
    EXPECT_FALSE(scores.distribution[1].shown);  // 0: the complementary cell
    EXPECT_TRUE(scores.distribution[4].shown);
}

TEST(UnitScores, AnAspectNeedsItsOwnTenRaters) {
    RatingCounts unit;
    unit.overall = {0, 0, 0, 10, 10};
    unit.aspects[0] = {0, 0, 0, 5, 5};
    unit.aspects[1] = {0, 0, 0, 4, 5};
    auto scores = unit_scores(unit, unit, ScoreSettings{});
    EXPECT_TRUE(scores.aspects[0].shown);
    EXPECT_FALSE(scores.aspects[1].shown);
}
