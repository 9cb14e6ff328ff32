// The staff-report commands against an in-memory repository and a sealer that marks what it was
// given: no database, no keys.
#include "core/staff_reports/commands.hpp"

#include <gtest/gtest.h>

#include "unit/core/staff_reports/fakes.hpp"

using namespace pw;
using namespace pw::staff_reports;
using namespace pw::testing;

namespace {

const Month kDecember = *Month::parse("2026-12");

ReportFacts facts() {
    ReportFacts f;
    f.prime_id = 3;
    f.pressures = static_cast<unsigned>(Pressure::referral_numbers);
    f.started = *Month::parse("2026-03");
    return f;
}

SubmitStaffReport submission(std::int64_t id = 77) {
    return {facts(), redaction::redact_text("Ring me on 07700 900123 about the targets"),
            ReporterKeys{1, "hash", "salt", "their-key", "locked"}, NewIds{id, 501, 9001}, kDecember};
}

}  // namespace

TEST(SubmitStaffReport, KeepsTheRedactedTextSealedToBothKeysAndOneEventUnderItsOwnIds) {
    FakeReports reports;
    const auto id = submit_staff_report(submission(), MarkingSealer{}, reports);
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, 77);
    EXPECT_EQ(reports.states.at(77), ReportState::received);
    const auto& message = reports.messages.at(501);
    EXPECT_EQ(message.text.for_reporter.rfind("their-key:", 0), 0u);
    EXPECT_EQ(message.text.for_moderators.rfind("moderators:", 0), 0u);
    EXPECT_EQ(message.text.for_moderators, "moderators:" + submission().text.str());  // the redacted text, as given
    ASSERT_EQ(reports.events.count(9001), 1u);
    EXPECT_EQ(reports.events.at(9001).what, "staff_report.received");
    EXPECT_EQ(reports.events.at(9001).actor, events::ActorRole::staff);
    // What could point to one person goes in only sealed, to both keys.
    EXPECT_EQ(reports.details.at(77).for_moderators,
              "moderators:provider=;office=;role=adviser;started=2026-03;continuing=0");
    EXPECT_EQ(reports.details.at(77).for_reporter.rfind("their-key:provider=", 0), 0u);
}

TEST(StaffReportDetails, ReadBackIntoTheFactsAndRefuseAnythingElse) {
    auto facts = submission().facts;
    facts.provider_id = 12;
    facts.office_id = 345;
    facts.role = StaffRole::team_leader;
    facts.continuing = true;
    ReportFacts clear;
    clear.prime_id = facts.prime_id;
    clear.pressures = facts.pressures;
    const auto back = with_details(clear, details_text(facts));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->provider_id, 12);
    EXPECT_EQ(back->office_id, 345);
    EXPECT_EQ(back->role, StaffRole::team_leader);
    EXPECT_EQ(back->started, facts.started);
    EXPECT_TRUE(back->continuing);
    for (const auto* damaged : {"", "provider=;office=;role=boss;started=2026-03;continuing=1",
                                "provider=x;office=;role=adviser;started=2026-03;continuing=1",
                                "provider=;office=;role=adviser;started=2026-13;continuing=1",
                                "provider=;office=;role=adviser;started=2026-03;continuing=2",
                                "provider=;office=;role=adviser;started=2026-03"})
        EXPECT_FALSE(with_details(clear, damaged)) << damaged;
}

TEST(SubmitStaffReport, RefusesAReportWithNoPressureOrAStartInTheFutureAndKeepsNothing) {
    FakeReports reports;
    auto none = submission();
    none.facts.pressures = 0;
    EXPECT_EQ(submit_staff_report(none, MarkingSealer{}, reports).error().message,
              "Select at least one kind of pressure");
    auto future = submission();
    future.facts.started = *Month::parse("2027-01");
    EXPECT_FALSE(submit_staff_report(future, MarkingSealer{}, reports));
    auto early = submission();
    early.facts.started = *Month::parse("2011-05");
    EXPECT_FALSE(submit_staff_report(early, MarkingSealer{}, reports));
    auto unknown_bits = submission();
    unknown_bits.facts.pressures = 64;
    EXPECT_FALSE(submit_staff_report(unknown_bits, MarkingSealer{}, reports));
    EXPECT_TRUE(reports.states.empty());
    EXPECT_TRUE(reports.messages.empty());
    EXPECT_TRUE(reports.events.empty());
}

TEST(SubmitStaffReport, AReportWithoutItsRandomIdsIsABug) {
    FakeReports reports;
    auto counted = submission();
    counted.ids.event = 0;  // not drawn
    EXPECT_THROW((void)submit_staff_report(counted, MarkingSealer{}, reports), std::logic_error);
}

TEST(AddToStaffReport, MoreForAReportThatNeedsItSendsItBackToBeRead) {
    FakeReports reports;
    ASSERT_TRUE(submit_staff_report(submission(), MarkingSealer{}, reports));
    ASSERT_TRUE(judge_staff_report({77, ReportState::received, ReportState::needs_more, 9002, kDecember}, reports));
    ASSERT_TRUE(add_to_staff_report({77, redaction::redact_text("In the team email"), NewIds{0, 502, 9003}, kDecember},
                                    MarkingSealer{}, reports));
    EXPECT_EQ(reports.states.at(77), ReportState::received);
    EXPECT_EQ(reports.events.at(9003).to_state, "received");
    // More for a report already judged credible stays credible.
    ASSERT_TRUE(judge_staff_report({77, ReportState::received, ReportState::credible, 9004, kDecember}, reports));
    ASSERT_TRUE(add_to_staff_report({77, redaction::redact_text("And again"), NewIds{0, 503, 9005}, kDecember},
                                    MarkingSealer{}, reports));
    EXPECT_EQ(reports.states.at(77), ReportState::credible);
    EXPECT_FALSE(reports.events.at(9005).to_state);
}

TEST(ReplyToStaffReport, IsSealedToTheReportersKeyAndNeedsAReport) {
    FakeReports reports;
    ASSERT_TRUE(submit_staff_report(submission(), MarkingSealer{}, reports));
    ASSERT_TRUE(reply_to_staff_report({77, redaction::redact_text("Thank you"), NewIds{0, 504, 9006}, kDecember},
                                      MarkingSealer{}, reports));
    EXPECT_EQ(reports.messages.at(504).author, Author::moderator);
    EXPECT_EQ(reports.messages.at(504).text.for_reporter, "their-key:Thank you");
    const auto missing = reply_to_staff_report({78, redaction::redact_text("x"), NewIds{0, 505, 9007}, kDecember},
                                               MarkingSealer{}, reports);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST(JudgeStaffReport, RefusesAJudgementMadeOnAStaleStateOrOutsideTheTable) {
    FakeReports reports;
    ASSERT_TRUE(submit_staff_report(submission(), MarkingSealer{}, reports));
    const auto stale =
        judge_staff_report({77, ReportState::needs_more, ReportState::credible, 9008, kDecember}, reports);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    const auto illegal =
        judge_staff_report({77, ReportState::received, ReportState::received, 9009, kDecember}, reports);
    ASSERT_FALSE(illegal);
    EXPECT_EQ(illegal.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(reports.states.at(77), ReportState::received);
    EXPECT_EQ(reports.events.size(), 1u);
}
