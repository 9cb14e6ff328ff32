#include "core/disclosure/noise.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace pw::disclosure {

namespace {
// A uniform double in (0, 1], from the top 53 bits.
double uniform(const RandomBits& bits) {
    return static_cast<double>((bits() >> 11) + 1) * 0x1.0p-53;
}

// Geometric on {0, 1, 2, ...} with P(k) = (1 - a) a^k, by inversion.
long long geometric(double log_a, const RandomBits& bits) {
    return static_cast<long long>(std::floor(std::log(uniform(bits)) / log_a));
}
}  // namespace

long long geometric_noise(double epsilon, const RandomBits& bits) {
    const double log_a = -epsilon;
    return geometric(log_a, bits) - geometric(log_a, bits);
}

double geometric_variance(double epsilon) {
    const double a = std::exp(-epsilon);
    return 2 * a / ((1 - a) * (1 - a));
}

long long shown_from(long long min_count, double noise_sd) {
    return std::max(min_count, static_cast<long long>(std::ceil(3 * noise_sd)));
}

std::string count_band(long long noisy, double noise_sd, long long threshold) {
    if (noisy < threshold) return fmt::format("fewer than {}", threshold);
    // Round to a step no finer than the noise: 10 below 1,000, else two significant figures.
    long long step = 10;
    while (step < noise_sd) step *= 10;
    while (noisy >= step * 100) step *= 10;
    const long long rounded = std::max(step, (noisy + step / 2) / step * step);
    return fmt::format("about {}", rounded);
}

}  // namespace pw::disclosure
