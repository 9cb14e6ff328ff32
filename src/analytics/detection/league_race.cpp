#include <algorithm>
#include <ranges>
#include <cmath>
#include <fmt/format.h>

#include "analytics/detection/model.hpp"
#include "analytics/detection/random.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {
namespace {

struct Race {
    double covariance = 0;
    double slope = 0;
    std::size_t pairs = 0;
};

// Sums in integers (the median doubled is whole), so the loop vectorises and no rounding differs
// between the observed series and its permutations.
struct Sums {
    std::int64_t x = 0, y = 0, xy = 0, xx = 0, n = 0;
    Race race() const {
        Race r;
        r.pairs = static_cast<std::size_t>(n);
        if (n < 2) return r;
        const double dn = static_cast<double>(n);
        // x is twice the shortfall: halve the moments that carry it.
        r.covariance = (static_cast<double>(xy) - static_cast<double>(x) * static_cast<double>(y) / dn) / dn / 2;
        const double var = (static_cast<double>(xx) - static_cast<double>(x) * static_cast<double>(x) / dn) / dn / 4;
        r.slope = var > 0 ? r.covariance / var : 0;
        return r;
    }
};

// Covariance between a period's count and the shortfall below the peer median the period before,
// over the periods t given: every t >= 1 when nothing is missing (a plain range, which vectorises),
// else the listed t (t and t - 1 observed, the median known at t - 1).
template <class Periods>
Sums sums_over(std::span<const std::int32_t> counts, std::span<const std::int32_t> median2, const Periods& periods) {
    Sums s;
    for (auto t : periods) {
        const std::int64_t x = std::max(0, median2[t - 1] - 2 * counts[t - 1]);
        const std::int64_t y = counts[t];
        s.x += x;
        s.y += y;
        s.xy += x * y;
        s.xx += x * x;
        ++s.n;
    }
    return s;
}

constexpr int kEnoughReached = 10;

}  // namespace

TestResult league_race_test(const UnitData& unit, const Peers& peers, const PermutationOptions& options) {
    TestResult result;
    result.kind = TestKind::league_race;
    if (peers.size < 3) {
        result.not_run = "needs at least 3 peer units to form a league";
        return result;
    }
    // The peer median (doubled, so whole) aligned with this unit's periods; -1 where unknown.
    std::vector<std::int32_t> median2(unit.counts.size(), -1);
    for (std::size_t t = 0; t < median2.size(); ++t) {
        const auto at = static_cast<std::int64_t>(unit.first_period) + static_cast<std::int64_t>(t) - peers.first_period;
        if (at >= 0 && at < static_cast<std::int64_t>(peers.median.size()) && !std::isnan(peers.median[static_cast<std::size_t>(at)]))
            median2[t] = static_cast<std::int32_t>(std::lround(2 * peers.median[static_cast<std::size_t>(at)]));
    }
    std::vector<std::uint32_t> pairs;
    for (std::size_t t = 1; t < unit.counts.size(); ++t)
        if (unit.counts[t] >= 0 && unit.counts[t - 1] >= 0 && median2[t - 1] >= 0) pairs.push_back(static_cast<std::uint32_t>(t));
    const bool contiguous = pairs.size() + 1 == unit.counts.size();
    const auto every = std::views::iota(std::size_t{1}, std::max<std::size_t>(1, unit.counts.size()));
    auto sums = [&](std::span<const std::int32_t> counts) {
        return contiguous ? sums_over(counts, median2, every) : sums_over(counts, median2, pairs);
    };
    const Race observed = sums(unit.counts).race();
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
    SplitMix64 random(options.seed);
    int reached = 0, done = 0;
    double sum = 0, squares = 0;
    // Besag and Clifford's sequential test: once 10 permutations reach the observed value the
    // p-value is their share so far, and more permutations would only refine a p-value that is
    // far from mattering (most units stop within a few dozen).
    for (; done < options.permutations && reached < kEnoughReached; ++done) {
        if (where.size() == shuffled.size()) {
            shuffle(std::span(shuffled), random);
        } else {
            shuffle(std::span(values), random);
            for (std::size_t i = 0; i < where.size(); ++i) shuffled[where[i]] = values[i];
        }
        const double c = sums(shuffled).race().covariance;
        reached += c >= observed.covariance - 1e-12;
        sum += c;
        squares += c * c;
    }
    const double n = done;
    const double mean = sum / n;
    const double spread = std::sqrt(std::max(0.0, squares / n - mean * mean));
    result.ran = true;
    result.statistic = observed.covariance;
    if (reached >= kEnoughReached)
        result.p_value = reached / n;
    else if (spread <= 0)
        result.p_value = (reached + 1) / (n + 1);
    else
        result.p_value = std::min((reached + 1) / (n + 1), normal_upper((observed.covariance - mean) / spread));
    result.effect = observed.slope;
    result.effect_text = fmt::format(
        "for each referral it fell below the peer median, the unit made {:.2f} more the next period "
        "({} permutations of its periods)",
        observed.slope, done);
    result.chart = {{"referrals more per referral of shortfall", observed.slope, 0}};
    return result;
}

}  // namespace pw::analytics
