#include "core/publication/cells.hpp"

namespace pw::publication {

RatingCells& RatingCells::operator+=(const RatingCells& other) {
    for (std::size_t m = 0; m < kRatingMeasures; ++m) {
        for (std::size_t s = 0; s < 5; ++s) measures[m][s] += other.measures[m][s];
    }
    return *this;
}

SanctionCells& SanctionCells::operator+=(const SanctionCells& other) {
    for (std::size_t r = 0; r < logged_by_reason.size(); ++r) logged_by_reason[r] += other.logged_by_reason[r];
    decided += other.decided;
    adverse += other.adverse;
    overturned += other.overturned;
    return *this;
}

std::array<long long, kRatingMeasures * 5> flatten(const RatingCells& cells) {
    std::array<long long, kRatingMeasures * 5> out{};
    for (std::size_t m = 0; m < kRatingMeasures; ++m) {
        for (std::size_t s = 0; s < 5; ++s) out[m * 5 + s] = cells.measures[m][s];
    }
    return out;
}

RatingCells rating_cells_from(std::span<const long long> values) {
    RatingCells cells;
    for (std::size_t m = 0; m < kRatingMeasures; ++m) {
        for (std::size_t s = 0; s < 5; ++s) cells.measures[m][s] = values[m * 5 + s];
    }
    return cells;
}

std::array<long long, kSanctionValues> flatten(const SanctionCells& cells) {
    std::array<long long, kSanctionValues> out{};
    std::size_t i = 0;
    for (auto v : cells.logged_by_reason) out[i++] = v;
    out[i++] = cells.decided;
    out[i++] = cells.adverse;
    out[i++] = cells.overturned;
    return out;
}

SanctionCells sanction_cells_from(std::span<const long long> values) {
    SanctionCells cells;
    std::size_t i = 0;
    for (auto& v : cells.logged_by_reason) v = values[i++];
    cells.decided = values[i++];
    cells.adverse = values[i++];
    cells.overturned = values[i++];
    return cells;
}

}  // namespace pw::publication
