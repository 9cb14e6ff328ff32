#include "core/publication/publish.hpp"

#include "core/disclosure/ledger.hpp"

namespace pw::publication {

using disclosure::Table;

namespace {
double epsilon_of_measure(std::size_t measure) {
    return disclosure::epsilon_of(measure == 0 ? Table::rating_stars : Table::rating_aspect);
}

RatingCells noisy(const RatingCells& raw, const disclosure::RandomBits& bits) {
    RatingCells out = raw;
    for (std::size_t m = 0; m < kRatingMeasures; ++m) {
        for (auto& count : out.measures[m]) count += disclosure::geometric_noise(epsilon_of_measure(m), bits);
    }
    return out;
}

SanctionCells noisy(const SanctionCells& raw, const disclosure::RandomBits& bits) {
    SanctionCells out = raw;
    for (auto& count : out.logged_by_reason) {
        count += disclosure::geometric_noise(disclosure::epsilon_of(Table::sanction_logged), bits);
    }
    out.decided += disclosure::geometric_noise(disclosure::epsilon_of(Table::sanction_decided), bits);
    out.adverse += disclosure::geometric_noise(disclosure::epsilon_of(Table::sanction_adverse), bits);
    out.overturned += disclosure::geometric_noise(disclosure::epsilon_of(Table::sanction_overturned), bits);
    return out;
}
}  // namespace

NoisyMonth draw_month(const Structure& structure, const RatingMonth& raw_ratings, const SanctionMonth& raw_sanctions,
                      const disclosure::RandomBits& bits) {
    RatingMonth placed;
    NoisyMonth out;
    for (const auto& [leaf, cells] : raw_ratings) {
        const auto to = structure.place(leaf);
        if (!to) {
            for (auto count : cells.measures[0]) out.unplaced += count;
            continue;
        }
        placed[*to] += cells;
    }
    for (const auto& leaf : structure.rating_leaves()) {
        const auto found = placed.find(leaf);
        out.ratings.emplace(leaf, noisy(found == placed.end() ? RatingCells{} : found->second, bits));
    }
    for (auto referrer : structure.referrers()) {
        const auto found = raw_sanctions.find(referrer);
        out.sanctions.emplace(referrer, noisy(found == raw_sanctions.end() ? SanctionCells{} : found->second, bits));
    }
    return out;
}

RatingSum& RatingSum::operator+=(const RatingSum& other) {
    cells += other.cells;
    cells_summed += other.cells_summed;
    return *this;
}

std::map<UnitKey, RatingSum> roll_up(const Structure& structure, const std::map<Leaf, RatingSum>& leaves) {
    using ratings::UnitKind;
    std::map<UnitKey, RatingSum> units;
    for (const auto& [leaf, sum] : leaves) {
        if (leaf.office_id != 0) units[{UnitKind::office, leaf.office_id, 0}] += sum;
        units[{UnitKind::provider, leaf.provider_id, 0}] += sum;
        if (leaf.area_id != 0) units[{UnitKind::area, leaf.area_id, 0}] += sum;
        for (const auto& [prime, area] : structure.primes_of(leaf)) {
            if (prime != leaf.provider_id) units[{UnitKind::provider, prime, 0}] += sum;
            units[{UnitKind::prime_in_area, prime, area}] += sum;
        }
    }
    return units;
}

RatingSum programme_sum(const std::map<Leaf, RatingSum>& leaves) {
    RatingSum total;
    for (const auto& [leaf, sum] : leaves) total += sum;
    return total;
}

}  // namespace pw::publication
