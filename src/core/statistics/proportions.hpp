#pragma once
// Pearson's chi-square test that several groups share one proportion (a 2 x k table), with an
// exact p-value from Boost.Math's chi-squared distribution.
#include <span>
#include <string>

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

// Needs at least two groups with totals; throws std::invalid_argument otherwise (a bug).
ChiSquare equal_proportions(std::span<const Group> groups);

}  // namespace pw::statistics
