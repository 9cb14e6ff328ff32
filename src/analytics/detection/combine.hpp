#pragma once
// A unit's tests combined into one p-value. The smallest p-value of several tests is not itself
// a p-value; 1 - (1 - min p)^m is, for m independent tests. Our tests are neither independent
// nor exact, so m is fitted on simulated null units: the m at which 5% of the nulls fall below
// the 5% line, the line a unit is flagged at.
//
// m may exceed the number of tests that ran. The per-unit tests treat a unit's weeks as independent
// draws; in a large office (20 referrals a week and more) a busy week is shared by every adviser and
// every day of it, and the period-end and dispersion tests then reject a true null at 10-13% rather
// than 5%. The null twins reproduce that, and the fit corrects for it: capping m at the number of
// tests would leave the excess in the report. The cap is four times the tests, beyond which the
// tests would be too wrong to be rescued by one number.
#include <vector>

namespace pw::analytics {

inline constexpr double kFitLevel = 0.05;
inline constexpr double kAntiConservative = 4;

double combine(double min_p, double effective_tests);
// Fitted m from the smallest p-values of simulated null units; between 1 and kAntiConservative times
// tests_run (the most tests any null unit ran), or tests_run when there are too few nulls to fit.
double fit_effective_tests(std::vector<double> null_min_p, double tests_run);

}  // namespace pw::analytics
