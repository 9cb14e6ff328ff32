#include "core/disclosure/disclosure.hpp"

#include <limits>

namespace pw::disclosure {

std::vector<Cell> protect_row(std::span<const long long> counts, long long min_count) {
    std::vector<Cell> cells;
    int hidden = 0;
    for (auto count : counts) {
        const bool small = count > 0 && count < min_count;
        cells.push_back({count, !small});
        hidden += small ? 1 : 0;
    }
    if (hidden == 1) {
        // Complementary suppression: hide the smallest other shown cell.
        std::size_t pick = cells.size();
        long long smallest = std::numeric_limits<long long>::max();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (cells[i].shown && cells[i].value < smallest) {
                smallest = cells[i].value;
                pick = i;
            }
        }
        if (pick < cells.size()) cells[pick].shown = false;
    }
    return cells;
}

}  // namespace pw::disclosure
