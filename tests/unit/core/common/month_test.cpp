#include "core/common/month.hpp"

#include <gtest/gtest.h>

TEST(Month, ParsesAndPrintsYearAndMonthOnly) {
    auto m = pw::Month::parse("2026-11");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->year(), 2026);
    EXPECT_EQ(m->month(), 11);
    EXPECT_EQ(pw::Month::from(2011, 6)->to_string(), "2011-06");
}

TEST(Month, RefusesWhatIsNotAMonth) {
    EXPECT_FALSE(pw::Month::parse("2026-13"));
    EXPECT_FALSE(pw::Month::parse("2026-00"));
    EXPECT_FALSE(pw::Month::parse("2026-1"));
    EXPECT_FALSE(pw::Month::parse("2026-11-22"));
    EXPECT_FALSE(pw::Month::parse("20a6-11"));
}
