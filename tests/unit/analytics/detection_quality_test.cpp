// How well the engine finds planted regimes in simulated data: ROC AUC per regime against null
// units, and the share of null units flagged after FDR control. `make test` prints these figures.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "analytics/detection/detect.hpp"
#include "analytics/simulation/simulate.hpp"

using namespace pw::analytics;

namespace {

// Probability that a planted unit outranks a null one (ties count half): the ROC AUC.
double auc(const std::vector<double>& planted, const std::vector<double>& null) {
    double wins = 0;
    for (double a : planted)
        for (double b : null) wins += a > b ? 1 : a == b ? 0.5 : 0;
    return wins / (static_cast<double>(planted.size()) * static_cast<double>(null.size()));
}

struct Quality {
    double auc[4] = {0, 0, 0, 0};  // by regime; [0] unused
    double false_positive_rate = 0;
    double null_flag_rate = 0;
};

Quality measure(const Simulation& sim, const Report& report) {
    std::vector<double> scores[4];
    std::size_t nulls = 0, false_positives = 0;
    for (const auto& unit : report.units) {
        const auto index = *sim.events.units.names.find(unit.name);
        const auto regime = static_cast<std::size_t>(sim.regime[index]);
        scores[regime].push_back(-std::log10(std::max(unit.combined_p, 1e-300)));
        if (regime == 0) {
            ++nulls;
            false_positives += unit.flagged;
        }
    }
    Quality q;
    for (std::size_t r = 1; r < 4; ++r) q.auc[r] = auc(scores[r], scores[0]);
    q.false_positive_rate = static_cast<double>(false_positives) / static_cast<double>(nulls);
    q.null_flag_rate = report.calibration.null_flag_rate;
    return q;
}

void print(const char* input, std::uint64_t seed, const Quality& q) {
    std::printf("detection (%s, seed %llu, natural rate 1.5-3.0 a week, quota 3): AUC floor %.3f, period-end %.3f, "
                "league-race %.3f; null units flagged after FDR %.1f%%; calibration null rate at p<=5%%: %.1f%%\n",
                input, static_cast<unsigned long long>(seed), q.auc[1], q.auc[2], q.auc[3],
                100 * q.false_positive_rate, 100 * q.null_flag_rate);
}

// 300 offices at natural rates of 1.5-3 referrals a week against a quota of 3 (the defaults).
Simulation offices(std::uint64_t seed, std::array<double, 4> mix = SimulationOptions{}.mix) {
    SimulationOptions options;
    options.units = 300;
    options.seed = seed;
    options.mix = mix;
    return simulate(options);
}

}  // namespace

TEST(DetectionQuality, FindsPlantedRegimesInReferralEvents) {
    for (std::uint64_t seed : {11u, 12u, 13u}) {
        const auto sim = offices(seed);
        const auto q = measure(sim, detect(sim.events));
        print("events", seed, q);
        EXPECT_GE(q.auc[1], 0.95) << "floor";
        EXPECT_GE(q.auc[2], 0.95) << "period-end";
        EXPECT_GT(q.auc[3], 0.6) << "league race, above chance";
        EXPECT_LE(q.false_positive_rate, 0.05);
    }
}

TEST(DetectionQuality, FindsAFloorInWeeklyCountsAlone) {
    const auto sim = offices(21);
    const auto q = measure(sim, detect(weekly_counts(sim.events)));
    print("weekly counts", 21, q);
    EXPECT_GE(q.auc[1], 0.95) << "floor";
    EXPECT_GT(q.auc[3], 0.6) << "league race, above chance";
    EXPECT_LE(q.false_positive_rate, 0.05);
}

TEST(DetectionQuality, NullDataFlagsAlmostNothing) {
    const auto sim = offices(31, {1, 0, 0, 0});
    const auto report = detect(sim.events);
    std::printf("detection (events, seed 31, no regimes): %zu of %zu units flagged; calibration null rate %.1f%%\n",
                report.flagged, report.units.size(), 100 * report.calibration.null_flag_rate);
    EXPECT_LE(static_cast<double>(report.flagged) / static_cast<double>(report.units.size()), 0.05);
    EXPECT_NEAR(report.calibration.null_flag_rate, 0.05, 0.03);
}

TEST(DetectionQuality, SameSeedSameReport) {
    SimulationOptions options;
    options.units = 50;
    const auto a = simulate(options);
    const auto b = simulate(options);
    EXPECT_EQ(a.events.day, b.events.day);
    EXPECT_EQ(a.regime, b.regime);
    const auto ra = detect(a.events), rb = detect(b.events);
    for (std::size_t i = 0; i < ra.units.size(); ++i) {
        EXPECT_EQ(ra.units[i].name, rb.units[i].name);
        EXPECT_EQ(ra.units[i].combined_p, rb.units[i].combined_p);
    }
    options.seed = 2;
    EXPECT_NE(simulate(options).events.day, a.events.day);
}
