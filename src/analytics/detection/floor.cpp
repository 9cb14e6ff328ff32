#include <algorithm>
#include <numeric>
#include <span>
#include <fmt/format.h>

#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {
namespace {

constexpr int kNeighbours = 3;

// The periods whose count is within kNeighbours of q, from the counts' histogram.
std::int64_t periods_near(std::span<const std::int64_t> at, int q) {
    const auto from = static_cast<std::size_t>(std::max(0, q - kNeighbours));
    const auto to = std::min(at.size(), static_cast<std::size_t>(q + kNeighbours) + 1);
    std::int64_t n = 0;
    for (auto i = from; i < to; ++i) n += at[i];
    return n;
}

}  // namespace

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
    // Periods at each count, exact up to kNeighbours past top (a pile near top is weighed against
    // them), the rest in the last.
    std::vector<std::int64_t> at(static_cast<std::size_t>(top + kNeighbours) + 2, 0);
    for (auto c : unit.counts)
        if (c >= 0) ++at[static_cast<std::size_t>(std::min(c, top + kNeighbours + 1))];
    const CountModel model(m.mean, peers.dispersion);
    const auto pmf = model.pmf_upto(top + 1);

    double best_p = 1;
    int scanned = 0;
    std::int64_t at_or_below = at[0];
    double cdf = pmf[0];
    for (int q = 1; q <= top; ++q) {
        // Above the model's 95th percentile its tail is too thin to weigh a pile against: a few weeks
        // made big by lumps of referrals, two or three at the same count, would look like one. A
        // floor in force all along lifts the unit's mean to q and lies below it; one in force for a
        // stretch of the period (a quota brought in late) piles many weeks there. So there the pile
        // is weighed against the periods around it, within kNeighbours either side, as if evenly
        // spread among them.
        const bool beyond_usual = cdf >= 0.95;  // P(X <= q - 1) under the model
        const auto qs = static_cast<std::size_t>(q);
        at_or_below += at[qs];
        cdf += pmf[qs];
        if (at_or_below == 0) continue;
        ++scanned;
        const auto n_at = at[qs];
        if (n_at == 0) continue;  // no pile at all
        const std::int64_t among = beyond_usual ? periods_near(at, q) : at_or_below;
        const double share = beyond_usual ? 1.0 / (2 * kNeighbours + 1) : pmf[qs] / cdf;
        if (static_cast<double>(n_at) <= share * static_cast<double>(among)) continue;  // no excess
        const double p = binomial_upper(n_at, among, share);
        if (p < best_p) {
            best_p = p;
            result.quota = q;
            result.effect = static_cast<double>(n_at) - share * static_cast<double>(among);
            result.statistic = static_cast<double>(n_at) / static_cast<double>(among);
            result.effect_text =
                beyond_usual
                    ? fmt::format(
                          "{} of the {} periods within {} of {} sit at exactly {} ({:.0f}%), against {:.0f}% were "
                          "they spread evenly: {:.1f} periods too many at {}, a count the model of the unit's weeks "
                          "makes rare",
                          n_at, among, kNeighbours, q, q, 100.0 * result.statistic, 100.0 * share, result.effect, q)
                    : fmt::format(
                          "{} of {} periods at or below {} sit at exactly {} ({:.0f}%); the model expects {:.0f}%: "
                          "{:.1f} periods too many at {} and as many missing below it",
                          n_at, among, q, q, 100.0 * result.statistic, 100.0 * share, result.effect, q);
        }
    }
    if (scanned == 0) {
        result.not_run = "no period has a count at or below the quotas scanned";
        return result;
    }
    result.ran = true;
    result.p_value = std::min(1.0, best_p * scanned);
    if (!result.quota) result.effect_text = "no count stands out above the model at any quota scanned";
    for (int k = 0; k <= top + 1; ++k) {
        const auto ks = static_cast<std::size_t>(k);
        const double expected = k <= top ? pmf[ks] : std::max(0.0, 1 - model.cdf(top));
        const auto periods = k <= top ? at[ks] : std::accumulate(at.begin() + k, at.end(), std::int64_t{0});
        result.chart.push_back({k <= top ? std::to_string(k) : std::to_string(k) + "+", static_cast<double>(periods),
                                expected * static_cast<double>(m.periods)});
    }
    return result;
}

}  // namespace pw::analytics
