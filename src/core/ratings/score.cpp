#include "core/ratings/score.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>

#include "core/disclosure/noise.hpp"

namespace pw::ratings {

long long total(const StarCounts& counts) {
    long long n = 0;
    for (auto c : counts) n += c;
    return n;
}

namespace {
struct Moments {
    long long n = 0;
    double mean = 0;
    double sum_squares = 0;  // of deviations from the mean
};

Moments moments(const StarCounts& counts) {
    Moments m;
    m.n = total(counts);
    if (m.n == 0) return m;
    double sum = 0;
    for (int s = 1; s <= 5; ++s) sum += static_cast<double>(counts[s - 1]) * s;
    m.mean = sum / static_cast<double>(m.n);
    for (int s = 1; s <= 5; ++s) m.sum_squares += static_cast<double>(counts[s - 1]) * (s - m.mean) * (s - m.mean);
    return m;
}
}  // namespace

Prior prior_from(const StarCounts& programme, const ScoreSettings& settings) {
    const auto m = moments(programme);
    if (m.n < settings.min_raters) return Prior{};
    // A floor on the variance keeps one unanimous programme from making every interval a point.
    return Prior{m.mean, std::max(0.25, m.sum_squares / static_cast<double>(m.n))};
}

namespace {
struct Posterior {
    double mean = 0;
    double variance = 0;  // of the mean
};

Posterior posterior(const Moments& m, const Prior& prior, const ScoreSettings& settings) {
    const double k = settings.prior_strength;
    const double n = static_cast<double>(m.n);
    const double spread =
        (k * prior.variance + m.sum_squares + (k * n / (k + n)) * (m.mean - prior.mean) * (m.mean - prior.mean)) /
        (k + n);
    return {(k * prior.mean + n * m.mean) / (k + n), spread / (k + n)};
}

void set_interval(Score& result, const Posterior& p, const ScoreSettings& settings) {
    const boost::math::normal standard_normal;
    const double z = boost::math::quantile(standard_normal, 1.0 - (1.0 - settings.credibility) / 2.0);
    const double spread = std::sqrt(p.variance);
    result.mean = p.mean;
    result.lower = std::clamp(p.mean - z * spread, 1.0, 5.0);
    result.upper = std::clamp(p.mean + z * spread, 1.0, 5.0);
}
}  // namespace

Score score(const StarCounts& counts, const Prior& prior, const ScoreSettings& settings) {
    Score result;
    result.distribution = counts;
    result.shown_from = settings.min_raters;
    const auto m = moments(counts);
    result.raters = m.n;
    result.shown = m.n >= settings.min_raters && m.n > 0;
    if (!result.shown) return result;
    set_interval(result, posterior(m, prior, settings), settings);
    return result;
}

Score noisy_score(const StarCounts& noisy, double count_variance, const Prior& prior, const ScoreSettings& settings) {
    Score result;
    StarCounts clamped{};
    for (std::size_t s = 0; s < 5; ++s) clamped[s] = std::max(0LL, noisy[s]);
    result.distribution = clamped;
    result.raters = total(noisy);
    result.shown_from = disclosure::shown_from(settings.min_raters, std::sqrt(5 * count_variance));
    const auto m = moments(clamped);
    result.shown = result.raters >= result.shown_from && m.n > 0;
    if (!result.shown) return result;
    auto p = posterior(m, prior, settings);
    // The noise in each count moves the mean by (stars - mean) / (k + n) a unit (delta method).
    const double k_plus_n = settings.prior_strength + static_cast<double>(m.n);
    for (int s = 1; s <= 5; ++s) p.variance += (s - p.mean) * (s - p.mean) * count_variance / (k_plus_n * k_plus_n);
    set_interval(result, p, settings);
    return result;
}

Standing standing(const Score& score, const ScoreSettings& settings) {
    if (!score.shown) return Standing::not_enough_ratings;
    if (score.upper < settings.standard) return Standing::below_standard;
    if (score.mean < settings.standard) return Standing::at_risk;
    return Standing::meets_standard;
}

bool in_window(Month rated, Month now, int window_months) {
    const int age = now.index() - rated.index();
    return age >= 0 && age < window_months;
}

Month window_start(Month now, int window_months) {
    return now.plus(-(window_months - 1)).value_or(now);
}

}  // namespace pw::ratings
