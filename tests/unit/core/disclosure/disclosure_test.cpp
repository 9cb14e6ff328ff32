#include "core/disclosure/disclosure.hpp"

#include <gtest/gtest.h>

using pw::disclosure::protect_row;

namespace {
std::vector<bool> shown(const std::vector<long long>& counts) {
    std::vector<bool> out;
    for (const auto& cell : protect_row(counts)) out.push_back(cell.shown);
    return out;
}
}  // namespace

TEST(Disclosure, ShowsEveryCountOfFiveOrMore) {
    EXPECT_EQ(shown({5, 12, 7, 30, 9}), (std::vector<bool>{true, true, true, true, true}));
}

TEST(Disclosure, HidesCountsUnderFiveButNotZeros) {
    EXPECT_EQ(shown({0, 3, 4, 20, 9}), (std::vector<bool>{true, false, false, true, true}));
}

TEST(Disclosure, HidesTheComplementaryCellSoALoneSmallCountCannotBeDerived) {
    // Only the 2 is small: the total would reveal it, so the next smallest (6) goes too.
    EXPECT_EQ(shown({2, 6, 10, 30, 9}), (std::vector<bool>{false, false, true, true, true}));
    // A zero is the smallest other cell: hiding it is enough to stop the subtraction.
    EXPECT_EQ(shown({0, 1, 10, 30, 9}), (std::vector<bool>{false, false, true, true, true}));
}

TEST(Disclosure, KeepsTheValuesForThoseAllowedToSeeThem) {
    auto cells = protect_row(std::vector<long long>{2, 6});
    EXPECT_EQ(cells[0].value, 2);
    EXPECT_FALSE(cells[0].shown);
}
