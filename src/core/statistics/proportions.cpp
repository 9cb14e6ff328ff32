#include "core/statistics/proportions.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <stdexcept>

namespace pw::statistics {

ChiSquare equal_proportions(std::span<const Group> groups) {
    if (groups.size() < 2) throw std::invalid_argument("a test of equal shares needs two groups or more");
    double successes = 0;
    double total = 0;
    for (const auto& g : groups) {
        if (g.total <= 0 || g.successes < 0 || g.successes > g.total)
            throw std::invalid_argument("bad group " + g.name);
        successes += g.successes;
        total += g.total;
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
