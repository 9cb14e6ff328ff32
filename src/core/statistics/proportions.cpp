#include "core/statistics/proportions.hpp"

#include <boost/math/distributions/chi_squared.hpp>

namespace pw::statistics {

Result<ChiSquare> equal_proportions(std::span<const Group> groups) {
    if (groups.size() < 2) return fail(ErrorKind::invalid_input, "a test of equal shares needs two groups or more");
    double successes = 0;
    double total = 0;
    for (const auto& g : groups) {
        if (!(g.total > 0) || !(g.successes >= 0) || g.successes > g.total) {
            return fail(ErrorKind::invalid_input, "the counts for " + g.name + " are not a share of a total");
        }
        successes += g.successes;
        total += g.total;
    }
    if (successes == 0 || successes == total) {
        return fail(ErrorKind::invalid_input, "every group is at 0% or every group at 100%: nothing to compare");
    }
    ChiSquare result;
    result.pooled_share = successes / total;
    const double p = result.pooled_share;
    for (const auto& g : groups) {
        const double expected_yes = g.total * p;
        const double expected_no = g.total * (1 - p);
        result.statistic += (g.successes - expected_yes) * (g.successes - expected_yes) / expected_yes;
        const double no = g.total - g.successes;
        result.statistic += (no - expected_no) * (no - expected_no) / expected_no;
    }
    result.degrees_of_freedom = static_cast<int>(groups.size()) - 1;
    const boost::math::chi_squared distribution(result.degrees_of_freedom);
    result.p_value = boost::math::cdf(boost::math::complement(distribution, result.statistic));
    return result;
}

}  // namespace pw::statistics
