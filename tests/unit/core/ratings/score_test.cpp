#include "core/ratings/score.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace pw;
using namespace pw::ratings;

namespace {
const ScoreSettings kDefaults;
const Prior kPrior{3.0, 1.0};
}  // namespace

// Worked by hand: k = 7, prior mean 3, variance 1; ten 5-star ratings.
// mean = (7*3 + 10*5) / 17 = 71/17 = 4.17647
// variance = (7*1 + 0 + (70/17)*(5-3)^2) / 17 = (7 + 16.47059) / 17 = 1.38062
// spread = sqrt(1.38062 / 17) = 0.28498; z(90%) = 1.64485; interval 3.70772 .. 4.64522
TEST(Score, TenFiveStarRatingsArePulledTowardsTheProgrammeMean) {
    auto s = score({0, 0, 0, 0, 10}, kPrior, kDefaults);
    ASSERT_TRUE(s.shown);
    EXPECT_EQ(s.raters, 10);
    EXPECT_NEAR(s.mean, 4.17647, 1e-5);
    EXPECT_NEAR(s.lower, 3.70772, 1e-4);
    EXPECT_NEAR(s.upper, 4.64522, 1e-4);
    EXPECT_EQ(standing(s, kDefaults), Standing::meets_standard);
}

// Worked by hand: 20 ratings, 12 one-star and 8 two-star. mean = 28/20 = 1.4, SS = 20*0.24 = 4.8
// posterior mean = (21 + 28) / 27 = 1.81481
// variance = (7 + 4.8 + (140/27)*(1.6^2)) / 27 = (11.8 + 13.27407) / 27 = 0.92867
// spread = sqrt(0.92867/27) = 0.18546; interval 1.50976 .. 2.11987: clearly below 3 stars
TEST(Score, ConsistentlyPoorRatingsAreClearlyBelowStandard) {
    auto s = score({12, 8, 0, 0, 0}, kPrior, kDefaults);
    ASSERT_TRUE(s.shown);
    EXPECT_NEAR(s.mean, 1.81481, 1e-5);
    EXPECT_NEAR(s.lower, 1.50976, 1e-4);
    EXPECT_NEAR(s.upper, 2.11987, 1e-4);
    EXPECT_EQ(standing(s, kDefaults), Standing::below_standard);
}

// Ten ratings averaging 2.8 with a wide spread: the mean is under 3 but the interval reaches it.
TEST(Score, AMeanUnderThreeWithAWideIntervalIsAtRisk) {
    auto s = score({3, 1, 2, 2, 2}, kPrior, kDefaults);
    ASSERT_TRUE(s.shown);
    EXPECT_LT(s.mean, 3.0);
    EXPECT_GE(s.upper, 3.0);
    EXPECT_EQ(standing(s, kDefaults), Standing::at_risk);
}

TEST(Score, FewerThanTenRatersNeverShowAScore) {
    for (long long n = 0; n < 10; ++n) {
        auto s = score({0, 0, 0, 0, n}, kPrior, kDefaults);
        EXPECT_FALSE(s.shown) << n;
        EXPECT_EQ(s.raters, n);
        EXPECT_EQ(standing(s, kDefaults), Standing::not_enough_ratings);
    }
    EXPECT_TRUE(score({0, 0, 0, 0, 10}, kPrior, kDefaults).shown);
}

TEST(Score, TheMinimumIsASetting) {
    ScoreSettings strict;
    strict.min_raters = 50;
    EXPECT_FALSE(score({10, 10, 10, 10, 9}, kPrior, strict).shown);
    EXPECT_TRUE(score({10, 10, 10, 10, 10}, kPrior, strict).shown);
}

// Properties over many random distributions (fixed seed, so a failure repeats).
TEST(ScoreProperties, ANewFiveStarRatingNeverLowersTheMean) {
    std::mt19937 random(20261122);
    std::uniform_int_distribution<int> count(0, 40);
    for (int trial = 0; trial < 5000; ++trial) {
        StarCounts counts{count(random), count(random), count(random), count(random), count(random)};
        Prior prior{1.0 + (random() % 400) / 100.0, 0.25 + (random() % 300) / 100.0};
        ScoreSettings settings;
        settings.min_raters = 1;
        auto before = score(counts, prior, settings);
        counts[4] += 1;
        auto after = score(counts, prior, settings);
        if (before.shown) {
            EXPECT_GE(after.mean, before.mean - 1e-12);
        }
    }
}

TEST(ScoreProperties, TheIntervalHoldsTheMeanAndStaysWithinOneToFiveStars) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> count(0, 30);
    for (int trial = 0; trial < 5000; ++trial) {
        StarCounts counts{count(random), count(random), count(random), count(random), count(random)};
        auto s = score(counts, kPrior, kDefaults);
        if (!s.shown) continue;
        EXPECT_LE(s.lower, s.mean);
        EXPECT_GE(s.upper, s.mean);
        EXPECT_GE(s.lower, 1.0);
        EXPECT_LE(s.upper, 5.0);
    }
}

TEST(Prior, ComesFromTheProgrammeOnceThereAreEnoughRatings) {
    auto p = prior_from({0, 0, 10, 0, 10}, kDefaults);  // mean 4, variance 1
    EXPECT_DOUBLE_EQ(p.mean, 4.0);
    EXPECT_DOUBLE_EQ(p.variance, 1.0);
    auto neutral = prior_from({0, 0, 0, 0, 3}, kDefaults);
    EXPECT_DOUBLE_EQ(neutral.mean, 3.0);
    auto unanimous = prior_from({0, 0, 0, 0, 100}, kDefaults);
    EXPECT_DOUBLE_EQ(unanimous.variance, 0.25);
}

TEST(Window, CountsTheLastTwentyFourMonthsIncludingThisOne) {
    const auto now = *Month::parse("2026-11");
    EXPECT_TRUE(in_window(now, now, 24));
    EXPECT_TRUE(in_window(*Month::parse("2024-12"), now, 24));
    EXPECT_FALSE(in_window(*Month::parse("2024-11"), now, 24));
    EXPECT_FALSE(in_window(*Month::parse("2026-12"), now, 24));  // the future does not count
    EXPECT_EQ(window_start(now, 24).to_string(), "2024-12");
}
