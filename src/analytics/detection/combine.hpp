#pragma once
// A unit's tests combined into one p-value. The smallest p-value of several tests is not itself
// a p-value; 1 - (1 - min p)^m is, for m independent tests. Our tests are neither independent
// nor exact, so m is fitted on simulated null units: the m at which 10% of the nulls fall below
// the 10% line.
#include <vector>

namespace pw::analytics {

double combine(double min_p, double effective_tests);
// Fitted m from the smallest p-values of simulated null units; between 1 and max_tests.
double fit_effective_tests(std::vector<double> null_min_p, double max_tests);

}  // namespace pw::analytics
