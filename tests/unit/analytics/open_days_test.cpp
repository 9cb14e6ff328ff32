// Offices that work only some days, bank holidays, and a unit's history over the whole file:
// the facts the null model needs so ordinary staffing is not read as a quota.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analytics/detection/detect.hpp"
#include "analytics/detection/panel.hpp"
#include "analytics/detection/tests.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/referrals/unit_index.hpp"
#include "analytics/referrals/writer.hpp"

using namespace pw::analytics;

namespace {

Day on(const char* text) {
    return *parse_day(text);
}

// Referrals on `days` of every week from 2 Jan to 30 Dec 2012, `per_day` each day, in England.
UnitData every_week(const Calendar& calendar, std::uint8_t open_days, std::initializer_list<int> days, int per_day) {
    UnitData unit;
    unit.calendar = &calendar;
    unit.open_days = open_days;
    for (Day monday = on("2012-01-02"); monday + 6 <= on("2012-12-30"); monday += 7)
        for (int d : days)
            if (calendar.open(open_days, monday + d))
                for (int i = 0; i < per_day; ++i) unit.referrals.push_back({monday + d, Decision::adverse});
    return unit;
}

}  // namespace

TEST(BankHolidays, EachNationKeepsItsOwn) {
    EXPECT_TRUE(bank_holiday(on("2012-04-06"), Nation::england_and_wales));  // Good Friday
    EXPECT_TRUE(bank_holiday(on("2012-04-09"), Nation::england_and_wales));  // Easter Monday
    EXPECT_FALSE(bank_holiday(on("2012-04-09"), Nation::scotland));
    EXPECT_TRUE(bank_holiday(on("2012-01-03"), Nation::scotland));  // 2 January, moved from a Monday taken by New Year
    EXPECT_TRUE(bank_holiday(on("2012-06-05"), Nation::northern_ireland));  // the Diamond Jubilee
    EXPECT_TRUE(bank_holiday(on("2013-03-18"), Nation::northern_ireland));  // St Patrick's Day, moved from a Sunday
    EXPECT_TRUE(bank_holiday(on("2012-08-06"), Nation::scotland));          // Scotland's summer holiday
    EXPECT_FALSE(bank_holiday(on("2012-08-27"), Nation::scotland));
    EXPECT_FALSE(bank_holiday(on("2012-03-14"), Nation::england_and_wales));
    EXPECT_LE(bank_holiday_years().first, 2011);
    EXPECT_GE(bank_holiday_years().last, 2026);
}

TEST(BankHolidays, NationsAreReadAsPeopleWriteThem) {
    EXPECT_EQ(nation_from("Wales"), Nation::england_and_wales);
    EXPECT_EQ(nation_from("Northern Ireland"), Nation::northern_ireland);
    EXPECT_EQ(nation_from("northern_ireland"), Nation::northern_ireland);
    EXPECT_FALSE(nation_from("Ulster"));
}

TEST(Calendar, MonthEndsSkipBankHolidays) {
    const Calendar england(on("2012-08-01"), on("2012-08-31"), Nation::england_and_wales);
    const Calendar scotland(on("2012-08-01"), on("2012-08-31"), Nation::scotland);
    // Monday 27 August is a holiday in England and Wales: its last 5 working days reach back to the 24th.
    EXPECT_FALSE(england.working(on("2012-08-27")));
    EXPECT_TRUE(england.month_end(on("2012-08-24")));
    EXPECT_FALSE(scotland.month_end(on("2012-08-24")));
    EXPECT_TRUE(scotland.month_end(on("2012-08-27")));
    // The weekend inside the span is part of the month's end (for a unit open then); the one before is not.
    EXPECT_TRUE(england.month_end(on("2012-08-25")));
    EXPECT_FALSE(scotland.month_end(on("2012-08-25")));
    EXPECT_FALSE(england.month_end(on("2012-08-18")));
}

TEST(OpenDays, AreReadFromTheWaysPeopleWriteThem) {
    EXPECT_EQ(open_days_from("mon-fri"), 0x1f);
    EXPECT_EQ(open_days_from("Thu, Fri"), 0x18);
    EXPECT_EQ(open_days_from("Monday Tuesday"), 0x03);
    EXPECT_EQ(open_days_from("sat..sun"), 0x60);
    EXPECT_EQ(open_days_from("tues;thurs"), 0x0a);
    EXPECT_FALSE(open_days_from("funday"));
    EXPECT_FALSE(open_days_from("fri-mon"));
    EXPECT_FALSE(open_days_from("mo"));
    EXPECT_FALSE(open_days_from(""));
}

TEST(OpenDays, AreEstimatedFromWhichDaysAUnitRefersOnNotHowMany) {
    EXPECT_EQ(estimated_open_days({0, 0, 0, 40, 40, 0, 0}), 0x18);
    // A quota's Friday top-up makes Friday busier; Monday to Thursday stay open.
    EXPECT_EQ(estimated_open_days({10, 10, 10, 10, 60, 0, 0}), 0x1f);
    // One stray Sunday entry among a thousand does not open Sundays.
    EXPECT_EQ(estimated_open_days({200, 200, 200, 200, 199, 0, 1}), 0x1f);
    EXPECT_EQ(estimated_open_days({0, 0, 0, 0, 0, 0, 0}), kMondayToFriday);
}

TEST(PeriodEndTest, AnOfficeOpenOnlyOnThursdaysAndFridaysIsNotAFridayQuota) {
    Calendar calendar(on("2012-01-01"), on("2012-12-31"));
    calendar.prepare(0x18);
    const auto part_time = every_week(calendar, 0x18, {3, 4}, 1);
    const auto fair = period_end_test(part_time);
    ASSERT_TRUE(fair.ran) << fair.not_run;
    EXPECT_GT(fair.p_value, 0.05) << fair.effect_text;
    EXPECT_NE(fair.effect_text.find("50% of referrals fall on the last open day, against 50%"), std::string::npos)
        << fair.effect_text;
    // Read as a Monday-to-Friday office, half its referrals fall on Fridays against a fifth of the
    // days; the report says so, but a share alone is not evidence of a quota.
    auto as_full_time = part_time;
    as_full_time.open_days = kMondayToFriday;
    const auto shown = period_end_test(as_full_time);
    EXPECT_NE(shown.effect_text.find("50% of referrals fall on the last open day, against 20%"), std::string::npos)
        << shown.effect_text;
    EXPECT_GT(shown.p_value, 0.05) << shown.effect_text;
}

TEST(Panel, AUnitsHistoryRunsOverTheWholeFileWithZeroWeeks) {
    ReadReport report;
    auto events = read_events(
        "date,unit,decision\n"
        "2012-01-02,early,adverse\n"
        "2012-03-01,late,adverse\n"
        "2012-03-30,early,adverse\n",
        report);
    ASSERT_TRUE(events) << events.error().message;
    const Panel panel = panel_from(*events);
    ASSERT_EQ(panel.units.size(), 2u);
    // Whole weeks from Monday 2 January to Friday 30 March: 13 of them, for both units.
    EXPECT_EQ(panel.units[0].counts.size(), 13u);
    EXPECT_EQ(panel.units[1].counts.size(), 13u);
    EXPECT_EQ(panel.units[1].first_period, week_of(on("2012-01-02")));
    EXPECT_EQ(panel.units[1].counts[0], 0);
    EXPECT_EQ(panel.units[1].counts[8], 1);  // the week of 27 February
    // A period given on the command line sets the weeks instead.
    const Panel wider = panel_from(*events, Period{on("2011-12-26"), on("2012-04-06")});
    EXPECT_EQ(wider.units[0].counts.size(), 15u);
}

TEST(Panel, OpenDaysAndNationComeFromTheFileWhenGiven) {
    ReadReport report;
    auto events = read_events(
        "date,unit,decision,open_days,nation\n"
        "2012-01-05,Leith,adverse,\"thu,fri\",Scotland\n"
        "2012-01-06,Leith,adverse,\"thu,fri\",Scotland\n"
        "2012-01-06,Derby,adverse,,\n",
        report);
    ASSERT_TRUE(events) << events.error().message;
    EXPECT_EQ(events->units.open_days[0], 0x18);
    EXPECT_EQ(events->units.nation[0], Nation::scotland);
    EXPECT_EQ(events->units.nation[1], Nation::england_and_wales);
    const Panel panel = panel_from(*events);
    EXPECT_EQ(panel.units[0].open_days, 0x18);
    EXPECT_EQ(panel.units[0].calendar->nation(), Nation::scotland);
    // The writer writes them back.
    ReadReport again;
    auto round_trip = read_events(events_csv(*events), again);
    ASSERT_TRUE(round_trip) << round_trip.error().message;
    EXPECT_EQ(round_trip->units.open_days, events->units.open_days);
    EXPECT_EQ(round_trip->units.nation, events->units.nation);
}

TEST(Panel, BadOpenDaysOrNationsAreRowErrors) {
    ReadReport report;
    auto events = read_events(
        "date,unit,decision,open_days,nation\n"
        "2012-01-05,A,adverse,someday,\n"
        "2012-01-05,B,adverse,,Mercia\n"
        "2012-01-05,C,adverse,mon-fri,\n"
        "2012-01-06,C,adverse,thu,\n",
        report);
    ASSERT_TRUE(events) << events.error().message;
    EXPECT_EQ(report.rows_read, 1u);
    ASSERT_EQ(report.problems.size(), 3u);
    EXPECT_EQ(report.problems[0].reason,
              "the open days \"someday\" are not days of the week, for example mon-fri or thu,fri");
    EXPECT_EQ(report.problems[1].reason,
              "the nation \"Mercia\" is not one of england, wales, scotland, northern-ireland (or empty for England "
              "and Wales)");
    EXPECT_EQ(report.problems[2].reason, "unit \"C\" has different open days here than on its first row");
}

TEST(Panel, AnOfficeThatClosedPartWayThroughIsNotReadAsWeeksOfZeros) {
    // Office A refers every weekday all year; office B every weekday until the end of February.
    std::string text = "date,unit,decision\n";
    for (Day d = on("2024-01-01"); d <= on("2024-12-27"); ++d) {
        if (weekday(d) >= 5) continue;
        const Civil c = civil_from_day(d);
        const auto date = fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
        text += date + ",A,adverse\n";
        if (d < on("2024-03-01")) text += date + ",B,adverse\n";
    }
    ReadReport report;
    auto events = read_events(text, report);
    ASSERT_TRUE(events) << events.error().message;
    const Panel panel = panel_from(*events);
    const auto& closed = panel.units[1].counts;
    EXPECT_EQ(closed[3], 5);
    EXPECT_EQ(closed.back(), -1);  // unknown, not a zero
    EXPECT_EQ(std::ranges::count(closed, 0), 0);
    EXPECT_EQ(std::ranges::count(panel.units[0].counts, -1), 0);
    // A quiet week or two in a slow office stays a zero: at 1 a week, 3 empty weeks are ordinary.
    std::vector<std::int32_t> slow{0, 0, 0, 1, 2, 0, 1, 1, 0, 0, 0};
    mark_absent_weeks(slow);
    EXPECT_EQ(slow, (std::vector<std::int32_t>{0, 0, 0, 1, 2, 0, 1, 1, 0, 0, 0}));
}

TEST(Panel, APeriodWithoutReferralsOrOfCenturiesIsRefusedWithItsReason) {
    ReadReport report;
    auto events = read_events("date,unit,decision\n2024-01-02,A,adverse\n2024-03-05,B,adverse\n", report);
    ASSERT_TRUE(events);
    DetectOptions after;
    after.from = on("2030-01-01");
    const auto none = detect(*events, after);
    EXPECT_TRUE(none.units.empty());
    EXPECT_EQ(none.per_unit_not_run, "no referral falls in the period asked for");
    auto wide = read_events("date,unit,decision\n1900-01-01,A,adverse\n2199-12-31,B,adverse\n", report);
    ASSERT_TRUE(wide);
    EXPECT_EQ(detect(*wide).per_unit_not_run,
              "the period runs over more than 30 years; split the file by period (with providerwatch detect, "
              "--from and --to)");
    // 40,000 units over 20 years: more unit-weeks than a file may ask for.
    std::string many = "date,unit,decision\n2000-01-03,u0,adverse\n2019-12-30,u0,adverse\n";
    for (int u = 1; u < 40000; ++u) many += "2010-06-01,u" + std::to_string(u) + ",adverse\n";
    auto crowded = read_events(many, report);
    ASSERT_TRUE(crowded);
    EXPECT_EQ(
        detect(*crowded).per_unit_not_run,
        "40000 units over 1043 weeks is more than 30 million unit-weeks; split the file by period or by area (with "
        "providerwatch detect, --from and --to)");
}
