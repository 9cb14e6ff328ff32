#include <algorithm>
#include <fmt/format.h>

#include "analytics/detection/distributions.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {
namespace {

// Half the mean squared difference between neighbouring periods (both observed): the variance
// from one period to the next. A lasting change of level (a leaver, a new starter, a busy
// season, a trend) adds one difference to it where it inflates the plain variance in every period.
struct WeekToWeek {
    std::size_t periods = 0;    // observed periods
    std::size_t pairs = 0;      // neighbours both observed
    std::size_t adjacent = 0;   // pairs of pairs sharing a period
    double mean = 0;
    double variance = 0;
};

WeekToWeek week_to_week(std::span<const std::int32_t> counts) {
    WeekToWeek w;
    double sum = 0, squares = 0;
    bool last_pair = false;
    for (std::size_t t = 0; t < counts.size(); ++t) {
        if (counts[t] < 0) {
            last_pair = false;
            continue;
        }
        ++w.periods;
        sum += counts[t];
        const bool pair = t > 0 && counts[t - 1] >= 0;
        if (pair) {
            const double d = counts[t] - counts[t - 1];
            squares += d * d;
            ++w.pairs;
            if (last_pair) ++w.adjacent;
        }
        last_pair = pair;
    }
    if (w.periods) w.mean = sum / static_cast<double>(w.periods);
    if (w.pairs) w.variance = squares / (2 * static_cast<double>(w.pairs));
    return w;
}

// Degrees of freedom of the chi-square that matches the variance of (week-to-week variance / mean)
// for independent Poisson counts: each squared difference has variance (2k + 8) s^4 and two that
// share a period covary by (k + 2) s^4, where k = 1 / mean is the Poisson's excess kurtosis.
double matched_degrees_of_freedom(const WeekToWeek& w) {
    const double k = 1 / w.mean;
    const double m = static_cast<double>(w.pairs);
    const double var = (m * (2 * k + 8) + 2 * static_cast<double>(w.adjacent) * (k + 2)) / (4 * m * m);
    return 2 / var;
}

}  // namespace

// One-sided, against Poisson. A quota makes weeks steadier than chance allows. Independent
// referrals vary at least as a Poisson count does, and busy weeks, absence, turnover and surges
// only add to that; what can hold a week's total level is a ceiling (all appointment slots full
// every week) or a fixed caseload of which most are referred, and the method's "wrong if" says so.
// Lumpier weeks are reported but are not evidence: offices are lumpy for staffing reasons.
// Weeks a counts file leaves out make the rest look steadier (a count file that drops its zero
// weeks holds only weeks of 1 and more), so a unit with missing weeks and no zero is not tested.
TestResult dispersion_test(const UnitData& unit, const Peers& /*peers*/) {
    TestResult result;
    result.kind = TestKind::dispersion;
    const WeekToWeek w = week_to_week(unit.counts);
    if (w.pairs < 8) {
        result.not_run =
            fmt::format("needs at least 8 pairs of neighbouring periods with counts; this unit has {}", w.pairs);
        return result;
    }
    if (w.mean <= 0) {
        result.not_run = "this unit made no referrals";
        return result;
    }
    if (zeros_left_out(unit.counts)) {
        result.not_run = std::string(kZerosLeftOut);
        return result;
    }
    const double df = matched_degrees_of_freedom(w);
    result.effect = w.variance / w.mean;
    result.statistic = df * result.effect;
    result.p_value = std::min(1.0, boost::math::cdf(dist::ChiSquared(df), result.statistic));
    result.effect_text = fmt::format(
        "variance from one period to the next {:.2f} against {:.2f} for referrals made independently (ratio "
        "{:.2f}: {})",
        w.variance, w.mean, result.effect,
        result.p_value <= 0.05 ? "steadier than chance allows, as smoothing to a quota would make it"
        : result.effect < 1    ? "a little steadier than the mean, within what chance gives"
                               : "as variable as chance or more, which a quota would not make it");
    result.ran = true;
    result.chart = {{"variance", w.variance, w.mean}};
    return result;
}

}  // namespace pw::analytics
