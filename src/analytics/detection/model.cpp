#include "analytics/detection/model.hpp"

#include <algorithm>

#include "analytics/detection/distributions.hpp"

namespace pw::analytics {

CountModel::CountModel(double mean, double alpha) : mean_(std::max(mean, 1e-9)), alpha_(std::max(alpha, 0.0)) {}

double CountModel::pmf(std::int64_t k) const {
    if (k < 0) return 0;
    if (alpha_ < 1e-6) return boost::math::pdf(dist::Poisson(mean_), static_cast<double>(k));
    const double r = 1 / alpha_;
    return boost::math::pdf(dist::NegativeBinomial(r, r / (r + mean_)), static_cast<double>(k));
}

double CountModel::cdf(std::int64_t k) const {
    if (k < 0) return 0;
    if (alpha_ < 1e-6) return boost::math::cdf(dist::Poisson(mean_), static_cast<double>(k));
    const double r = 1 / alpha_;
    return boost::math::cdf(dist::NegativeBinomial(r, r / (r + mean_)), static_cast<double>(k));
}

std::vector<double> CountModel::pmf_upto(std::int64_t last) const {
    std::vector<double> out(static_cast<std::size_t>(std::max<std::int64_t>(last, 0) + 1));
    out[0] = pmf(0);
    const double r = alpha_ < 1e-6 ? 0 : 1 / alpha_;
    for (std::size_t k = 1; k < out.size(); ++k) {
        const double kk = static_cast<double>(k);
        out[k] = r == 0 ? out[k - 1] * mean_ / kk : out[k - 1] * (kk - 1 + r) / kk * (mean_ / (r + mean_));
    }
    return out;
}

double binomial_upper(std::int64_t k, std::int64_t n, double p) {
    if (k <= 0) return 1;
    if (k > n) return 0;
    p = std::clamp(p, 0.0, 1.0);
    const dist::Binomial distribution(static_cast<double>(n), p);
    return boost::math::cdf(boost::math::complement(distribution, static_cast<double>(k - 1)));
}

double binomial_lower(std::int64_t k, std::int64_t n, double p) {
    if (k >= n) return 1;
    if (k < 0) return 0;
    p = std::clamp(p, 0.0, 1.0);
    return boost::math::cdf(dist::Binomial(static_cast<double>(n), p), static_cast<double>(k));
}

double normal_upper(double z) { return boost::math::cdf(boost::math::complement(dist::Normal(), z)); }

}  // namespace pw::analytics
