#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analytics/detection/combine.hpp"
#include "analytics/detection/detect.hpp"

using namespace pw::analytics;

TEST(BenjaminiHochberg, StepsUpFromTheLargestPValue) {
    // Sorted 0.01, 0.03, 0.04, 0.2 over n = 4: 0.04, 0.06, 0.0533, 0.2, then running minima from the top.
    const auto q = benjamini_hochberg({0.01, 0.04, 0.03, 0.2});
    ASSERT_EQ(q.size(), 4u);
    EXPECT_NEAR(q[0], 0.04, 1e-12);
    EXPECT_NEAR(q[1], 0.04 * 4 / 3, 1e-12);
    EXPECT_NEAR(q[2], 0.04 * 4 / 3, 1e-12);
    EXPECT_NEAR(q[3], 0.2, 1e-12);
}

TEST(CombiningTests, OneTestLeavesThePValueAlone) {
    EXPECT_NEAR(combine(0.01, 1), 0.01, 1e-15);
    EXPECT_NEAR(combine(0.01, 3), 1 - std::pow(0.99, 3), 1e-15);
    EXPECT_EQ(combine(1, 3), 1);
    EXPECT_GT(combine(1e-300, 5), 0);  // tiny p-values keep their size rather than becoming zero
}

TEST(CombiningTests, FitsTheNumberOfTestsOnSimulatedNulls) {
    // Minima of 3 independent uniform p-values: the fit should come back near 3.
    std::vector<double> minima;
    for (int i = 0; i < 3000; ++i) {
        const double u = (i + 0.5) / 3000;     // evenly spread quantiles of the minimum's distribution
        minima.push_back(1 - std::cbrt(1 - u));  // inverse of 1 - (1 - p)^3
    }
    EXPECT_NEAR(fit_effective_tests(minima, 5), 3.0, 0.1);  // a line may take one null fewer, never more
    EXPECT_EQ(fit_effective_tests({0.5, 0.5}, 5), 5);  // too few to fit: the cautious bound
}

TEST(CombiningTests, TheFitHoldsAtTheLinesBenjaminiHochbergUses) {
    // 49 nulls in 50 behave like 2 independent tests, one in 50 like 200 (a unit on which a test runs
    // very hot): a fit at 5% alone puts 1.5% of them under the 1% line. The fit keeps every line: at
    // most 1% under 1%, 2% under 2%, 5% under 5%.
    std::vector<double> minima;
    for (int i = 0; i < 3000; ++i) {
        const double u = (i + 0.5) / 3000;
        minima.push_back(1 - std::pow(1 - u, 1.0 / (i % 50 == 0 ? 200 : 2)));
    }
    const double m = fit_effective_tests(minima, 5);
    for (double line : {0.01, 0.02, 0.05}) {
        const auto under = std::ranges::count_if(minima, [&](double p) { return combine(p, m) <= line; });
        EXPECT_LE(static_cast<double>(under), line * 3000) << "line " << line << ", m " << m;
    }
}

TEST(CombiningTests, TestsThatRejectTooOftenAreCorrectedBeyondTheirNumber) {
    // Three tests, but the minima behave like those of eight: the fit follows the nulls past three,
    // so 5% of nulls are still flagged, up to four times the tests and no further.
    auto minima_of = [](double tests) {
        std::vector<double> minima;
        for (int i = 0; i < 3000; ++i) minima.push_back(1 - std::pow(1 - (i + 0.5) / 3000, 1 / tests));
        return minima;
    };
    EXPECT_NEAR(fit_effective_tests(minima_of(8), 3), 8.0, 0.2);
    EXPECT_EQ(fit_effective_tests(minima_of(30), 3), 12);
}
