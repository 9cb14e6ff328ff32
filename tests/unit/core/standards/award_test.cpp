#include "core/standards/award.hpp"

#include <gtest/gtest.h>

using namespace pw;
using namespace pw::standards;
using publication::RatingSum;
using publication::UnitKey;

namespace {

// A provider's year: `counts` of 1 to 5 stars, exact (no noise: one cell summed).
RatingSum year_of(std::array<long long, 5> counts) {
    RatingSum sum;
    sum.cells.measures[0] = counts;
    sum.cells_summed = 1;
    return sum;
}

publication::Snapshot year(const std::map<std::int64_t, RatingSum>& providers) {
    std::map<UnitKey, RatingSum> units;
    RatingSum programme;
    for (const auto& [id, sum] : providers) {
        units[{ratings::UnitKind::provider, id, 0}] = sum;
        programme += sum;
    }
    return publication::Snapshot({}, std::move(units), programme, {});
}

std::vector<std::int64_t> winners(const std::vector<AwardPlace>& places) {
    std::vector<std::int64_t> out;
    for (const auto& p : places) out.push_back(p.provider_id);
    return out;
}

}  // namespace

TEST(Award, ManyGoodRatingsBeatAFewGlowingOnes) {
    const auto y = year({{1, year_of({20, 20, 60, 200, 300})}, {2, year_of({0, 0, 0, 1, 29})}});
    const auto places = rank_for_award(y, std::vector<std::int64_t>{1, 2});
    ASSERT_EQ(places.size(), 2u);
    EXPECT_EQ(places[0].provider_id, 1);
    EXPECT_EQ(places[0].place, 1);
    EXPECT_GT(places[1].score.mean, places[0].score.mean);  // the glowing few score higher, less surely
    EXPECT_GT(places[0].score.lower, places[1].score.lower);
}

TEST(Award, ProvidersWithTooFewRatingsAreNotInIt) {
    const auto y = year({{1, year_of({0, 0, 0, 0, 4})}, {2, year_of({30, 30, 30, 30, 30})}});
    EXPECT_EQ(winners(rank_for_award(y, std::vector<std::int64_t>{1, 2})), std::vector<std::int64_t>{2});
}

TEST(Award, OnlyTheTopFiveArePlacedAndTiesGoTheSameWayEveryTime) {
    std::map<std::int64_t, RatingSum> providers;
    for (std::int64_t id = 1; id <= 8; ++id) providers[id] = year_of({10, 10, 10, 10 * id, 50});
    providers[9] = providers[8];  // the same figures as 8
    const auto places = rank_for_award(year(providers), std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9});
    EXPECT_EQ(winners(places), (std::vector<std::int64_t>{8, 9, 7, 6, 5}));
    EXPECT_EQ(places.back().place, 5);
}

TEST(Award, NoOneWithEnoughRatingsMeansNoAward) {
    const auto y = year({{1, year_of({0, 0, 1, 1, 1})}});
    EXPECT_TRUE(rank_for_award(y, std::vector<std::int64_t>{1, 2}).empty());
}

TEST(Award, SaysHowManyPlacesCouldHaveBeenFirst) {
    using publication::AwardEntry;
    EXPECT_EQ(places_within_reach({}), 0);
    // The winner's range starts at 4.10: a runner-up whose range reaches 4.10 could have won.
    const std::vector<AwardEntry> close{{1, 7, 4.30, 4.10, 4.50, 900},
                                        {2, 8, 4.25, 4.05, 4.45, 800},
                                        {3, 9, 4.20, 4.00, 4.10, 700},
                                        {4, 10, 3.90, 3.70, 4.09, 600}};
    EXPECT_EQ(places_within_reach(close), 2);
    const std::vector<AwardEntry> clear{{1, 7, 4.30, 4.10, 4.50, 900}, {2, 8, 3.80, 3.60, 4.00, 800}};
    EXPECT_EQ(places_within_reach(clear), 0);
}
