#pragma once
// What publication counts. A leaf is the finest unit anything is published for: a provider's own
// ratings or one office's, in one area. Every public figure is a sum of leaves' noisy cells, so
// a parent minus its children is a sum of noise, never one person's answer.
#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <span>

#include "core/ratings/rating.hpp"
#include "core/sanctions/case.hpp"

namespace pw::publication {

struct Leaf {
    std::int64_t provider_id = 0;  // sanctions: 0 is Jobcentre Plus
    std::int64_t office_id = 0;    // 0: the provider's own
    std::int64_t area_id = 0;      // 0: no area (a provider without contracts)
    friend auto operator<=>(const Leaf&, const Leaf&) = default;
};

using Histogram = std::array<long long, 5>;  // 1 to 5 stars

// Overall stars, then the six aspects in kAspects order.
inline constexpr std::size_t kRatingMeasures = 1 + ratings::kAspects.size();
struct RatingCells {
    std::array<Histogram, kRatingMeasures> measures{};
    RatingCells& operator+=(const RatingCells& other);
    friend bool operator==(const RatingCells&, const RatingCells&) = default;
};

struct SanctionCells {
    std::array<long long, sanctions::kReasons.size()> logged_by_reason{};
    long long decided = 0;
    long long adverse = 0;
    long long overturned = 0;
    SanctionCells& operator+=(const SanctionCells& other);
    friend bool operator==(const SanctionCells&, const SanctionCells&) = default;
};

// One month's counts, per leaf: raw before publication, noisy after.
using RatingMonth = std::map<Leaf, RatingCells>;
using SanctionMonth = std::map<std::int64_t, SanctionCells>;  // by referrer (0: Jobcentre Plus)

// Flat form for storage: the numbers in a fixed order, and back.
std::array<long long, kRatingMeasures * 5> flatten(const RatingCells& cells);
RatingCells rating_cells_from(std::span<const long long> values);  // needs kRatingMeasures * 5 values
inline constexpr std::size_t kSanctionValues = sanctions::kReasons.size() + 3;
std::array<long long, kSanctionValues> flatten(const SanctionCells& cells);
SanctionCells sanction_cells_from(std::span<const long long> values);

}  // namespace pw::publication
