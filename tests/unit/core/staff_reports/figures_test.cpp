#include "core/staff_reports/figures.hpp"

#include <gtest/gtest.h>

using namespace pw;
using namespace pw::staff_reports;

TEST(StaffReportQuarters, EachMonthBelongsToItsQuarter) {
    EXPECT_EQ(quarter_of(*Month::parse("2026-01")), "2026-Q1");
    EXPECT_EQ(quarter_of(*Month::parse("2026-03")), "2026-Q1");
    EXPECT_EQ(quarter_of(*Month::parse("2026-10")), "2026-Q4");
    EXPECT_EQ(quarter_of(*Month::parse("2026-12")), "2026-Q4");
    EXPECT_EQ(quarter_start(*Month::parse("2026-11")), *Month::parse("2026-10"));
    EXPECT_EQ(quarter_end(*Month::parse("2026-11")), *Month::parse("2026-12"));
    EXPECT_EQ(quarter_named("2026-Q4"), Month::parse("2026-10"));
    EXPECT_FALSE(quarter_named("2026-Q5"));
    EXPECT_FALSE(quarter_named("2026Q4"));
    EXPECT_FALSE(quarter_named("abcd-Q1"));
}

// The thresholds: five times the noise's spread (ε 0.4: 18; ε 0.1 a kind: 71).
TEST(StaffReportFigures, ACountIsShownOnlyFromFiveTimesItsNoise) {
    QuarterCounts counts;
    counts.reports = 17;
    EXPECT_FALSE(reports_shown(counts).shown());
    EXPECT_EQ(reports_shown(counts).shown_from, 18);
    counts.reports = 18;
    EXPECT_TRUE(reports_shown(counts).shown());
    counts.by_pressure[0] = 70;
    EXPECT_FALSE(pressure_shown(counts, 0).shown());
    EXPECT_EQ(pressure_shown(counts, 0).shown_from, 71);
    counts.by_pressure[0] = 71;
    EXPECT_TRUE(pressure_shown(counts, 0).shown());
}

TEST(StaffReportFigures, AKindIsNeverShownWhereThePrimesReportsAreNot) {
    QuarterCounts counts;
    counts.reports = 5;  // noise pushed a kind far up, but the reports are under their threshold
    counts.by_pressure[2] = 200;
    EXPECT_FALSE(pressure_shown(counts, 2).shown());
    counts.reports = 40;
    EXPECT_TRUE(pressure_shown(counts, 2).shown());
}
