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
        "for each referral it fell below the peer median, the unit made {:.2f} {} the next period "
        "({} permutations of its periods)",
        std::abs(observed.slope), observed.slope < 0 ? "fewer" : "more", done);
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
    const std::size_t n = advisers.size();
    const std::vector<std::int32_t> median2 = doubled_median(advisers[0], office);
    // Each adviser's usual share of the office's work: their mean over the weeks they were there.
    std::vector<double> rate(n, 0);
    std::vector<std::vector<std::uint32_t>> present(n);
    for (std::size_t a = 0; a < n; ++a) {
        if (advisers[a].counts.size() != weeks) continue;
        double sum = 0;
        for (std::size_t t = 0; t < weeks; ++t)
            if (advisers[a].counts[t] >= 0) {
                sum += advisers[a].counts[t];
                present[a].push_back(static_cast<std::uint32_t>(t));
            }
        rate[a] = present[a].empty() ? 0 : sum / static_cast<double>(present[a].size());
    }
    // x: the adviser's shortfall below the office's median adviser in a week. d: how far their
    // count is above their usual share of what the office as a whole made that week. A race is
    // x one week followed by d the next. Measured against the week's own total, d does not move
    // with the office's busy spells or seasons, which a shortfall (larger in busy weeks, since
    // counts spread more) would otherwise follow into the next week.
    std::vector<double> x(n * weeks, std::nan("")), d(n * weeks, std::nan(""));
    for (std::size_t t = 0; t < weeks; ++t) {
        double total = 0, rates = 0;
        for (std::size_t a = 0; a < n; ++a)
            if (advisers[a].counts.size() == weeks && advisers[a].counts[t] >= 0) {
                total += advisers[a].counts[t];
                rates += rate[a];
            }
        for (std::size_t a = 0; a < n; ++a) {
            if (advisers[a].counts.size() != weeks || advisers[a].counts[t] < 0) continue;
            const double y = advisers[a].counts[t];
            if (rates > 0) d[a * weeks + t] = y - total * rate[a] / rates;
            if (median2[t] >= 0) x[a * weeks + t] = std::max(0.0, median2[t] / 2.0 - y);
        }
    }
    // The sum over advisers of each one's co-moment of x in a week with d in the week after it in
    // `sequence` (so an adviser with more weeks counts for more).
    auto statistic = [&](std::size_t a, std::span<const std::uint32_t> sequence, bool consecutive_only, Race& r) {
        double sx = 0, sd = 0, sxd = 0, sxx = 0, m = 0;
        for (std::size_t i = 1; i < sequence.size(); ++i) {
            const auto before = sequence[i - 1], now = sequence[i];
            if (consecutive_only && now != before + 1) continue;
            const double xb = x[a * weeks + before], dn = d[a * weeks + now];
            if (std::isnan(xb) || std::isnan(dn)) continue;
            sx += xb, sd += dn, sxd += xb * dn, sxx += xb * xb, m += 1;
        }
        if (m < 2) return;
        r.covariance += sxd - sx * sd / m;
        r.variance += sxx - sx * sx / m;
        r.pairs += static_cast<std::size_t>(m);
    };
    Race observed;
    for (std::size_t a = 0; a < n; ++a) statistic(a, present[a], true, observed);
    observed.slope = observed.variance > 0 ? observed.covariance / observed.variance : 0;
    if (observed.pairs < 12) {
        result.not_run = fmt::format("needs at least 12 consecutive pairs of weeks; the advisers have {}", observed.pairs);
        return result;
    }
    // The null: the office's weeks shuffled whole (every adviser's week moves together, so what
    // they share in a week stays shared), odd weeks among odd and even among even (so fortnightly
    // signing, a week of one kind then a week of the other, is kept in every shuffle and is not a
    // race). Each adviser's weeks are taken in the shuffled order, skipping those they were not
    // there for: an adviser who joined in June has as many pairs of weeks in a shuffle as in the
    // data.
    SplitMix64 random(options.seed);
    std::vector<std::uint32_t> odd, even;
    for (std::uint32_t t = 0; t < weeks; ++t) (t % 2 ? odd : even).push_back(t);
    std::vector<std::uint32_t> sequence;
    const auto [p_value, done] = permutation_p(observed.covariance, options.permutations, [&] {
        shuffle(std::span(odd), random);
        shuffle(std::span(even), random);
        Race r;
        for (std::size_t a = 0; a < n; ++a) {
            sequence.clear();
            for (std::size_t t = 0; t < weeks; ++t) {
                const auto week = t % 2 ? odd[t / 2] : even[t / 2];
                if (advisers[a].counts.size() == weeks && advisers[a].counts[week] >= 0) sequence.push_back(week);
            }
            statistic(a, sequence, false, r);
        }
        return r.covariance;
    });
    result.ran = true;
    result.statistic = observed.covariance;
    result.p_value = p_value;
    result.effect = observed.slope;
    result.effect_text = fmt::format(
        "for each referral an adviser fell below the office's median adviser, they made {:.2f} more than their "
        "usual share of the office's referrals the next week ({} advisers, {} permutations of their weeks)",
        observed.slope, advisers.size(), done);
    result.chart = {{"referrals more per referral of shortfall", observed.slope, 0}};
    return result;
}

}  // namespace pw::analytics
