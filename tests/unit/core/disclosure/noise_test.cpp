#include "core/disclosure/noise.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <random>

#include <gtest/gtest.h>

#include "core/disclosure/ledger.hpp"

using namespace pw::disclosure;

namespace {
RandomBits seeded(unsigned seed) {
    auto engine = std::make_shared<std::mt19937_64>(seed);
    return [engine] { return (*engine)(); };
}
}  // namespace

TEST(GeometricNoise, HasTheDiscreteLaplaceShape) {
    const double epsilon = 0.5;
    const auto bits = seeded(1);
    std::map<long long, long long> seen;
    constexpr int kDraws = 400000;
    double sum = 0, squares = 0;
    for (int i = 0; i < kDraws; ++i) {
        const auto k = geometric_noise(epsilon, bits);
        ++seen[k];
        sum += static_cast<double>(k);
        squares += static_cast<double>(k * k);
    }
    EXPECT_NEAR(sum / kDraws, 0.0, 0.03);
    EXPECT_NEAR(squares / kDraws, geometric_variance(epsilon), 0.15);
    // P(k) / P(k + 1) = e^epsilon for k >= 0: the guarantee itself, measured.
    for (long long k = 0; k < 4; ++k) {
        const double ratio = static_cast<double>(seen[k]) / static_cast<double>(seen[k + 1]);
        EXPECT_NEAR(ratio, std::exp(epsilon), 0.06) << k;
        EXPECT_NEAR(static_cast<double>(seen[-k]) / static_cast<double>(seen[-k - 1]), std::exp(epsilon), 0.06) << k;
    }
}

TEST(GeometricNoise, VarianceMatchesTheFormula) {
    EXPECT_NEAR(geometric_variance(1.0), 2 * std::exp(-1.0) / std::pow(1 - std::exp(-1.0), 2), 1e-12);
    EXPECT_GT(geometric_variance(0.125), geometric_variance(0.5));
}

TEST(CountBand, SaysFewerThanBelowTheThreshold) {
    EXPECT_EQ(count_band(9, 3.0, 10), "fewer than 10");
    EXPECT_EQ(count_band(-4, 3.0, 10), "fewer than 10");
}

TEST(CountBand, RoundsNoFinerThanTheNoise) {
    EXPECT_EQ(count_band(44, 3.0, 10), "about 40");
    EXPECT_EQ(count_band(46, 3.0, 10), "about 50");
    EXPECT_EQ(count_band(12, 3.0, 10), "about 10");
    EXPECT_EQ(count_band(460, 30.0, 10), "about 500");  // noise of 30 rounds to hundreds
    EXPECT_EQ(count_band(123456, 3.0, 10), "about 120000");
}

TEST(ShownFrom, IsTheMinimumOrThreeTimesTheNoise) {
    EXPECT_EQ(shown_from(10, 2.0), 10);
    EXPECT_EQ(shown_from(10, 30.2), 91);
}

TEST(PrivacyLedger, ARatingCostsAtMostWhatTheDocsPromise) {
    EXPECT_DOUBLE_EQ(epsilon_per_rating(), 0.35 + 6 * 0.075 + 0.2);  // stars, aspects, one change noticed
    EXPECT_DOUBLE_EQ(epsilon_per_sanction_case(), 1.0);
    EXPECT_DOUBLE_EQ(epsilon_per_complaint(), 0.9);
}
