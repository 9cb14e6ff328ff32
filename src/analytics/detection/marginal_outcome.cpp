#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

#include "analytics/detection/distributions.hpp"
#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

// P(X <= x) for X hypergeometric: x of the n drawn from N, of which K are "yes".
double hypergeometric_lower(std::int64_t x, std::int64_t n, std::int64_t K, std::int64_t N) {
    const std::int64_t lo = std::max<std::int64_t>(0, n - (N - K)), hi = std::min(n, K);
    if (x < lo) return 0;
    if (x >= hi) return 1;
    const auto u = [](std::int64_t v) { return static_cast<unsigned>(v); };
    return boost::math::cdf(dist::Hypergeometric(u(K), u(n), u(N)), u(x));
}

namespace {

struct Split {
    double quota_yes = 0, quota_all = 0, other_yes = 0, other_all = 0;
    double quota_share() const { return quota_all > 0 ? quota_yes / quota_all : 0; }
    double other_share() const { return other_all > 0 ? other_yes / other_all : 0; }
    // One-sided z for "the quota-like share is lower": large when it is (the statistic shown).
    double z_lower() const {
        if (quota_all < 5 || other_all < 5) return 0;
        const double pooled = (quota_yes + other_yes) / (quota_all + other_all);
        const double se = std::sqrt(pooled * (1 - pooled) * (1 / quota_all + 1 / other_all));
        return se > 0 ? (other_share() - quota_share()) / se : 0;
    }
    // One-sided p that the quota-like share is this low or lower when both periods share one rate:
    // Fisher's exact test. The normal approximation it replaces overstated the evidence several
    // times over for the few dozen referrals a unit's quota-like periods hold (method 2026-12.8).
    double p_lower() const {
        const auto count = [](double v) { return static_cast<std::int64_t>(std::llround(v)); };
        return hypergeometric_lower(count(quota_yes), count(quota_all), count(quota_yes + other_yes),
                                    count(quota_all + other_all));
    }
};

}  // namespace

TestResult marginal_outcome_test(const UnitData& unit, std::optional<int> quota) {
    TestResult result;
    result.kind = TestKind::marginal_outcome;
    Split adverse, overturned;
    auto quota_week = [&](std::size_t period) {
        return quota && period < unit.counts.size() && unit.counts[period] == *quota;
    };
    if (unit.calendar) {
        const auto first_week = unit.first_period;
        for (const auto& r : unit.referrals) {
            const auto period = static_cast<std::size_t>(week_of(r.day) - first_week);
            const bool quota_like = unit.calendar->month_end(r.day) || quota_week(period);
            if (r.decision == Decision::adverse || r.decision == Decision::non_adverse) {
                const double yes = r.decision == Decision::adverse;
                (quota_like ? adverse.quota_yes : adverse.other_yes) += yes;
                (quota_like ? adverse.quota_all : adverse.other_all) += 1;
            }
            if (r.reconsideration == Review::upheld || r.reconsideration == Review::overturned) {
                // Counted as "upheld" so that a lower share means more overturned, like adverse.
                const double upheld = r.reconsideration == Review::upheld;
                (quota_like ? overturned.quota_yes : overturned.other_yes) += upheld;
                (quota_like ? overturned.quota_all : overturned.other_all) += 1;
            }
        }
    } else if (!unit.adverse.empty() && quota) {
        for (std::size_t t = 0; t < unit.counts.size(); ++t) {
            if (unit.counts[t] <= 0 || unit.adverse[t] < 0) continue;
            (quota_week(t) ? adverse.quota_yes : adverse.other_yes) += unit.adverse[t];
            (quota_week(t) ? adverse.quota_all : adverse.other_all) += unit.counts[t];
        }
    } else {
        result.not_run = unit.adverse.empty() ? "needs decisions (events input, or an adverse column in counts)"
                                              : "needs a quota-like count from the floor test";
        return result;
    }
    if (adverse.quota_all < 5 || adverse.other_all < 5) {
        result.not_run = "needs at least 5 decided referrals both in quota-like periods and in others";
        return result;
    }
    const double p_adverse = adverse.p_lower();
    const double p_overturn = overturned.quota_all >= 5 && overturned.other_all >= 5 ? overturned.p_lower() : 1;
    result.ran = true;
    result.p_value = std::min(1.0, 2 * std::min(p_adverse, p_overturn));
    result.statistic = adverse.z_lower();
    result.effect = adverse.other_share() - adverse.quota_share();
    result.effect_text = fmt::format(
        "{:.0f}% of decided referrals made in quota-like periods were adverse, against {:.0f}% of the others",
        100 * adverse.quota_share(), 100 * adverse.other_share());
    if (overturned.quota_all >= 5 && overturned.other_all >= 5)
        result.effect_text += fmt::format("; {:.0f}% against {:.0f}% overturned on reconsideration",
                                          100 * (1 - overturned.quota_share()), 100 * (1 - overturned.other_share()));
    result.chart = {{"adverse share, quota-like periods", 100 * adverse.quota_share(), 100 * adverse.other_share()}};
    return result;
}

}  // namespace pw::analytics
