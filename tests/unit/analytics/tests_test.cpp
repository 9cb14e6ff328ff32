// Each detection test on small hand-made units, against figures worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "analytics/detection/tests.hpp"

using namespace pw::analytics;

namespace {

UnitData weekly(std::vector<std::int32_t> counts) {
    UnitData unit;
    unit.counts = std::move(counts);
    return unit;
}

Peers poisson_peers() { return Peers{}; }  // no over-dispersion, no league

double normal_upper_by_hand(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

}  // namespace

TEST(FloorTest, AllWeeksAtThreeIsAFloorAtThree) {
    // Poisson(3): P(3) / P(<=3) = 4.5 / (1 + 3 + 4.5 + 4.5) = 9/26; ten weeks all at 3: (9/26)^10,
    // and only q = 3 has weeks at or below it, so nothing to multiply by.
    const auto result = floor_test(weekly(std::vector<std::int32_t>(10, 3)), poisson_peers());
    ASSERT_TRUE(result.ran) << result.not_run;
    EXPECT_EQ(result.quota, 3);
    EXPECT_NEAR(result.p_value, std::pow(9.0 / 26.0, 10), 1e-12);
    EXPECT_NEAR(result.effect, 10 - 10 * 9.0 / 26.0, 1e-9);
}

TEST(FloorTest, OrdinaryWeeksShowNoFloor) {
    const auto result = floor_test(weekly({1, 2, 3, 4, 2, 3, 1, 5, 2, 3, 0, 4}), poisson_peers());
    ASSERT_TRUE(result.ran);
    EXPECT_GT(result.p_value, 0.2);
}

TEST(FloorTest, NeedsEnoughWeeks) {
    const auto result = floor_test(weekly({3, 3, 3}), poisson_peers());
    EXPECT_FALSE(result.ran);
    EXPECT_EQ(result.not_run, "needs at least 8 periods; this unit has 3");
}

TEST(DispersionTest, SteadyWeeksAreUnderDispersed) {
    // Mean 3, variance 8/8 = 1, Poisson variance 3: statistic 8 * 1 / 3 on 8 degrees of freedom.
    const auto result = dispersion_test(weekly({2, 4, 2, 4, 2, 4, 2, 4, 3}), poisson_peers());
    ASSERT_TRUE(result.ran);
    EXPECT_NEAR(result.statistic, 8.0 / 3.0, 1e-12);
    // Chi-square with even degrees of freedom k: P(X <= x) = 1 - e^(-x/2) sum_{i<k/2} (x/2)^i / i!.
    const double h = 4.0 / 3.0;
    const double lower = 1 - std::exp(-h) * (1 + h + h * h / 2 + h * h * h / 6);
    EXPECT_NEAR(result.p_value, 2 * lower, 1e-9);
    EXPECT_NEAR(result.effect, 1.0 / 3.0, 1e-12);
}

TEST(PeriodEndTest, ReferralsCrowdedIntoTheMonthsLastWorkingDays) {
    const Calendar march(*parse_day("2012-03-01"), *parse_day("2012-03-31"));
    UnitData unit;
    unit.calendar = &march;
    for (int day = 26; day <= 30; ++day)  // Monday 26 to Friday 30 March: the last 5 of 22 working days
        for (int i = 0; i < 4; ++i) unit.referrals.push_back({day_from_civil(2012, 3, day), Decision::adverse});
    const auto result = period_end_test(unit);
    ASSERT_TRUE(result.ran) << result.not_run;
    // No whole week holds these days (the week of the 26th ends in April), so only the month counts.
    EXPECT_NEAR(result.p_value, 2 * std::pow(5.0 / 22.0, 20), 1e-20);
    EXPECT_NEAR(result.effect, 22.0 / 5.0, 1e-9);
}

TEST(PeriodEndTest, NeedsDates) {
    const auto result = period_end_test(weekly({3, 3, 3}));
    EXPECT_FALSE(result.ran);
    EXPECT_EQ(result.not_run, "needs the date of each referral (events input)");
}

TEST(LeagueRaceTest, AUnitThatCatchesUpAfterFallingBehind) {
    // Peers' median is 5 every week; the unit makes 9 after each week it made 1, and 1 after 9.
    std::vector<double> median(30, 5.0);
    UnitData unit;
    for (int t = 0; t < 30; ++t) unit.counts.push_back(t % 2 ? 9 : 1);
    const Peers peers{0, 0, median, 10};
    const auto result = league_race_test(unit, peers);
    ASSERT_TRUE(result.ran) << result.not_run;
    EXPECT_LT(result.p_value, 0.01);
    EXPECT_NEAR(result.effect, 2.0, 1e-9);  // 8 more referrals after a shortfall of 4
}

TEST(LeagueRaceTest, AUnitThatIgnoresTheLeague) {
    std::vector<double> median(30, 3.0);
    UnitData unit;
    unit.counts = {3, 1, 4, 1, 5, 2, 6, 5, 3, 5, 0, 2, 4, 3, 2, 3, 3, 4, 1, 2, 4, 3, 0, 2, 3, 5, 1, 4, 2, 3};
    const auto result = league_race_test(unit, Peers{0, 0, median, 10});
    ASSERT_TRUE(result.ran);
    EXPECT_GT(result.p_value, 0.05);
}

namespace {

// Advisers' weeks: Poisson at 3 a week, each adviser adding `race` referrals per referral they fell
// below the office's median adviser the week before. The median of each week is returned with them.
std::vector<UnitData> advisers_racing(double race, std::vector<double>& median, std::mt19937& random,
                                      int advisers = 6, int weeks = 52) {
    std::vector<UnitData> office(static_cast<std::size_t>(advisers));
    median.clear();
    for (int t = 0; t < weeks; ++t) {
        std::vector<int> that_week;
        for (auto& adviser : office) {
            const double behind = t == 0 ? 0 : std::max(0.0, median.back() - adviser.counts.back());
            adviser.counts.push_back(std::poisson_distribution<int>(3.0 + race * behind)(random));
            that_week.push_back(adviser.counts.back());
        }
        std::ranges::sort(that_week);
        const auto m = that_week.size() / 2;
        median.push_back(that_week.size() % 2 ? that_week[m] : (that_week[m - 1] + that_week[m]) / 2.0);
    }
    return office;
}

}  // namespace

TEST(LeagueRaceTest, AdvisersWhoCatchUpOnTheirOfficesMedian) {
    std::mt19937 random(5);
    std::vector<double> median;
    auto advisers = advisers_racing(1.0, median, random);
    const auto result = league_race_test(std::span<const UnitData>(advisers), Peers{0, 0, median, 6});
    ASSERT_TRUE(result.ran) << result.not_run;
    EXPECT_LT(result.p_value, 0.01);
    EXPECT_GT(result.effect, 0.5);  // planted: one more referral per referral of shortfall
    advisers.resize(2);
    EXPECT_FALSE(league_race_test(std::span<const UnitData>(advisers), Peers{0, 0, median, 2}).ran);
}

TEST(LeagueRaceTest, AdvisersWhoSignFortnightlyAreNotRacing) {
    // Every adviser alternates 1 and 9 a week, half of them in step: a low week is always followed
    // by a high one, as in a race, but it is the fortnight's rhythm, not a reaction to the league.
    std::vector<double> median(30, 5.0);
    std::vector<UnitData> advisers(4);
    for (std::size_t a = 0; a < advisers.size(); ++a)
        for (int t = 0; t < 30; ++t) advisers[a].counts.push_back((t + static_cast<int>(a)) % 2 ? 9 : 1);
    const auto result = league_race_test(std::span<const UnitData>(advisers), Peers{0, 0, median, 4});
    ASSERT_TRUE(result.ran) << result.not_run;
    EXPECT_GT(result.p_value, 0.05);
}

TEST(LeagueRaceTest, AdvisersWhoIgnoreTheLeagueAreRarelyFlagged) {
    // Five advisers drawing their weeks independently, in 40 offices: about 5% at p <= 5%.
    std::mt19937 random(11);
    int rejected = 0;
    for (int office = 0; office < 40; ++office) {
        std::vector<UnitData> advisers(5);
        std::poisson_distribution<int> week(3.0);
        for (auto& adviser : advisers)
            for (int t = 0; t < 52; ++t) adviser.counts.push_back(week(random));
        std::vector<double> median;
        for (int t = 0; t < 52; ++t) {
            std::vector<int> that_week;
            for (const auto& adviser : advisers) that_week.push_back(adviser.counts[static_cast<std::size_t>(t)]);
            std::ranges::sort(that_week);
            median.push_back(that_week[2]);
        }
        PermutationOptions options;
        options.seed = static_cast<std::uint64_t>(office) + 1;
        const auto result = league_race_test(std::span<const UnitData>(advisers), Peers{0, 0, median, 5}, options);
        ASSERT_TRUE(result.ran) << result.not_run;
        rejected += result.p_value <= 0.05;
    }
    EXPECT_LE(rejected, 6);  // 2 expected; 7 or more has probability 0.3% if the test is exact
}

TEST(LeagueRaceTest, AdvisersInAnOfficeWithBusySpellsAndNewStartersAreRarelyFlagged) {
    // No race: an office-wide level that lasts from week to week (busy and quiet spells), and a
    // third of the advisers joining or leaving part way through. Shortfalls are larger in busy
    // weeks, and busy weeks follow busy weeks; measured against their share of the office's week,
    // the advisers show no race. 60 offices: about 3 at p <= 5% if the test is exact.
    std::mt19937 random(23);
    std::normal_distribution<double> step(0, 0.2);
    std::uniform_int_distribution<int> when(8, 44);
    int rejected = 0;
    for (int office = 0; office < 60; ++office) {
        std::vector<UnitData> advisers(8);
        std::vector<double> rate;
        for (std::size_t a = 0; a < advisers.size(); ++a) rate.push_back(1 + 0.25 * static_cast<double>(a));
        double level = 0;
        std::vector<int> joins(advisers.size(), 0), leaves(advisers.size(), 52);
        for (std::size_t a = 0; a < advisers.size(); a += 3) (a % 2 ? leaves[a] : joins[a]) = when(random);
        std::vector<double> median;
        for (int t = 0; t < 52; ++t) {
            level = 0.8 * level + step(random);
            std::vector<int> that_week;
            for (std::size_t a = 0; a < advisers.size(); ++a) {
                const bool there = t >= joins[a] && t < leaves[a];
                advisers[a].counts.push_back(
                    there ? std::poisson_distribution<int>(rate[a] * std::exp(level))(random) : -1);
                if (there) that_week.push_back(advisers[a].counts.back());
            }
            std::ranges::sort(that_week);
            const auto m = that_week.size() / 2;
            median.push_back(that_week.size() % 2 ? that_week[m] : (that_week[m - 1] + that_week[m]) / 2.0);
        }
        PermutationOptions options;
        options.seed = static_cast<std::uint64_t>(office) + 1;
        options.permutations = 300;
        const auto result = league_race_test(std::span<const UnitData>(advisers), Peers{0, 0, median, 8}, options);
        ASSERT_TRUE(result.ran) << result.not_run;
        rejected += result.p_value <= 0.05;
    }
    EXPECT_LE(rejected, 8);  // 3 expected; 9 or more has probability 0.3% if the test is exact
}

TEST(MarginalOutcomeTest, QuotaLikeReferralsAreLessOftenAdverse) {
    const Calendar march(*parse_day("2012-03-01"), *parse_day("2012-03-31"));
    UnitData unit;
    unit.calendar = &march;
    unit.first_period = week_of(*parse_day("2012-03-01"));
    unit.counts.assign(5, 8);
    for (int i = 0; i < 10; ++i)  // month end: 2 adverse of 10
        unit.referrals.push_back({day_from_civil(2012, 3, 27), i < 2 ? Decision::adverse : Decision::non_adverse});
    for (int i = 0; i < 30; ++i)  // earlier: 21 adverse of 30
        unit.referrals.push_back({day_from_civil(2012, 3, 6 + i % 10), i < 21 ? Decision::adverse : Decision::non_adverse});
    const auto result = marginal_outcome_test(unit, std::nullopt);
    ASSERT_TRUE(result.ran) << result.not_run;
    const double pooled = 23.0 / 40.0;
    const double z = (0.7 - 0.2) / std::sqrt(pooled * (1 - pooled) * (1.0 / 10 + 1.0 / 30));
    EXPECT_NEAR(result.statistic, z, 1e-9);
    EXPECT_NEAR(result.p_value, 2 * normal_upper_by_hand(z), 1e-9);
    EXPECT_NEAR(result.effect, 0.5, 1e-12);
}
