#include "core/statistics/proportions.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace pw::statistics;

// Worked by hand: 30/100 and 50/100. Pooled 0.4; expected 40 and 60 in each row;
// chi-square = 2 * ((10^2/40) + (10^2/60)) = 8.3333, df 1, p = 0.003892.
TEST(EqualProportions, MatchesAHandWorkedTwoByTwoTable) {
    std::vector<Group> groups{{"a", 30, 100}, {"b", 50, 100}};
    auto r = *equal_proportions(groups);
    EXPECT_NEAR(r.statistic, 8.33333, 1e-4);
    EXPECT_EQ(r.degrees_of_freedom, 1);
    EXPECT_NEAR(r.p_value, 0.003892, 1e-5);
    EXPECT_DOUBLE_EQ(r.pooled_share, 0.4);
}

TEST(EqualProportions, EqualSharesGiveNoEvidence) {
    std::vector<Group> groups{{"a", 25, 100}, {"b", 50, 200}, {"c", 5, 20}};
    auto r = *equal_proportions(groups);
    EXPECT_NEAR(r.statistic, 0.0, 1e-12);
    EXPECT_NEAR(r.p_value, 1.0, 1e-12);
}

TEST(EqualProportions, RefusesFewerThanTwoGroupsImpossibleCountsOrNothingToCompare) {
    std::vector<Group> one{{"a", 1, 2}};
    EXPECT_EQ(equal_proportions(one).error().message, "a test of equal shares needs two groups or more");
    std::vector<Group> bad{{"a", 3, 2}, {"b", 1, 2}};
    EXPECT_EQ(equal_proportions(bad).error().message, "the counts for a are not a share of a total");
    std::vector<Group> empty{{"a", 0, 0}, {"b", 1, 2}};  // a provider with no referrals published
    EXPECT_EQ(equal_proportions(empty).error().message, "the counts for a are not a share of a total");
    std::vector<Group> none{{"a", 0, 5}, {"b", 0, 7}};  // would divide by a zero expected count
    EXPECT_EQ(equal_proportions(none).error().message,
              "every group is at 0% or every group at 100%: nothing to compare");
}
