// Large columns in mappings of their own (huge_pages.hpp), and a panel's referrals in its store.
#include <gtest/gtest.h>

#include <cstdint>
#include <type_traits>

#include "analytics/detection/panel.hpp"
#include "analytics/referrals/huge_pages.hpp"
#include "analytics/referrals/reader.hpp"

using namespace pw::analytics;

TEST(LargeMemory, AColumnGrowsPastTheLargeSizeAndKeepsItsRows) {
    // From operator new to a mapping of its own and on, by doubling: every row kept, and a large
    // block starts on a 2 MB boundary, so all of it can be huge pages.
    Column<std::uint32_t> column;
    const std::size_t rows = 3 * kLargeAllocation / sizeof(std::uint32_t);
    for (std::size_t i = 0; i < rows; ++i) column.push_back(static_cast<std::uint32_t>(i * 2654435761u));
    ASSERT_GE(column.capacity() * sizeof(std::uint32_t), kLargeAllocation);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(column.data()) % (2u << 20), 0u);
    for (std::size_t i = 0; i < rows; i += 4099) ASSERT_EQ(column[i], static_cast<std::uint32_t>(i * 2654435761u));
    // Moved, copied and swapped as a std::vector is.
    Column<std::uint32_t> moved = std::move(column);
    EXPECT_EQ(moved.size(), rows);
    Column<std::uint32_t> copy = moved;
    EXPECT_EQ(copy, moved);
    Column<std::uint32_t> small{1, 2, 3};
    small.swap(copy);
    EXPECT_EQ(small.size(), rows);
    EXPECT_EQ(copy, (Column<std::uint32_t>{1, 2, 3}));
}

TEST(LargeMemory, APanelsUnitsKeepTheirReferralsWhenThePanelIsMoved) {
    ReadReport report;
    auto events = read_events(
        "date,unit,decision\n"
        "2012-01-02,a,adverse\n"
        "2012-01-03,b,non-adverse\n"
        "2012-01-10,a,adverse\n",
        report);
    ASSERT_TRUE(events) << events.error().message;
    Panel panel = panel_from(*events);
    const Panel moved = std::move(panel);
    ASSERT_EQ(moved.units.size(), 2u);
    ASSERT_EQ(moved.units[0].referrals.size(), 2u);
    EXPECT_EQ(moved.units[0].referrals[1].day, *parse_day("2012-01-10"));
    EXPECT_EQ(moved.units[1].referrals[0].decision, Decision::non_adverse);
    // A copy of a unit stands alone: it outlives the panel.
    UnitData copy;
    {
        const Panel scoped = panel_from(*events);
        copy = scoped.units[0];
    }
    EXPECT_EQ(copy.referrals.size(), 2u);
    EXPECT_EQ(copy.referrals[0].day, *parse_day("2012-01-02"));
    static_assert(!std::is_move_assignable_v<Panel>, "assigning over a panel would free its store first");
}
