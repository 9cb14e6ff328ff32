#include <algorithm>
#include <fmt/format.h>

#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

TestResult floor_test(const UnitData& unit, const Peers& peers, const FloorOptions& options) {
    TestResult result;
    result.kind = TestKind::floor;
    const Moments m = moments(unit.counts);
    if (m.periods < options.min_periods) {
        result.not_run = fmt::format("needs at least {} periods; this unit has {}", options.min_periods, m.periods);
        return result;
    }
    if (m.mean <= 0) {
        result.not_run = "this unit made no referrals";
        return result;
    }
    if (zeros_left_out(unit.counts)) {
        result.not_run = std::string(kZerosLeftOut);
        return result;
    }
    const int top = static_cast<int>(std::min<std::int32_t>(options.max_quota, *std::ranges::max_element(unit.counts)));
    std::vector<std::int64_t> at(static_cast<std::size_t>(top) + 2, 0);
    for (auto c : unit.counts)
        if (c >= 0) ++at[static_cast<std::size_t>(std::min(c, top + 1))];
    const CountModel model(m.mean, peers.dispersion);
    const auto pmf = model.pmf_upto(top + 1);

    double best_p = 1;
    int scanned = 0;
    std::int64_t at_or_below = at[0];
    double cdf = pmf[0];
    for (int q = 1; q <= top; ++q) {
        // Every week made up to q makes the unit's mean at least q, so a floor lies within the model's
        // usual counts; a count the model puts above its 95th percentile is a few busy weeks (lumps),
        // not a floor, and the model's thin tail there would make one or two of them look like a pile.
        if (cdf >= 0.95) break;
        const auto qs = static_cast<std::size_t>(q);
        at_or_below += at[qs];
        cdf += pmf[qs];
        if (at_or_below == 0) continue;
        ++scanned;
        const double share = pmf[qs] / cdf;  // expected share at exactly q among periods <= q
        const auto n_at = at[qs];
        if (static_cast<double>(n_at) <= share * static_cast<double>(at_or_below)) continue;  // no excess
        const double p = binomial_upper(n_at, at_or_below, share);
        if (p < best_p) {
            best_p = p;
            result.quota = q;
            result.effect = static_cast<double>(n_at) - share * static_cast<double>(at_or_below);
            result.statistic = static_cast<double>(n_at) / static_cast<double>(at_or_below);
            result.effect_text = fmt::format(
                "{} of {} periods at or below {} sit at exactly {} ({:.0f}%); the model expects {:.0f}%: "
                "{:.1f} periods too many at {} and as many missing below it",
                n_at, at_or_below, q, q, 100.0 * result.statistic, 100.0 * share, result.effect, q);
        }
    }
    if (scanned == 0) {
        result.not_run = top >= 1 && pmf[0] >= 0.95
                             ? fmt::format("a floor of 1 or more is beyond this unit's usual weeks (its mean is {:.2f})",
                                           m.mean)
                             : "no period has a count at or below the quotas scanned";
        return result;
    }
    result.ran = true;
    result.p_value = std::min(1.0, best_p * scanned);
    if (!result.quota) result.effect_text = "no count stands out above the model at any quota scanned";
    for (int k = 0; k <= top + 1; ++k) {
        const auto ks = static_cast<std::size_t>(k);
        const double expected = k <= top ? pmf[ks] : std::max(0.0, 1 - model.cdf(top));
        result.chart.push_back({k <= top ? std::to_string(k) : std::to_string(k) + "+", static_cast<double>(at[ks]),
                                expected * static_cast<double>(m.periods)});
    }
    return result;
}

}  // namespace pw::analytics
