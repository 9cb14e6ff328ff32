#pragma once
// Runs every test on every unit, combines each unit's tests into one p-value calibrated on
// simulated null units, controls the false discovery rate across units (Benjamini-Hochberg),
// and compares providers within each area. Pure: no files, no clock; randomness from the seed.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analytics/detection/tests.hpp"
#include "analytics/referrals/table.hpp"
#include "core/statistics/proportions.hpp"

namespace pw::analytics {

// Thrown by detect when DetectOptions::stop says so: the report is not made.
struct Stopped : std::runtime_error {
    Stopped() : std::runtime_error("the tests were stopped") {}
};

struct DetectOptions {
    double fdr = 0.05;              // flag units whose q-value is at or below this
    std::size_t null_units = 1000;  // simulated null units for the calibration
    std::uint64_t seed = 1;
    unsigned threads = 2;
    int max_quota = 30;
    std::optional<Day> from, to;  // events: the period every unit's history runs over (default: the file's)
    // Asked before each unit's tests and each null twin's (from several threads at once): true
    // stops the tests, and detect throws Stopped. The site's report thread stops a report its
    // researcher cancelled, one the server must stop for, and one over its time.
    std::function<bool()> stop;
};

struct UnitReport {
    std::string name, parent, area;
    std::size_t periods = 0;
    std::int64_t referrals = 0;
    double mean = 0;
    std::size_t advisers = 0;       // advisers raced in the unit's own league (events with an adviser column)
    std::vector<TestResult> tests;  // in kTestKinds order
    std::optional<TestKind> strongest;
    double min_p = 1;       // smallest p-value among the tests that ran
    double combined_p = 1;  // calibrated for taking the smallest of several
    double q_value = 1;     // Benjamini-Hochberg across units
    bool flagged = false;
};

struct ProviderGroup {
    std::string name;
    std::int64_t referrals = 0;
    std::int64_t adverse = -1;   // -1 when unknown
    std::int64_t decided = 0;    // referrals the adverse share is out of
    std::int64_t caseload = -1;  // person-periods, -1 when unknown
};
// One provider's adverse share against the rest of its area (linear in providers, where every
// pair would be quadratic: 2,000 units with no area column were 2 million pairs).
struct AgainstArea {
    std::string name;
    double difference = 0;  // its adverse share minus the rest of the area's
    double z = 0;
    double p_value = 1;  // two-sided, Bonferroni over the area's providers
};
struct ProviderComparison {
    std::string area;
    std::vector<ProviderGroup> groups;
    std::optional<statistics::ChiSquare> adverse;  // equal adverse shares
    std::optional<statistics::ChiSquare> rate;     // equal referral rates (needs caseload)
    std::vector<AgainstArea> against_area;         // in groups' order
    std::string not_run;
};

struct Calibration {
    std::size_t null_units = 0;
    double effective_tests = 1;  // m in 1 - (1 - min p)^m, fitted on the simulated nulls
    double null_flag_rate = 0;   // share of null units with combined p <= 0.05 (should be near 0.05)
};

struct Report {
    std::string input;  // "events" or "counts"
    PeriodKind period = PeriodKind::week;
    std::vector<UnitReport> units;  // strongest evidence first
    std::vector<ProviderComparison> providers;
    Calibration calibration;
    DetectOptions options;
    std::size_t flagged = 0;
    std::string per_unit_not_run;   // when no per-unit test can run on this input
    std::string advisers_not_used;  // when the file names advisers but their league was not run
};

Report detect(const Events& events, const DetectOptions& options = {});
Report detect(const Counts& counts, const DetectOptions& options = {});

// q-values for p-values (Benjamini-Hochberg step-up), in the same order.
std::vector<double> benjamini_hochberg(const std::vector<double>& p_values);

}  // namespace pw::analytics
