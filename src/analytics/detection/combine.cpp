#include "analytics/detection/combine.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/detection/detect.hpp"

namespace pw::analytics {

double combine(double min_p, double effective_tests) {
    if (min_p >= 1) return 1;
    return std::clamp(-std::expm1(effective_tests * std::log1p(-min_p)), 0.0, 1.0);
}

namespace {

// The m at which no more than `level` of the simulated nulls are at or under the line `level`: the
// line falls on the floor(n level)-th smallest p, so that many and no more reach it.
double fit_at(std::vector<double>& null_min_p, double level, double cap) {
    const auto under = static_cast<std::size_t>(static_cast<double>(null_min_p.size()) * level);
    const std::size_t at = under - 1;
    std::nth_element(null_min_p.begin(), null_min_p.begin() + static_cast<std::ptrdiff_t>(at), null_min_p.end());
    const double quantile = null_min_p[at];
    if (quantile <= 0) return cap;
    if (quantile >= level) return 1;
    return std::clamp(std::log1p(-level) / std::log1p(-quantile), 1.0, cap);
}

}  // namespace

double fit_effective_tests(std::vector<double> null_min_p, double tests_run) {
    const double n = static_cast<double>(null_min_p.size());
    if (n * kFitLevels.back() < 2) return tests_run;  // too few to fit: the Bonferroni-like bound
    double m = 1;
    for (double level : kFitLevels)
        if (n * level >= 10 || level == kFitLevels.back())
            m = std::max(m, fit_at(null_min_p, level, kAntiConservative * tests_run));
    return m;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p_values) {
    const std::size_t n = p_values.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::ranges::sort(order, [&](auto a, auto b) { return p_values[a] < p_values[b]; });
    std::vector<double> q(n, 1);
    double running = 1;
    for (std::size_t k = n; k-- > 0;) {
        const double candidate = p_values[order[k]] * static_cast<double>(n) / static_cast<double>(k + 1);
        running = std::min(running, candidate);
        q[order[k]] = std::min(1.0, running);
    }
    return q;
}

}  // namespace pw::analytics
