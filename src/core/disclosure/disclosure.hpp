#pragma once
// Disclosure control: the one place that decides whether a public number may be shown.
// Counts from 1 to min_count - 1 are hidden; when a row's total is shown and only one cell
// would be hidden, the next smallest is hidden too, so nobody can work it out by subtraction.
#include <cstdint>
#include <span>
#include <vector>

namespace pw::disclosure {

inline constexpr long long kMinCount = 5;

struct Cell {
    long long value = 0;
    bool shown = true;
};

std::vector<Cell> protect_row(std::span<const long long> counts, long long min_count = kMinCount);

}  // namespace pw::disclosure
