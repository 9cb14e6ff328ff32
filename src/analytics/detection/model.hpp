#pragma once
// The null model for a unit's counts per period: negative binomial with the unit's own mean and
// its peers' over-dispersion (Poisson when that is nil), through Boost.Math.
#include <cstdint>
#include <random>
#include <vector>

namespace pw::analytics {

class CountModel {
public:
    CountModel(double mean, double alpha);
    double pmf(std::int64_t k) const;
    double cdf(std::int64_t k) const;
    double variance() const { return mean_ + alpha_ * mean_ * mean_; }
    // pmf(0) ... pmf(last), by the recurrence between neighbours (fast for a scan).
    std::vector<double> pmf_upto(std::int64_t last) const;

private:
    double mean_;
    double alpha_;
};

// One draw from the model (a gamma-Poisson mixture), for simulated nulls and the simulator.
template <class Random>
std::int64_t draw_count(Random& random, double mean, double alpha);

// P(X >= k) for X ~ Binomial(n, p), and P(X <= k).
double binomial_upper(std::int64_t k, std::int64_t n, double p);
double binomial_lower(std::int64_t k, std::int64_t n, double p);
// Standard normal upper tail.
double normal_upper(double z);

template <class Random>
std::int64_t draw_count(Random& random, double mean, double alpha) {
    if (mean <= 0) return 0;
    double rate = mean;
    if (alpha > 1e-6) rate = std::gamma_distribution<double>(1 / alpha, alpha * mean)(random);
    return rate > 0 ? std::poisson_distribution<std::int64_t>(rate)(random) : 0;
}

}  // namespace pw::analytics
