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
    double variance = 0;  // of the shortfall
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
        r.variance = (static_cast<double>(xx) - static_cast<double>(x) * static_cast<double>(x) / dn) / dn / 4;
        r.slope = r.variance > 0 ? r.covariance / r.variance : 0;
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

// The one-sided p-value of `observed` against `draw()`, one permutation's statistic a call.
// Besag and Clifford's sequential test: once 10 permutations reach the observed value the p-value
// is their share so far, and more permutations would only refine a p-value that is far from
// mattering (most units stop within a few dozen). When fewer than 10 ever do, the tail comes from a
// normal curve with the permutations' mean and spread, so strong evidence is not capped at
// 1 / permutations.
struct Permuted {
    double p_value = 1;
    int done = 0;
};
template <class Draw>
Permuted permutation_p(double observed, int permutations, Draw draw) {
    int reached = 0, done = 0;
    double sum = 0, squares = 0;
    for (; done < permutations && reached < kEnoughReached; ++done) {
        const double c = draw();
        reached += c >= observed - 1e-12;
        sum += c;
        squares += c * c;
    }
    const double n = done;
    const double mean = sum / n;
    const double spread = std::sqrt(std::max(0.0, squares / n - mean * mean));
    if (reached >= kEnoughReached) return {reached / n, done};
    if (spread <= 0) return {(reached + 1) / (n + 1), done};
    return {std::min((reached + 1) / (n + 1), normal_upper((observed - mean) / spread)), done};
}

// The peer median doubled (so whole) for each of a unit's periods; -1 where unknown.
std::vector<std::int32_t> doubled_median(const UnitData& unit, const Peers& peers) {
    std::vector<std::int32_t> median2(unit.counts.size(), -1);
    for (std::size_t t = 0; t < median2.size(); ++t) {
        const auto at = static_cast<std::int64_t>(unit.first_period) + static_cast<std::int64_t>(t) - peers.first_period;
        if (at >= 0 && at < static_cast<std::int64_t>(peers.median.size()) && !std::isnan(peers.median[static_cast<std::size_t>(at)]))
            median2[t] = static_cast<std::int32_t>(std::lround(2 * peers.median[static_cast<std::size_t>(at)]));
    }
    return median2;
}

}  // namespace

TestResult league_race_test(const UnitData& unit, const Peers& peers, const PermutationOptions& options) {
    TestResult result;
    result.kind = TestKind::league_race;
    if (peers.size < 3) {
        result.not_run = "needs at least 3 peer units to form a league";
        return result;
    }
    const std::vector<std::int32_t> median2 = doubled_median(unit, peers);
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
    const auto [p_value, done] = permutation_p(observed.covariance, options.permutations, [&] {
        if (where.size() == shuffled.size()) {
            shuffle(std::span(shuffled), random);
        } else {
            shuffle(std::span(values), random);
            for (std::size_t i = 0; i < where.size(); ++i) shuffled[where[i]] = values[i];
        }
        return sums(shuffled).race().covariance;
    });
    result.ran = true;
    result.statistic = observed.covariance;
    result.p_value = p_value;
    result.effect = observed.slope;
    result.effect_text = fmt::format(
        "for each referral it fell below the peer median, the unit made {:.2f} more the next period "
        "({} permutations of its periods)",
        observed.slope, done);
    result.chart = {{"referrals more per referral of shortfall", observed.slope, 0}};
    return result;
}

TestResult league_race_test(std::span<const UnitData> advisers, const Peers& office, const PermutationOptions& options) {
    TestResult result;
    result.kind = TestKind::league_race;
    if (advisers.size() < 3 || office.size < 3) {
        result.not_run = "needs at least 3 advisers to form a league";
        return result;
    }
    const std::size_t weeks = advisers[0].counts.size();
    // Every adviser's series runs over the office's weeks; the median is the office's advisers'.
    const std::vector<std::int32_t> median2 = doubled_median(advisers[0], office);
    std::vector<std::uint32_t> order(weeks);
    for (std::size_t t = 0; t < weeks; ++t) order[t] = static_cast<std::uint32_t>(t);
    // The sum over advisers of each one's co-moment of a week's count with their shortfall below
    // the office's median adviser the week before (so an adviser with more weeks counts for more),
    // over the weeks in `order`.
    auto statistic = [&](Race* pooled) {
        double total = 0, variance = 0;
        std::size_t pairs = 0;
        for (const auto& adviser : advisers) {
            if (adviser.counts.size() != weeks) continue;
            Sums s;
            for (std::size_t t = 1; t < weeks; ++t) {
                const auto now = order[t], before = order[t - 1];
                const auto y = adviser.counts[now], y0 = adviser.counts[before];
                if (y < 0 || y0 < 0 || median2[before] < 0) continue;
                const std::int64_t x = std::max(0, median2[before] - 2 * y0);
                s.x += x;
                s.y += y;
                s.xy += x * y;
                s.xx += x * x;
                ++s.n;
            }
            const Race r = s.race();
            total += r.covariance * static_cast<double>(r.pairs);
            variance += r.variance * static_cast<double>(r.pairs);
            pairs += r.pairs;
        }
        if (pooled) {
            pooled->covariance = total;
            pooled->variance = variance;
            pooled->slope = variance > 0 ? total / variance : 0;
            pooled->pairs = pairs;
        }
        return total;
    };
    Race observed;
    statistic(&observed);
    if (observed.pairs < 12) {
        result.not_run = fmt::format("needs at least 12 consecutive pairs of weeks; the advisers have {}", observed.pairs);
        return result;
    }
    // Whole weeks move together, every adviser's count and the office's median with them, so what
    // the advisers share in a week (a busy week, a holiday) stays as it was.
    SplitMix64 random(options.seed);
    const auto [p_value, done] = permutation_p(observed.covariance, options.permutations, [&] {
        shuffle(std::span(order), random);
        return statistic(nullptr);
    });
    result.ran = true;
    result.statistic = observed.covariance;
    result.p_value = p_value;
    result.effect = observed.slope;
    result.effect_text = fmt::format(
        "for each referral an adviser fell below the office's median adviser, they made {:.2f} more the next "
        "week ({} advisers, {} permutations of the office's weeks)",
        observed.slope, advisers.size(), done);
    result.chart = {{"referrals more per referral of shortfall", observed.slope, 0}};
    return result;
}

}  // namespace pw::analytics
