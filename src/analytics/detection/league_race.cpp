#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <random>

#include "analytics/detection/tests.hpp"

namespace pw::analytics {
namespace {

struct Race {
    double covariance = 0;
    double slope = 0;
    std::size_t pairs = 0;
};

// Covariance between a period's count and the shortfall below the peer median the period before.
Race race(std::span<const std::int32_t> counts, std::span<const double> median) {
    double sx = 0, sy = 0, sxy = 0, sxx = 0;
    std::size_t n = 0;
    for (std::size_t t = 1; t < counts.size(); ++t) {
        if (counts[t] < 0 || counts[t - 1] < 0 || std::isnan(median[t - 1])) continue;
        const double shortfall = std::max(0.0, median[t - 1] - counts[t - 1]);
        const double y = counts[t];
        sx += shortfall;
        sy += y;
        sxy += shortfall * y;
        sxx += shortfall * shortfall;
        ++n;
    }
    Race r;
    r.pairs = n;
    if (n < 2) return r;
    const double dn = static_cast<double>(n);
    r.covariance = (sxy - sx * sy / dn) / dn;
    const double var = (sxx - sx * sx / dn) / dn;
    r.slope = var > 0 ? r.covariance / var : 0;
    return r;
}

}  // namespace

TestResult league_race_test(const UnitData& unit, const Peers& peers, const PermutationOptions& options) {
    TestResult result;
    result.kind = TestKind::league_race;
    if (peers.size < 3) {
        result.not_run = "needs at least 3 peer units to form a league";
        return result;
    }
    // The peer median aligned with this unit's periods.
    std::vector<double> median(unit.counts.size(), std::nan(""));
    for (std::size_t t = 0; t < median.size(); ++t) {
        const auto at = static_cast<std::int64_t>(unit.first_period) + static_cast<std::int64_t>(t) - peers.first_period;
        if (at >= 0 && at < static_cast<std::int64_t>(peers.median.size()))
            median[t] = peers.median[static_cast<std::size_t>(at)];
    }
    const Race observed = race(unit.counts, median);
    if (observed.pairs < 12) {
        result.not_run = fmt::format("needs at least 12 consecutive pairs of periods; this unit has {}", observed.pairs);
        return result;
    }
    // Permute the unit's observed periods among themselves; missing periods stay where they are.
    std::vector<std::size_t> where;
    std::vector<std::int32_t> values;
    for (std::size_t t = 0; t < unit.counts.size(); ++t)
        if (unit.counts[t] >= 0) {
            where.push_back(t);
            values.push_back(unit.counts[t]);
        }
    std::vector<std::int32_t> shuffled = unit.counts;
    std::mt19937_64 random(options.seed);
    int reached = 0, done = 0;
    while (done < options.max_permutations && reached < options.stop_after) {
        std::shuffle(values.begin(), values.end(), random);
        for (std::size_t i = 0; i < where.size(); ++i) shuffled[where[i]] = values[i];
        reached += race(shuffled, median).covariance >= observed.covariance - 1e-12;
        ++done;
    }
    result.ran = true;
    result.statistic = observed.covariance;
    // Besag and Clifford's sequential p-value: h/done when stopped early, else (reached+1)/(done+1).
    result.p_value = reached >= options.stop_after ? static_cast<double>(reached) / done
                                                   : static_cast<double>(reached + 1) / (done + 1);
    result.effect = observed.slope;
    result.effect_text = fmt::format(
        "for each referral it fell below the peer median, the unit made {:.2f} more the next period "
        "({} permutations of its periods)",
        observed.slope, done);
    result.chart = {{"referrals more per referral of shortfall", observed.slope, 0}};
    return result;
}

}  // namespace pw::analytics
