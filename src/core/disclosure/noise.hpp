#pragma once
// The two-sided geometric mechanism: integer noise with P(k) proportional to exp(-epsilon |k|),
// the discrete Laplace. Added once to each published count and stored (docs/disclosure.md).
// Pure: the random bits come from the caller (libsodium's randombytes in production).
#include <cstdint>
#include <functional>
#include <string>

namespace pw::disclosure {

// 64 uniform random bits a call.
using RandomBits = std::function<std::uint64_t()>;

long long geometric_noise(double epsilon, const RandomBits& bits);

// The variance of one draw: 2a / (1 - a)^2 with a = exp(-epsilon).
double geometric_variance(double epsilon);

// A noisy count as people read it: "fewer than 10" below the threshold, else "about N",
// rounded so the last digit never pretends to a precision the noise does not have.
std::string count_band(long long noisy, double noise_sd, long long threshold);

// The smallest noisy count at which a unit's figures are shown: the minimum count, or three
// times the noise's standard deviation when that is larger (an empty unit then passes about
// once in 700, so an empty office almost never shows a score made of noise).
long long shown_from(long long min_count, double noise_sd);

}  // namespace pw::disclosure
