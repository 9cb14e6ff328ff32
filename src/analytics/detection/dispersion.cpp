#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <fmt/format.h>

#include "analytics/detection/model.hpp"
#include "analytics/detection/tests.hpp"

namespace pw::analytics {

TestResult dispersion_test(const UnitData& unit, const Peers& peers) {
    TestResult result;
    result.kind = TestKind::dispersion;
    const Moments m = moments(unit.counts);
    if (m.periods < 8) {
        result.not_run = fmt::format("needs at least 8 periods; this unit has {}", m.periods);
        return result;
    }
    if (m.mean <= 0) {
        result.not_run = "this unit made no referrals";
        return result;
    }
    const double null_variance = CountModel(m.mean, peers.dispersion).variance();
    const double df = static_cast<double>(m.periods - 1);
    result.statistic = df * m.variance / null_variance;
    const boost::math::chi_squared chi(df);
    const double lower = boost::math::cdf(chi, result.statistic);
    const double upper = boost::math::cdf(boost::math::complement(chi, result.statistic));
    result.p_value = std::min(1.0, 2 * std::min(lower, upper));
    result.effect = m.variance / null_variance;
    result.effect_text =
        fmt::format("variance {:.2f} against {:.2f} expected from peers (ratio {:.2f}: {})", m.variance,
                    null_variance, result.effect,
                    result.effect < 1 ? "steadier than peers, as smoothing to a floor would make it"
                                      : "burstier than peers");
    result.ran = true;
    result.chart = {{"variance", m.variance, null_variance}};
    return result;
}

}  // namespace pw::analytics
