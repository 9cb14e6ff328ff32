#pragma once
// The publication step, pure: noise drawn once per leaf cell of a month, and the roll-up of
// leaves into every unit the site shows. Parents are sums of the unclamped noisy leaves, so all
// figures agree with each other and differencing two of them yields only noise.
#include <map>

#include "core/disclosure/noise.hpp"
#include "core/publication/cells.hpp"
#include "core/publication/structure.hpp"
#include "core/ratings/rating.hpp"

namespace pw::publication {

struct NoisyMonth {
    RatingMonth ratings;      // a cell for every leaf of the structure, noise added
    SanctionMonth sanctions;  // a cell for every referrer
    long long unplaced = 0;   // raw ratings whose unit is no longer in the registry (left out)
};

// Draws the noise for one month. Every leaf and referrer gets a cell, rated or not.
NoisyMonth draw_month(const Structure& structure, const RatingMonth& raw_ratings, const SanctionMonth& raw_sanctions,
                      const disclosure::RandomBits& bits);

// A window's noisy cells added up, with how many monthly cells went in (for the noise's size).
struct RatingSum {
    RatingCells cells;
    long long cells_summed = 0;
    RatingSum& operator+=(const RatingSum& other);
};
struct SanctionSum {
    SanctionCells cells;
    long long cells_summed = 0;
};

struct UnitKey {
    ratings::UnitKind kind = ratings::UnitKind::provider;
    std::int64_t id = 0;
    std::int64_t area_id = 0;  // for prime_in_area
    friend auto operator<=>(const UnitKey&, const UnitKey&) = default;
};

// Every office, provider (a prime with the sub-contractors under its contracts, area by area),
// area and prime-in-area, from the leaves' sums.
std::map<UnitKey, RatingSum> roll_up(const Structure& structure, const std::map<Leaf, RatingSum>& leaves);

// All leaves together: the programme, behind every score's prior.
RatingSum programme_sum(const std::map<Leaf, RatingSum>& leaves);

}  // namespace pw::publication
