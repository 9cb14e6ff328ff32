// The flood check on simulated months: genuine ratings drawn at random around a provider's
// level, the publication's own noise added to every cell, then floods added on top. The
// simulation knows nothing of the check's thresholds beyond what a flood is.
#include "core/standards/flood.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/disclosure/ledger.hpp"
#include "core/disclosure/noise.hpp"

using namespace pw;
using namespace pw::standards;
using publication::Histogram;

namespace {

constexpr int kLeaves = 4;  // a provider's own cell and three offices

struct Sim {
    std::mt19937_64 rng{20261203};
    disclosure::RandomBits bits = [this] { return rng(); };
    double epsilon = disclosure::epsilon_of(disclosure::Table::rating_stars);

    // Genuine ratings: a count around `level`, stars from a provider's usual mix.
    Histogram genuine(double level, const std::array<double, 5>& mix) {
        std::poisson_distribution<long long> count(std::max(level, 0.01));
        std::discrete_distribution<int> star(mix.begin(), mix.end());
        Histogram h{};
        for (auto n = count(rng); n > 0; --n) ++h[star(rng)];
        return h;
    }
    // As published: every leaf's five cells get their own noise.
    Histogram noisy(Histogram h) {
        for (int leaf = 0; leaf < kLeaves; ++leaf) {
            for (auto& cell : h) cell += disclosure::geometric_noise(epsilon, bits);
        }
        return h;
    }
    double noise_sd() const { return std::sqrt(kLeaves * 5 * disclosure::geometric_variance(epsilon)); }
};

constexpr std::array<double, 5> kMixed{0.15, 0.15, 0.2, 0.3, 0.2};

// `providers` providers whose levels run from 15 to 300 a month, grown by `growth` a month.
std::vector<std::vector<Histogram>> months_of(Sim& sim, int providers, int months, double growth) {
    std::vector<std::vector<Histogram>> out(providers);
    for (int p = 0; p < providers; ++p) {
        const double level = 15 + 285.0 * p / std::max(1, providers - 1);
        for (int m = 0; m < months; ++m) out[p].push_back(sim.noisy(sim.genuine(level * std::pow(growth, m), kMixed)));
    }
    return out;
}

std::vector<ProviderMonths> at_month(const Sim& sim, const std::vector<std::vector<Histogram>>& all, int month) {
    std::vector<ProviderMonths> out;
    for (std::size_t p = 0; p < all.size(); ++p) {
        ProviderMonths pm;
        pm.provider_id = static_cast<std::int64_t>(p + 1);
        pm.before.assign(all[p].begin(), all[p].begin() + month);
        pm.month = all[p][month];
        pm.noise_sd = sim.noise_sd();
        out.push_back(pm);
    }
    return out;
}

bool held(const std::vector<Hold>& holds, std::int64_t provider) {
    return std::ranges::any_of(holds, [&](const Hold& h) { return h.provider_id == provider; });
}

// Every hold over the months after the first `from`.
long long holds_over(const Sim& sim, const std::vector<std::vector<Histogram>>& all, int from) {
    long long n = 0;
    for (int m = from; m < static_cast<int>(all[0].size()); ++m) n += check_floods(at_month(sim, all, m)).size();
    return n;
}

}  // namespace

TEST(FloodCheck, OrdinaryMonthsAreAlmostNeverHeld) {
    Sim sim;
    const auto all = months_of(sim, 200, 18, 1.0);
    // 200 providers for 12 months: at most 2 in 1,000 provider-months held by chance.
    EXPECT_LE(holds_over(sim, all, 6), 5);
}

TEST(FloodCheck, SteadyGrowthIsNotAFlood) {
    Sim sim;
    const auto all = months_of(sim, 200, 18, 1.12);  // 12% a month: four times as many in a year
    EXPECT_LE(holds_over(sim, all, 6), 5);
}

TEST(FloodCheck, EveryProviderTriplingTogetherIsNotAFlood) {
    Sim sim;
    auto all = months_of(sim, 60, 8, 1.0);
    for (std::size_t p = 0; p < all.size(); ++p) {
        const double level = 15 + 285.0 * p / 59;
        all[p][7] = sim.noisy(sim.genuine(3 * level, kMixed));  // a new programme's first referrals
    }
    EXPECT_LE(check_floods(at_month(sim, all, 7)).size(), 1u);
}

TEST(FloodCheck, HoldsAProviderFloodedWithFiveStars) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    // Provider 3 usually has about 44 a month; 150 fake five-star ratings arrive.
    auto flood = sim.genuine(44, kMixed);
    flood[4] += 150;
    all[2][7] = sim.noisy(flood);
    const auto holds = check_floods(at_month(sim, all, 7));
    ASSERT_TRUE(held(holds, 3));
    const auto& hold = *std::ranges::find(holds, 3, &Hold::provider_id);
    EXPECT_EQ(hold.kind, FloodKind::jump);
    EXPECT_GT(hold.count, 150);
    EXPECT_NE(hold.why.find("were expected"), std::string::npos) << hold.why;
}

TEST(FloodCheck, HoldsARivalSunkWithOneStarAndTheFloodedFriendTogether) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    for (int p : {4, 9}) {
        auto flood = sim.genuine(15 + 285.0 * p / 29, kMixed);
        flood[p == 4 ? 0 : 4] += 200;
        all[p][7] = sim.noisy(flood);
    }
    const auto holds = check_floods(at_month(sim, all, 7));
    EXPECT_TRUE(held(holds, 5));
    EXPECT_TRUE(held(holds, 10));
}

TEST(FloodCheck, UniformStarsAtAnOrdinaryVolumeAreHeld) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    // Provider 30 (about 300 a month) keeps its volume, but 99% give one star.
    all[29][7] = sim.noisy(sim.genuine(310, {0.99, 0.004, 0.003, 0.002, 0.001}));
    const auto holds = check_floods(at_month(sim, all, 7));
    ASSERT_TRUE(held(holds, 30));
    EXPECT_EQ(std::ranges::find(holds, 30, &Hold::provider_id)->kind, FloodKind::uniform);
}

TEST(FloodCheck, AProviderAlwaysRatedOneStarIsNotHeldForIt) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    for (int m = 0; m < 8; ++m) all[19][m] = sim.noisy(sim.genuine(200, {0.95, 0.03, 0.01, 0.005, 0.005}));
    EXPECT_FALSE(held(check_floods(at_month(sim, all, 7)), 20));
}

TEST(FloodCheck, ANewProviderIsJudgedAgainstItsPeers) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    auto ordinary = at_month(sim, all, 7);
    ProviderMonths fresh;  // a contract that began last month
    fresh.provider_id = 99;
    fresh.before = {all[0][0]};
    fresh.month = sim.noisy(sim.genuine(150, kMixed));  // about what its peers have
    fresh.noise_sd = sim.noise_sd();
    ordinary.push_back(fresh);
    EXPECT_FALSE(held(check_floods(ordinary), 99));
    ordinary.back().month = sim.noisy(sim.genuine(900, kMixed));  // six times what anyone has
    EXPECT_TRUE(held(check_floods(ordinary), 99));
}

TEST(FloodCheck, AYoungSiteJudgesNothing) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    for (auto& provider : all) {
        for (auto& month : provider) month = sim.noisy({});  // nobody rated anything yet
    }
    all[3][7] = sim.noisy(sim.genuine(700, {0.97, 0.01, 0.01, 0.005, 0.005}));  // the first ratings anyone gives
    EXPECT_TRUE(check_floods(at_month(sim, all, 7)).empty());
}

TEST(FloodCheck, OnASmallSiteThreeProvidersWithAHistoryAreEnough) {
    Sim sim;
    auto all = months_of(sim, 4, 8, 1.0);  // 15 a month (within its noise: no history), 110, 205 and 300
    auto flood = sim.genuine(110, kMixed);
    flood[0] += 400;
    all[1][7] = sim.noisy(flood);
    EXPECT_TRUE(held(check_floods(at_month(sim, all, 7)), 2));
    all.pop_back();  // with two that have a history, each is still judged against its own
    EXPECT_TRUE(held(check_floods(at_month(sim, all, 7)), 2));
}

TEST(FloodCheck, HeldWhateverIsSentToOtherProvidersThatMonth) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    auto flood = sim.genuine(157, kMixed);
    flood[4] += 600;
    all[14][7] = sim.noisy(flood);
    // 40 small providers with no history, each sent 45 ratings the same month: the young-site
    // rule reads only earlier months, so this cannot switch the check off.
    for (int p = 0; p < 40; ++p) {
        std::vector<Histogram> quiet(7, sim.noisy({}));
        quiet.push_back(sim.noisy(sim.genuine(45, kMixed)));
        all.push_back(quiet);
    }
    EXPECT_TRUE(held(check_floods(at_month(sim, all, 7)), 15));
}

TEST(FloodCheck, ASmallProviderIsJudgedAgainstItsOwnLevelNotItsPeers) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    for (int m = 0; m < 7; ++m) all[0][m] = sim.noisy(sim.genuine(8, kMixed));  // about 8 a month
    auto flood = sim.genuine(8, kMixed);
    flood[0] += 150;  // far under its peers' level of about 150, far over its own
    all[0][7] = sim.noisy(flood);
    EXPECT_TRUE(held(check_floods(at_month(sim, all, 7)), 1));
}

TEST(FloodCheck, KindsHaveStoredNames) {
    EXPECT_EQ(flood_kind_from(flood_kind_name(FloodKind::jump)), FloodKind::jump);
    EXPECT_EQ(flood_kind_from(flood_kind_name(FloodKind::uniform)), FloodKind::uniform);
    EXPECT_EQ(flood_kind_from("storm"), std::nullopt);
}

TEST(FloodCheck, TheFirstMonthEverPublishedIsNotJudged) {
    Sim sim;
    auto all = months_of(sim, 30, 1, 1.0);
    all[3][0] = sim.noisy(sim.genuine(600, {0.97, 0.01, 0.01, 0.005, 0.005}));
    EXPECT_TRUE(check_floods(at_month(sim, all, 0)).empty());
}

TEST(FloodCheck, ASiteWhereEveryoneStartsTogetherIsNotHeldWhileHistoriesGrow) {
    Sim sim;
    auto all = months_of(sim, 60, 14, 1.0);
    for (auto& provider : all) {
        for (int m = 0; m < 6; ++m) provider[m] = sim.noisy({});  // the site opens in month 6
    }
    EXPECT_EQ(holds_over(sim, all, 1), 0);
}

TEST(FloodCheck, PureNoiseIsNeverAFlood) {
    Sim sim;
    auto all = months_of(sim, 400, 12, 1.0);
    for (auto& provider : all) {
        for (auto& month : provider) month = sim.noisy({});
    }
    EXPECT_EQ(holds_over(sim, all, 0), 0);
}

TEST(FloodCheck, AProvidersFirstRatingsAllAlikeAfterMonthsOfNothingAreNotHeld) {
    Sim sim;
    auto all = months_of(sim, 30, 8, 1.0);
    for (int trial = 0; trial < 50; ++trial) {
        for (int m = 0; m < 7; ++m) all[5][m] = sim.noisy({});                      // nobody rated it before
        all[5][7] = sim.noisy(sim.genuine(150, {0.97, 0.01, 0.01, 0.005, 0.005}));  // about its peers' level
        // Its first ratings may be held as a rise from nothing, but not for being alike.
        for (const auto& hold : check_floods(at_month(sim, all, 7)))
            ASSERT_FALSE(hold.provider_id == 6 && hold.kind == FloodKind::uniform) << "trial " << trial;
    }
}
