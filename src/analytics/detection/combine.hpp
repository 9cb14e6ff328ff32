#pragma once
// A unit's tests combined into one p-value. The smallest p-value of several tests is not itself
// a p-value; 1 - (1 - min p)^m is, for m independent tests. Our tests are neither independent
// nor exact, so m is fitted on simulated null units: the m at which no more than 1% of the nulls
// fall under the 1% line, 2% under 2% and 5% under 5%. Benjamini-Hochberg's line is 5% times the
// share of units flagged, so with a third of the offices flagged it is near 2%; a fit at 5% alone
// let 6% of null offices through on one simulated file of 300 with many strong ones.
//
// m may exceed the number of tests that ran, up to four times it: where the tests run hot on the
// null twins (they treat a unit's weeks as independent draws), the fit takes the excess out of the
// report rather than leave it in. Beyond four times, the tests would be too wrong to be rescued by
// one number.
#include <array>
#include <vector>

namespace pw::analytics {

// The 1% and 2% lines are fitted when 10 nulls or more fall under them, the 5% line always.
inline constexpr std::array<double, 3> kFitLevels = {0.01, 0.02, 0.05};
inline constexpr double kAntiConservative = 4;

double combine(double min_p, double effective_tests);
// Fitted m from the smallest p-values of simulated null units; between 1 and kAntiConservative times
// tests_run (the most tests any null unit ran), or tests_run when there are too few nulls to fit
// (fewer than 2 under the 5% line).
double fit_effective_tests(std::vector<double> null_min_p, double tests_run);

}  // namespace pw::analytics
