#include <gtest/gtest.h>

#include "analytics/referrals/dates.hpp"

using namespace pw::analytics;

TEST(ReferralDates, ReadsRealDatesAndRefusesOthers) {
    EXPECT_EQ(parse_day("1970-01-01"), 0);
    EXPECT_EQ(parse_day("2012-02-29"), day_from_civil(2012, 2, 29));
    EXPECT_FALSE(parse_day("2013-02-29"));  // not a leap year
    EXPECT_FALSE(parse_day("2012-13-01"));
    EXPECT_FALSE(parse_day("2012-1-01"));
    EXPECT_FALSE(parse_day("12/03/2012"));
    EXPECT_FALSE(parse_day("1899-12-31"));
    EXPECT_FALSE(parse_day("2012-03-1x"));
}

TEST(ReferralDates, CivilDatesRoundTripOverTwoCenturies) {
    for (Day d = day_from_civil(1900, 1, 1); d <= day_from_civil(2199, 12, 31); d += 37) {
        const Civil c = civil_from_day(d);
        EXPECT_EQ(day_from_civil(c.year, c.month, c.day), d);
    }
}

TEST(ReferralDates, KnowsTheDayOfTheWeek) {
    EXPECT_EQ(weekday(*parse_day("2012-01-02")), 0);  // a Monday
    EXPECT_EQ(weekday(*parse_day("1969-12-31")), 2);  // a Wednesday, before the epoch
    EXPECT_EQ(weekday(*parse_day("2026-11-22")), 6);  // a Sunday
    EXPECT_EQ(week_of(*parse_day("2012-01-08")), week_of(*parse_day("2012-01-02")));
    EXPECT_EQ(week_of(*parse_day("2012-01-09")), week_of(*parse_day("2012-01-02")) + 1);
    EXPECT_EQ(monday_of_week(week_of(*parse_day("2012-03-15"))), *parse_day("2012-03-12"));
}

TEST(ReferralDates, FindsTheLastFiveWorkingDaysOfAMonth) {
    // March 2012 ends on Saturday 31st: its last five working days are Monday 26th to Friday 30th.
    EXPECT_TRUE(in_last_working_days_of_month(*parse_day("2012-03-26"), 5));
    EXPECT_TRUE(in_last_working_days_of_month(*parse_day("2012-03-30"), 5));
    EXPECT_FALSE(in_last_working_days_of_month(*parse_day("2012-03-23"), 5));
    EXPECT_FALSE(in_last_working_days_of_month(*parse_day("2012-03-31"), 5));  // a Saturday
    EXPECT_EQ(working_days_in_month(month_of(*parse_day("2012-03-01"))), 22);
    EXPECT_EQ(working_days_in_month(month_of(*parse_day("2012-02-01"))), 21);
}
