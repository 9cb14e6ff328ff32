#include "core/standards/recovery.hpp"

#include <gtest/gtest.h>

using namespace pw;
using namespace pw::standards;

namespace {

const Month kDecember = *Month::from(2026, 12);

struct FakeReports : RecoveryRepository {
    bool recovery = true;
    std::map<std::int64_t, std::pair<Month, ReportState>> rows;
    std::vector<events::Event> events;
    bool under_recovery(std::int64_t provider) override { return recovery && provider == 7; }
    std::vector<ReportState> reports_for(std::int64_t, Month month) override {
        std::vector<ReportState> out;
        for (const auto& [id, row] : rows)
            if (row.first == month) out.push_back(row.second);
        return out;
    }
    std::int64_t insert_report(std::int64_t, Month month, const redaction::RedactedText&) override {
        const auto id = static_cast<std::int64_t>(rows.size()) + 1;
        rows.emplace(id, std::pair{month, ReportState::pending});
        return id;
    }
    std::optional<ReportState> report_state(std::int64_t id) override {
        const auto found = rows.find(id);
        return found == rows.end() ? std::nullopt : std::optional(found->second.second);
    }
    bool move_report(std::int64_t id, ReportState from, ReportState to, const std::optional<redaction::RedactedText>&,
                     Month) override {
        if (rows.at(id).second != from) return false;
        rows.at(id).second = to;
        return true;
    }
    void append(const events::Event& e) override { events.push_back(e); }
};

SendRecoveryReport report(std::int64_t provider = 7) {
    return {provider, {7}, redaction::redact_text("Appointments in person every month from January."), kDecember};
}

}  // namespace

TEST(RecoveryLifecycle, OnlyAModeratorMovesAPendingReport) {
    for (auto from : kReportStates) {
        for (auto to : kReportStates) {
            for (auto actor : {Actor::participant, Actor::moderator, Actor::provider, Actor::admin}) {
                const bool allowed =
                    from == ReportState::pending && to != ReportState::pending && actor == Actor::moderator;
                EXPECT_EQ(
                    check_transition<ReportState>(kReportTransitions, from, to, actor, report_state_name).has_value(),
                    allowed);
            }
        }
    }
    for (auto s : kReportStates) EXPECT_EQ(report_state_from(report_state_name(s)), s);
}

TEST(SendRecoveryReport, AReportIsKeptPendingWithAnEvent) {
    FakeReports reports;
    const auto id = send_recovery_report(report(), reports);
    ASSERT_TRUE(id);
    EXPECT_EQ(reports.rows.at(*id).second, ReportState::pending);
    EXPECT_EQ(reports.events.at(0).what, "recovery_report.sent");
}

TEST(SendRecoveryReport, AnotherProvidersReportIsRefused) {
    FakeReports reports;
    const auto r = send_recovery_report(report(8), reports);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
    EXPECT_TRUE(reports.rows.empty());
}

TEST(SendRecoveryReport, NoReportIsDueOutsideRecoveryMeasures) {
    FakeReports reports;
    reports.recovery = false;
    EXPECT_EQ(send_recovery_report(report(), reports).error().message,
              "It is not under recovery measures: no report is due.");
    EXPECT_TRUE(reports.events.empty());
}

TEST(SendRecoveryReport, OneAMonthUnlessTheFirstWasRejected) {
    FakeReports reports;
    const auto first = send_recovery_report(report(), reports);
    EXPECT_EQ(send_recovery_report(report(), reports).error().kind, ErrorKind::conflict);
    ASSERT_TRUE(
        decide_recovery_report({*first, false, redaction::redact_text("It names an adviser."), kDecember}, reports));
    EXPECT_TRUE(send_recovery_report(report(), reports));
}

TEST(SendRecoveryReport, EmptyOrTooLongIsRefused) {
    FakeReports reports;
    auto r = report();
    r.body = redaction::redact_text("");
    EXPECT_EQ(send_recovery_report(r, reports).error().message, "Enter what you are changing");
    r.body = redaction::redact_text(std::string(10001, 'a'));
    EXPECT_EQ(send_recovery_report(r, reports).error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(reports.rows.empty());
}

TEST(DecideRecoveryReport, ARejectionNeedsAReasonAndADecidedReportStays) {
    FakeReports reports;
    const auto id = *send_recovery_report(report(), reports);
    EXPECT_EQ(decide_recovery_report({id, false, std::nullopt, kDecember}, reports).error().kind,
              ErrorKind::invalid_input);
    ASSERT_TRUE(decide_recovery_report({id, true, std::nullopt, kDecember}, reports));
    EXPECT_EQ(decide_recovery_report({id, true, std::nullopt, kDecember}, reports).error().kind,
              ErrorKind::illegal_transition);
    EXPECT_EQ(reports.events.back().what, "recovery_report.published");
}

TEST(RecoveryMonths, PastMonthsWithoutAReportAreOverdueAndThisMonthIsDue) {
    const auto since = *Month::from(2026, 9);
    const std::map<Month, ReportState> sent{{*Month::from(2026, 9), ReportState::published},
                                            {*Month::from(2026, 11), ReportState::pending}};
    const auto months = recovery_months(since, kDecember, sent);
    ASSERT_EQ(months.size(), 4u);
    EXPECT_EQ(months[0].report, MonthReport::published);
    EXPECT_EQ(months[1].report, MonthReport::overdue);  // October: nothing
    EXPECT_EQ(months[2].report, MonthReport::waiting);
    EXPECT_EQ(months[3].report, MonthReport::due);
    EXPECT_EQ(recovery_months(kDecember, kDecember, {{kDecember, ReportState::published}})[0].report,
              MonthReport::published);
}
