#include "core/common/week.hpp"

#include <gtest/gtest.h>

using namespace pw;
using namespace std::chrono;

namespace {
Week week_of(int y, unsigned m, unsigned d) {
    return Week::of(year{y} / month{m} / day{d});
}
}  // namespace

TEST(Week, NumbersWeeksTheIsoWay) {
    EXPECT_EQ(week_of(2026, 12, 2).to_string(), "2026-W49");
    EXPECT_EQ(week_of(2026, 1, 1).to_string(), "2026-W01");    // a Thursday
    EXPECT_EQ(week_of(2027, 1, 1).to_string(), "2026-W53");    // a Friday: the last week of 2026
    EXPECT_EQ(week_of(2024, 12, 30).to_string(), "2025-W01");  // a Monday in the next ISO year
    EXPECT_EQ(week_of(2021, 1, 3).to_string(), "2020-W53");
}

TEST(Week, ParsesOnlyWeeksThatExist) {
    EXPECT_EQ(Week::parse("2026-W53")->to_string(), "2026-W53");
    EXPECT_FALSE(Week::parse("2025-W53"));  // 2025 has 52 weeks
    EXPECT_FALSE(Week::parse("2026-W00"));
    EXPECT_FALSE(Week::parse("2026-49"));
    EXPECT_FALSE(Week::parse("2026-W4a"));
    EXPECT_FALSE(Week::parse(""));
}

TEST(Week, CountsWeeksAcrossMonthAndYearEnds) {
    EXPECT_EQ(weeks_between(*Week::parse("2026-W49"), *Week::parse("2027-W05")), 9);
    EXPECT_EQ(weeks_between(*Week::parse("2020-W52"), *Week::parse("2021-W01")), 2);  // 2020 had a week 53
    EXPECT_EQ(weeks_between(*Week::parse("2027-W01"), *Week::parse("2026-W52")), -2);
    EXPECT_EQ(Week::parse("2026-W52")->plus(8).to_string(), "2027-W07");
    EXPECT_EQ(Week::parse("2025-W52")->plus(1).to_string(), "2026-W01");
}

TEST(Week, IsShownUnderTheMonthOfItsThursday) {
    EXPECT_EQ(Week::parse("2026-W53")->month().to_string(), "2026-12");
    EXPECT_EQ(Week::parse("2025-W01")->month().to_string(), "2025-01");  // Monday 30 December 2024
    EXPECT_EQ(Week::parse("2026-W05")->month().to_string(), "2026-01");  // Thursday 29 January
}
