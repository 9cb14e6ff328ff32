#include "core/publication/publish.hpp"

#include <random>

#include <gtest/gtest.h>

#include "core/publication/snapshot.hpp"

using namespace pw::publication;
using pw::ratings::UnitKind;

namespace {
pw::disclosure::RandomBits seeded(unsigned seed) {
    auto engine = std::make_shared<std::mt19937_64>(seed);
    return [engine] { return (*engine)(); };
}

pw::disclosure::RandomBits no_noise() {
    // Bits that make both geometric draws 0 (u = 1, log u = 0): a mechanism with the noise off.
    return [] { return ~std::uint64_t{0}; };
}

// Prime 1 holds contracts in areas 10 and 11; sub-contractor 2 works under the one in area 10;
// provider 3 is a prime in area 11 with office 30. Office 20 belongs to the sub-contractor.
RegistryShape shape() {
    RegistryShape s;
    s.providers = {1, 2, 3};
    s.offices = {{20, 2}, {30, 3}};
    s.contracts = {{1, 10}, {1, 11}, {3, 11}};
    s.subcontracts = {{2, 0}};
    return s;
}

RatingCells stars(int value, long long count = 1) {
    RatingCells cells;
    cells.measures[0][value - 1] = count;
    return cells;
}
}  // namespace

TEST(PublicationStructure, EveryUnitGetsALeafPerAreaItWorksIn) {
    const Structure structure(shape());
    const std::vector<Leaf> expected{{1, 0, 10}, {1, 0, 11}, {2, 0, 10}, {2, 20, 10}, {3, 0, 11}, {3, 30, 11}};
    EXPECT_EQ(structure.rating_leaves(), expected);
    EXPECT_EQ(structure.referrers(), (std::vector<std::int64_t>{0, 1, 2, 3}));
}

TEST(PublicationStructure, PlacesARatingFromAnAreaTheProviderLeftInItsFirstArea) {
    const Structure structure(shape());
    EXPECT_EQ(structure.place({2, 20, 11}), (Leaf{2, 20, 10}));
    EXPECT_EQ(structure.place({1, 0, 11}), (Leaf{1, 0, 11}));
    EXPECT_FALSE(structure.place({9, 0, 10}));
}

TEST(DrawMonth, GivesEveryLeafACellRatedOrNot) {
    const Structure structure(shape());
    const auto month = draw_month(structure, {{Leaf{2, 20, 10}, stars(4)}}, {}, seeded(3));
    EXPECT_EQ(month.ratings.size(), structure.rating_leaves().size());
    EXPECT_EQ(month.sanctions.size(), structure.referrers().size());
}

TEST(DrawMonth, AddsNoiseToEveryCountIncludingZeros) {
    const Structure structure(shape());
    const auto month = draw_month(structure, {}, {}, seeded(5));
    long long nonzero = 0;
    for (const auto& [leaf, cells] : month.ratings) {
        for (const auto& histogram : cells.measures) {
            for (auto count : histogram) nonzero += count != 0;
        }
    }
    EXPECT_GT(nonzero, 50);  // of 6 leaves x 35 counts: zeros do not stay zero
}

TEST(DrawMonth, WithoutNoiseKeepsTheCounts) {
    const Structure structure(shape());
    const auto month = draw_month(structure, {{Leaf{2, 20, 10}, stars(4, 3)}}, {}, no_noise());
    EXPECT_EQ(month.ratings.at(Leaf{2, 20, 10}), stars(4, 3));
    EXPECT_EQ(month.ratings.at(Leaf{1, 0, 10}), RatingCells{});
}

TEST(RollUp, ParentsAreSumsOfTheirLeavesSoDifferencesAreOnlyOtherLeaves) {
    const Structure structure(shape());
    const auto month = draw_month(structure, {{Leaf{2, 20, 10}, stars(2)}, {Leaf{1, 0, 11}, stars(5)}}, {}, seeded(7));
    std::map<Leaf, RatingSum> leaves;
    for (const auto& [leaf, cells] : month.ratings) leaves[leaf] = {cells, 1};
    const auto units = roll_up(structure, leaves);

    auto sum_of = [&](std::initializer_list<Leaf> list) {
        RatingCells total;
        for (const auto& leaf : list) total += leaves.at(leaf).cells;
        return total;
    };
    // The sub-contractor's office, the sub-contractor, its prime (area 10 only), the areas.
    EXPECT_EQ(units.at({UnitKind::office, 20, 0}).cells, sum_of({{2, 20, 10}}));
    EXPECT_EQ(units.at({UnitKind::provider, 2, 0}).cells, sum_of({{2, 0, 10}, {2, 20, 10}}));
    EXPECT_EQ(units.at({UnitKind::provider, 1, 0}).cells, sum_of({{1, 0, 10}, {1, 0, 11}, {2, 0, 10}, {2, 20, 10}}));
    EXPECT_EQ(units.at({UnitKind::area, 10, 0}).cells, sum_of({{1, 0, 10}, {2, 0, 10}, {2, 20, 10}}));
    EXPECT_EQ(units.at({UnitKind::area, 11, 0}).cells, sum_of({{1, 0, 11}, {3, 0, 11}, {3, 30, 11}}));
    EXPECT_EQ(units.at({UnitKind::prime_in_area, 1, 10}).cells, sum_of({{1, 0, 10}, {2, 0, 10}, {2, 20, 10}}));
    EXPECT_EQ(units.at({UnitKind::prime_in_area, 3, 11}).cells, sum_of({{3, 0, 11}, {3, 30, 11}}));
    EXPECT_EQ(units.at({UnitKind::provider, 1, 0}).cells_summed, 4);
    // The area is exactly its primes' work there: area minus primes is zero, not one person.
    RatingCells primes = units.at({UnitKind::prime_in_area, 1, 11}).cells;
    primes += units.at({UnitKind::prime_in_area, 3, 11}).cells;
    EXPECT_EQ(units.at({UnitKind::area, 11, 0}).cells, primes);
}

TEST(SnapshotScores, HidesAnEmptyUnitWhoseNoiseAloneLooksLikeRatings) {
    // Pure noise over 24 months of an office: the threshold follows the noise, not just 10.
    const Structure structure(shape());
    std::map<Leaf, RatingSum> leaves;
    const auto bits = seeded(11);
    int shown = 0;
    for (int trial = 0; trial < 200; ++trial) {
        RatingSum sum;
        for (int m = 0; m < 24; ++m) sum += RatingSum{draw_month(structure, {}, {}, bits).ratings.at({3, 30, 11}), 1};
        const Snapshot snapshot({}, {{UnitKey{UnitKind::office, 30, 0}, sum}}, {}, {});
        shown += snapshot.scores({UnitKind::office, 30, 0}).overall.shown;
    }
    EXPECT_LE(shown, 4);  // about 0.13% by the three-sigma rule
}

TEST(SnapshotScores, ABusyUnitsScoreIsCloseToTheTruthAndTheIntervalCoversIt) {
    const Structure structure(shape());
    const auto bits = seeded(13);
    RatingSum sum;
    for (int m = 0; m < 24; ++m) {
        RatingCells raw = stars(2, 20);
        raw += stars(4, 20);  // a true mean of 3
        sum += RatingSum{draw_month(structure, {{Leaf{3, 30, 11}, raw}}, {}, bits).ratings.at({3, 30, 11}), 1};
    }
    const Snapshot snapshot({}, {{UnitKey{UnitKind::office, 30, 0}, sum}}, {}, {});
    const auto& score = snapshot.scores({UnitKind::office, 30, 0}).overall;
    ASSERT_TRUE(score.shown);
    EXPECT_NEAR(score.mean, 3.0, 0.15);
    EXPECT_LE(score.lower, 3.0);
    EXPECT_GE(score.upper, 3.0);
}

TEST(SnapshotScores, AUnitNotInTheSnapshotHasNotEnoughRatings) {
    const Snapshot snapshot({}, {}, {}, {});
    EXPECT_FALSE(snapshot.scores({UnitKind::provider, 1, 0}).overall.shown);
    EXPECT_FALSE(snapshot.sanctions(1).shown());
}

TEST(Cells, FlattenAndBackKeepsEveryCount) {
    RatingCells cells = stars(3, 7);
    cells.measures[6][4] = -2;
    EXPECT_EQ(rating_cells_from(flatten(cells)), cells);
    SanctionCells s;
    s.logged_by_reason[1] = 4;
    s.overturned = -1;
    EXPECT_EQ(sanction_cells_from(flatten(s)), s);
}
