#pragma once
// Pearson's chi-square test that several groups share one proportion (a 2 x k table), with an
// exact p-value from Boost.Math's chi-squared distribution.
#include <span>
#include <string>

#include "core/common/error.hpp"

namespace pw::statistics {

struct Group {
    std::string name;
    double successes = 0;  // e.g. referrals that became sanctions
    double total = 0;      // e.g. referrals
};

struct ChiSquare {
    double statistic = 0;
    int degrees_of_freedom = 0;
    double p_value = 1;
    double pooled_share = 0;
};

// Needs two groups or more, each with a total and no more successes than its total, and a pooled
// share strictly between 0 and 1 (else there is nothing to compare): otherwise an invalid_input
// error saying which.
Result<ChiSquare> equal_proportions(std::span<const Group> groups);

}  // namespace pw::statistics
