#include <gtest/gtest.h>

#include <random>

#include "analytics/referrals/reader.hpp"
#include "analytics/referrals/writer.hpp"

using namespace pw::analytics;

namespace {

const char* kHeader = "date,unit,parent,area,reason,decision,reconsideration,appeal\n";

}  // namespace

TEST(ReadEvents, ReadsRowsIntoColumns) {
    ReadReport report;
    auto events = read_events(std::string(kHeader) +
                                  "2012-03-14,Office 1,Prime A,Area 1,missed appointment,adverse,overturned,\n"
                                  "2012-03-15,Office 2,Prime A,Area 1,,non-adverse,,\r\n"
                                  "2012-03-16,Office 1,Prime A,Area 1,\"left course, early\",adverse,upheld,pending",
                              report);
    ASSERT_TRUE(events) << events.error().message;
    ASSERT_EQ(events->size(), 3u);
    EXPECT_EQ(events->units.names.size(), 2u);
    EXPECT_EQ(events->units.names.name(events->unit[2]), "Office 1");
    EXPECT_EQ(events->reasons.name(events->reason[2]), "left course, early");
    EXPECT_EQ(events->reason[1], kNone);
    EXPECT_EQ(events->decision[1], Decision::non_adverse);
    EXPECT_EQ(events->reconsideration[0], Review::overturned);
    EXPECT_EQ(events->appeal[2], Review::pending);
    EXPECT_EQ(report.summary(), "read 3 rows for 2 units, from 2012-03-14 to 2012-03-16");
}

TEST(ReadEvents, TakesColumnsInAnyOrderAndOnlyTheRequiredOnes) {
    ReadReport report;
    auto events = read_events("Decision, Unit ,DATE\nadverse,Office 1,2012-03-14\n", report);
    ASSERT_TRUE(events) << events.error().message;
    EXPECT_EQ(events->day[0], *parse_day("2012-03-14"));
    EXPECT_EQ(events->units.parent[0], kNone);
}

TEST(ReadEvents, RefusesAFileWithoutItsColumns) {
    ReadReport report;
    auto wrong = read_events("when,who,what\n2012-03-14,a,adverse\n", report);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().message,
              "unknown column \"when\" on line 1; the first line must name the columns, for example: "
              "date,unit,parent,area,reason,decision,reconsideration,appeal,open_days,nation,adviser");
    auto missing = read_events("date,unit\n2012-03-14,a\n", report);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message.substr(0, 48), "the column \"decision\" is missing from line 1; th");
    EXPECT_EQ(read_events("", report).error().message, "the file is empty");
    EXPECT_EQ(read_events("date,unit,decision,date\n", report).error().message,
              "column \"date\" appears twice on line 1");
}

TEST(ReadEvents, ReportsEachBadRowWithItsLineAndReason) {
    ReadReport report;
    auto events = read_events(std::string(kHeader) +
                                  "2012-02-30,Office 1,,,,adverse,,\n"
                                  "2012-03-14,Office 1,,,,sanctioned,,\n"
                                  "2012-03-14,Office 1,,,,non-adverse,overturned,\n"
                                  "2012-03-14,,,,,adverse,,\n"
                                  "2012-03-14,Office 1,,,,adverse,,\n"
                                  "2012-03-14,Office 1,Prime B,,,adverse,,\n"
                                  "2012-03-14,Office 1\n",
                              report);
    ASSERT_TRUE(events);
    EXPECT_EQ(report.rows_read, 1u);
    EXPECT_EQ(report.rows_rejected, 6u);
    ASSERT_EQ(report.problems.size(), 6u);
    EXPECT_EQ(report.problems[0].line, 2u);
    EXPECT_EQ(report.problems[0].reason, "the date \"2012-02-30\" is not a real date written YYYY-MM-DD");
    EXPECT_EQ(report.problems[1].reason,
              "the decision \"sanctioned\" is not one of adverse, non-adverse, reserved, cancelled, pending");
    EXPECT_EQ(report.problems[2].reason, "a reconsideration is recorded for a decision that was not adverse");
    EXPECT_EQ(report.problems[3].reason, "the unit is empty");
    EXPECT_EQ(report.problems[4].line, 7u);
    EXPECT_EQ(report.problems[4].reason, "unit \"Office 1\" has a different parent here than on its first row");
    EXPECT_EQ(report.problems[5].reason, "has 2 fields; the header has 8");
}

TEST(ReadEvents, ReadsAdvisersWhenTheFileNamesThem) {
    ReadReport report;
    auto events = read_events("date,unit,decision,adviser\n"
                              "2012-03-14,Office 1,adverse,A7\n"
                              "2012-03-15,Office 1,adverse,\n"
                              "2012-03-16,Office 1,adverse,A7\n"
                              "2012-03-16,Office 1,adverse, A8\n"
                              "2012-03-16,Office 1,adverse,\"A\x01\"\n",
                              report);
    ASSERT_TRUE(events) << events.error().message;
    ASSERT_EQ(events->size(), 3u);
    ASSERT_EQ(events->adviser.size(), 3u);
    EXPECT_EQ(events->advisers.name(events->adviser[0]), "A7");
    EXPECT_EQ(events->adviser[1], kNone);
    EXPECT_EQ(events->adviser[2], events->adviser[0]);
    ASSERT_EQ(report.problems.size(), 2u);
    EXPECT_EQ(report.problems[0].reason, "the adviser starts or ends with a space");
    EXPECT_EQ(report.problems[1].reason, "the adviser contains a control character");
    // What the writer writes the reader reads back, advisers and all; without the column, none.
    ReadReport again;
    auto back = read_events(events_csv(*events), again);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->adviser, events->adviser);
    EXPECT_EQ(back->advisers.name(back->adviser[2]), "A7");
    EXPECT_TRUE(read_events(std::string(kHeader) + "2012-03-14,Office 1,,,,adverse,,\n", again)->adviser.empty());
}

// A spreadsheet's note written over several lines is exported as a quoted field holding line
// breaks (RFC 4180): the reason is read, on one line. A unit's name with a line break is not.
TEST(ReadEvents, ReadsAReasonWrittenOverSeveralLines) {
    ReadReport report;
    auto events = read_events("date,unit,decision,reason\r\n"
                              "2012-03-14,Office 1,adverse,\"missed\r\nappointment\"\r\n"
                              "2012-03-15,Office 1,adverse,\"missed\tappointment \n\"\r\n"
                              "2012-03-16,\"Office\n1\",adverse,missed appointment\r\n",
                              report);
    ASSERT_TRUE(events) << events.error().message;
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ(events->reasons.name(events->reason[0]), "missed appointment");
    EXPECT_EQ(events->reason[1], events->reason[0]);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line, 6u);  // the row that starts on line 6 of the file
    EXPECT_EQ(report.problems[0].reason, "the unit contains a control character");
}

TEST(ReadEvents, RefusesRandomBytesWithAClearMessage) {
    std::mt19937 random(3);
    std::string noise(4 << 20, '\0');
    for (auto& c : noise) c = static_cast<char>(random());
    ReadReport report;
    auto result = read_events(noise, report);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "this is not a CSV text file (it contains NUL bytes near the start)");
    for (auto& c : noise)
        if (c == '\0') c = 'x';
    result = read_events(noise, report);
    ASSERT_FALSE(result);
    EXPECT_FALSE(result.error().message.empty());
}

TEST(ReadEvents, RefusesAnUnclosedQuote) {
    ReadReport report;
    auto result = read_events(std::string(kHeader) + "2012-03-14,\"Office 1,,,,adverse,,\n", report);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "a quote opened on line 2 is never closed");
}

TEST(ReadCounts, ReadsWeeksMonthsAndSpans) {
    ReadReport report;
    auto weeks =
        read_counts("unit,period,referrals,adverse\nA,2012-W01,3,1\nA,2012-01-09,0,0\nA,2012-W03,4,\n", report);
    ASSERT_TRUE(weeks) << weeks.error().message;
    EXPECT_EQ(weeks->kind, PeriodKind::week);
    EXPECT_EQ(weeks->period[0], week_of(*parse_day("2012-01-02")));  // ISO week 1 of 2012 starts on 2 January
    EXPECT_EQ(weeks->period[1], weeks->period[0] + 1);
    EXPECT_EQ(weeks->adverse[2], -1);
    auto months = read_counts("unit,period,referrals\nA,2012-01,3\n", report);
    ASSERT_TRUE(months);
    EXPECT_EQ(months->kind, PeriodKind::month);
    auto spans = read_counts("unit,period,referrals,adverse\nWorking Links,2011-06..2012-01,11910,6210\n", report);
    ASSERT_TRUE(spans);
    EXPECT_EQ(period_label(spans->kind, spans->period[0], spans->spans), "2011-06..2012-01");
}

// The first and last period, and the months the data starts and ends in, for every kind of file.
TEST(ReadPeriod, EventsStartAndEndInTheMonthsOfTheirFirstAndLastDay) {
    ReadReport report;
    ASSERT_TRUE(read_events(std::string(kHeader) + "2012-05-02,A,,,,adverse,,\n2012-01-31,A,,,,adverse,,\n"
                                                   "2012-03-01,B,,,,non-adverse,,\n",
                            report));
    EXPECT_EQ(report.first_day, "2012-01-31");
    EXPECT_EQ(report.last_day, "2012-05-02");
    EXPECT_EQ(report.first_month, "2012-01");
    EXPECT_EQ(report.last_month, "2012-05");
}

TEST(ReadPeriod, MonthsAreTheirOwnFirstAndLast) {
    ReadReport report;
    ASSERT_TRUE(read_counts("unit,period,referrals\nA,2012-07,3\nA,2011-11,2\nB,2012-02,1\n", report));
    EXPECT_EQ(report.first_day, "2011-11");
    EXPECT_EQ(report.last_day, "2012-07");
    EXPECT_EQ(report.first_month, "2011-11");
    EXPECT_EQ(report.last_month, "2012-07");
}

TEST(ReadPeriod, AWeekStartsInItsMondaysMonthAndEndsInItsSundays) {
    ReadReport report;
    // ISO week 5 of 2012 runs from Monday 30 January to Sunday 5 February; week 22 from 28 May to 3 June.
    ASSERT_TRUE(read_counts("unit,period,referrals\nA,2012-W22,3\nA,2012-W05,2\n", report));
    EXPECT_EQ(report.first_day, "week of 2012-01-30");
    EXPECT_EQ(report.last_day, "week of 2012-05-28");
    EXPECT_EQ(report.first_month, "2012-01");
    EXPECT_EQ(report.last_month, "2012-06");
}

TEST(ReadPeriod, SpansByTheirMonthsNotTheOrderTheyCameIn) {
    ReadReport report;
    // The first span seen is neither the earliest nor the latest; the longest starts first.
    ASSERT_TRUE(
        read_counts("unit,period,referrals\n"
                    "A,2012-06..2012-08,3\n"
                    "A,2012-09..2013-02,2\n"
                    "B,2011-06..2012-12,4\n"
                    "B,2012-01..2012-03,1\n",
                    report));
    EXPECT_EQ(report.first_day, "2011-06..2012-12");
    EXPECT_EQ(report.last_day, "2012-09..2013-02");
    EXPECT_EQ(report.first_month, "2011-06");
    EXPECT_EQ(report.last_month, "2013-02");
    EXPECT_EQ(report.summary(), "read 4 rows for 2 units, from 2011-06..2012-12 to 2012-09..2013-02");
}

TEST(ReadPeriod, ARejectedRowsPeriodIsNotTheDatas) {
    ReadReport report;
    ASSERT_TRUE(read_counts("unit,period,referrals\nA,2010-01..2010-02,x\nA,2012-06..2012-08,3\n", report));
    EXPECT_EQ(report.rows_rejected, 1u);
    EXPECT_EQ(report.first_month, "2012-06");
    EXPECT_EQ(report.last_month, "2012-08");
}

TEST(ReadCounts, ReportsBadCounts) {
    ReadReport report;
    auto counts = read_counts(
        "unit,period,referrals,caseload,adverse\n"
        "A,2012-W01,-2,,\n"
        "A,2012-W02,3,,4\n"
        "A,2012-W03,three,,\n"
        "A,2012-W04,30,20,\n"
        "A,2012-W05,3,,\n"
        "A,2012-W05,3,,\n"
        "A,2012-05,3,,\n"
        "A,2012-W54,3,,\n",
        report);
    ASSERT_TRUE(counts);
    EXPECT_EQ(report.rows_read, 1u);
    ASSERT_EQ(report.problems.size(), 7u);
    EXPECT_EQ(report.problems[0].reason, "the referral count is negative");
    EXPECT_EQ(report.problems[1].reason, "the adverse count is larger than the referrals");
    EXPECT_EQ(report.problems[2].reason, "the referral count \"three\" is not a whole number");
    EXPECT_EQ(report.problems[3].reason, "the referrals are more than the caseload");
    EXPECT_EQ(report.problems[4].reason, "repeats the unit and period of line 6");
    EXPECT_EQ(report.problems[5].reason, "mixes kinds of period: every row must use the same kind");
    EXPECT_EQ(report.problems[6].line, 9u);
}

TEST(ReadCounts, WhatTheWriterWritesTheReaderReadsBack) {
    ReadReport report;
    auto counts = read_counts(
        "unit,period,referrals,caseload,adverse,parent,area\n"
        "\"Office, North\",2015-W53,3,40,1,P,A\nOffice 2,2016-W01,0,,,P,A\n",
        report);
    ASSERT_TRUE(counts) << counts.error().message;
    ASSERT_EQ(report.rows_read, 2u);
    const std::string written = counts_csv(*counts);
    auto again = read_counts(written, report);
    ASSERT_TRUE(again);
    EXPECT_EQ(report.rows_read, 2u);
    EXPECT_EQ(again->period, counts->period);
    EXPECT_EQ(again->units.names.name(0), "Office, North");
    EXPECT_EQ(counts_csv(*again), written);
}

// What people send by mistake is named, and a reason is the real one.
TEST(ReferralReader, NamesTheWrongKindsOfFileAndTheRealReason) {
    ReadReport report;
    const auto gzip = read_events(std::string("\x1f\x8b\x08\x00", 4) + "rest", report);
    ASSERT_FALSE(gzip);
    EXPECT_EQ(gzip.error().message, "this is a compressed (gzip) file: unpack it and send the CSV inside");
    const auto zip = read_events(std::string("PK\x03\x04", 4) + "rest", report);
    ASSERT_FALSE(zip);
    EXPECT_NE(zip.error().message.find("save the sheet as CSV"), std::string::npos);
    const auto mac = read_events("date,unit,decision\r2012-01-02,a,adverse\r", report);
    ASSERT_FALSE(mac);
    EXPECT_NE(mac.error().message.find("carriage return alone"), std::string::npos) << mac.error().message;
    EXPECT_TRUE(read_events("date,unit,decision\r\n2012-01-02,a,adverse\r\n", report)) << "Windows line ends read";

    const auto old = read_events("date,unit,decision\n1066-10-14,a,adverse\n2012-01-02,a,adverse\n", report);
    ASSERT_TRUE(old);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].reason, "the date \"1066-10-14\" is outside the years 1900 to 2199 this reads");
    // 200 characters of two bytes each are 200 characters.
    std::string accented;
    for (int i = 0; i < 200; ++i) accented += "\u00e9";
    EXPECT_TRUE(read_events("date,unit,decision\n2012-01-02," + accented + ",adverse\n", report));
    EXPECT_EQ(report.rows_rejected, 0u);
    EXPECT_TRUE(read_events("date,unit,decision\n2012-01-02," + accented + "e,adverse\n2012-01-02,b,adverse\n", report));
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].reason, "the unit is longer than 200 characters");
    EXPECT_EQ(report.summary(), "read 1 row for 1 unit, for 2012-01-02; 1 row rejected");
}
