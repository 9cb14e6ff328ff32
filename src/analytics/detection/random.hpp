#pragma once
// A small fast generator for permutations (SplitMix64), and a Fisher-Yates shuffle on it with
// Lemire's multiply-shift for bounded draws: the permutation test shuffles millions of periods.
#include <cstdint>
#include <span>
#include <utility>

namespace pw::analytics {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound), bias below 2^-32 for the bounds used here.
    std::uint32_t below(std::uint32_t bound) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(bound)) >> 32);
    }

private:
    std::uint64_t state_;
};

template <class T>
void shuffle(std::span<T> values, SplitMix64& random) {
    for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[random.below(static_cast<std::uint32_t>(i))]);
}

}  // namespace pw::analytics
