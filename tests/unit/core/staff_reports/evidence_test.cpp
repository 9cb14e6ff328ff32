// Links from a credible staff report to a detection report: what is checked, what is kept (sealed
// to moderators alone) and the trail it leaves; no database, no keys.
#include "core/staff_reports/evidence.hpp"

#include <gtest/gtest.h>

#include "unit/core/staff_reports/fakes.hpp"

using namespace pw;
using namespace pw::staff_reports;
using namespace pw::testing;

namespace {

Month month(const char* text) {
    return *Month::parse(text);
}

DetectionCoverage coverage() {
    DetectionCoverage c;
    c.units = {"office-0001", "office-0002"};
    c.providers = {"Seetec Pluss", "provider-B"};
    c.first = month("2025-06");
    c.last = month("2026-09");
    return c;
}

const ReportWindow kWindow{month("2026-03"), month("2026-11")};

EvidenceLink link(std::string label = "Seetec Pluss", const char* from = "2026-03", const char* to = "2026-09") {
    return {42, std::move(label), month(from), month(to)};
}

FakeReports with_report(ReportState state) {
    FakeReports reports;
    reports.states[7] = state;
    reports.keys[7] = "their-key";
    return reports;
}

LinkEvidence command(EvidenceLink l = link(), std::int64_t link_id = 301) {
    return {7, std::move(l), kWindow, link_id, link_id + 9000, month("2026-12")};
}

// A report in the given state, the detection report 42 its links name, and what the command
// reads them through in the write's transaction.
struct Linking {
    explicit Linking(ReportState state) : reports(with_report(state)) { detections.reports[42] = coverage(); }
    Result<void> operator()(const LinkEvidence& c) { return link_evidence(c, {sealer, opener, detections}, reports); }
    FakeReports reports;
    MarkingSealer sealer;
    MarkingOpener opener;
    FakeDetections detections;
};

}  // namespace

TEST(EvidenceText, ReadsBackWhatItWroteWhateverTheLabelHolds) {
    for (const std::string label : {"office-0001", "Leeds; Central=2", "Łukasz's team", "a;b;c", "x="}) {
        const EvidenceLink l = link(label);
        const auto back = evidence_from(evidence_text(l));
        ASSERT_TRUE(back) << label;
        EXPECT_EQ(*back, l);
    }
}

TEST(EvidenceText, RefusesTextItDidNotWrite) {
    for (const std::string_view text :
         {"", "detection=42;from=2026-03;to=2026-09;label=", "detection=0;from=2026-03;to=2026-09;label=a",
          "detection=x;from=2026-03;to=2026-09;label=a", "detection=42;from=2026-13;to=2026-09;label=a",
          "from=2026-03;detection=42;to=2026-09;label=a", "detection=42;from=2026-03;label=a",
          "provider=12;office=;role=adviser;started=2026-03;continuing=1"})
        EXPECT_FALSE(evidence_from(text)) << text;
}

TEST(CheckLink, TakesAUnitOrAProviderTheDetectionReportNamesWithinBothPeriods) {
    EXPECT_FALSE(check_link(link("Seetec Pluss"), coverage(), kWindow, {}));
    EXPECT_FALSE(check_link(link("office-0002", "2026-09", "2026-09"), coverage(), kWindow, {}));
    // Months beyond the detection report's data are fine while some overlap it.
    EXPECT_FALSE(check_link(link("provider-B", "2026-08", "2026-11"), coverage(), kWindow, {}));
    // A report that does not say its period is checked against the staff report's alone.
    auto undated = coverage();
    undated.first.reset();
    undated.last.reset();
    EXPECT_FALSE(check_link(link("provider-B", "2026-10", "2026-11"), undated, kWindow, {}));
}

TEST(CheckLink, SaysWhichFieldIsWrong) {
    const auto field_of = [](const EvidenceLink& l, const std::optional<DetectionCoverage>& c,
                             const std::vector<EvidenceLink>& existing = {}) {
        const auto wrong = check_link(l, c, kWindow, existing);
        return wrong ? wrong->field : std::string("nothing");
    };
    EXPECT_EQ(field_of(link(), std::nullopt), "address");                   // no such detection report
    EXPECT_EQ(field_of(link(""), coverage()), "label");                     // no unit named
    EXPECT_EQ(field_of(link("seetec pluss"), coverage()), "label");         // as the report names it, exactly
    EXPECT_EQ(field_of(link(std::string(201, 'a')), coverage()), "label");  // too long to be one
    EXPECT_EQ(field_of(link("office-0001", "2026-09", "2026-08"), coverage()), "from");  // backwards
    EXPECT_EQ(field_of(link("office-0001", "2026-02", "2026-05"), coverage()), "from");  // before it started
    EXPECT_EQ(field_of(link("office-0001", "2026-05", "2026-12"), coverage()), "to");    // after it was sent
    EXPECT_EQ(field_of(link("office-0001", "2026-10", "2026-11"), coverage()), "from");  // after the data ends
    EXPECT_EQ(field_of(link(), coverage(), {link()}), "address");                        // already linked
    std::vector<EvidenceLink> full;
    for (int i = 0; i < static_cast<int>(kMaxEvidencePerReport); ++i)
        full.push_back(link("office-0001", "2026-03", i % 2 ? "2026-04" : "2026-05"));
    EXPECT_EQ(field_of(link("office-0002"), coverage(), full), "address");  // no more than 20
}

TEST(CheckLink, NamesTheMonthsInItsMessage) {
    const auto wrong = check_link(link("office-0001", "2026-02", "2026-05"), coverage(), kWindow, {});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->message, "Choose months the staff report speaks of, from March 2026 to November 2026");
}

TEST(CheckLink, SaysALabelIsTooLongRatherThanMissing) {
    const auto wrong = check_link(link(std::string(kMaxEvidenceLabel + 1, 'a')), coverage(), kWindow, {});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->message,
              "The unit or provider is too long: enter 200 characters or fewer, as the detection report names it");
    EXPECT_FALSE(
        check_link(link(std::string(kMaxEvidenceLabel, 'a')), coverage(), kWindow, {})->message.contains("too long"));
}

TEST(CheckLink, QuotesALongUnknownLabelCutBetweenCharacters) {
    // 79 bytes, then a two-byte letter across the 80th: cut before it, not inside it.
    const std::string label = std::string(79, 'a') + "\u0141ukasz";
    const auto wrong = check_link(link(label), coverage(), kWindow, {});
    ASSERT_TRUE(wrong);
    EXPECT_NE(wrong->message.find("\"" + std::string(79, 'a') + "\u2026\""), std::string::npos) << wrong->message;
}

TEST(DetectionMonths, TheMonthOfAMonthOrADayAndNothingElse) {
    EXPECT_EQ(month_of_date("2012-03"), month("2012-03"));
    EXPECT_EQ(month_of_date("2012-03-14"), month("2012-03"));
    for (const std::string_view text : {"", "2012", "2012-3", "2012-13", "2012-03-", "2012-03-00", "2012-03-32",
                                        "2012-03x14", "week of 2012-01-30", "2011-06..2012-01"})
        EXPECT_FALSE(month_of_date(text)) << text;
}

TEST(DetectionMonths, TheDataMonthsNarrowedToTheWindowAskedFor) {
    auto m = covered_months("2012-01", "2012-12", "", "");
    EXPECT_EQ(m.first, month("2012-01"));
    EXPECT_EQ(m.last, month("2012-12"));
    m = covered_months("2012-01", "2012-12", "2012-03-05", "2012-06-30");
    EXPECT_EQ(m.first, month("2012-03"));
    EXPECT_EQ(m.last, month("2012-06"));
    // A window wider than the data does not widen it.
    m = covered_months("2012-01", "2012-12", "2011-01-03", "2013-06-30");
    EXPECT_EQ(m.first, month("2012-01"));
    EXPECT_EQ(m.last, month("2012-12"));
    // A report made before its JSON said its months: only the window, or nothing.
    m = covered_months("", "", "2012-03-05", "");
    EXPECT_EQ(m.first, month("2012-03"));
    EXPECT_FALSE(m.last);
    m = covered_months("", "", "", "");
    EXPECT_FALSE(m.first);
    EXPECT_FALSE(m.last);
}

TEST(ReportWindow, RunsToTheMonthSentOrToNowWhileThePressureGoesOn) {
    ReportFacts facts;
    facts.started = month("2026-03");
    facts.continuing = false;
    auto w = report_window(facts, month("2026-06"), month("2026-12"));
    EXPECT_EQ(w.started, month("2026-03"));
    EXPECT_EQ(w.ends, month("2026-06"));
    facts.continuing = true;
    w = report_window(facts, month("2026-06"), month("2026-12"));
    EXPECT_EQ(w.ends, month("2026-12"));
}

TEST(LinkEvidence, KeepsTheLinkSealedForModeratorsAloneAndOneEventWithoutIt) {
    Linking linking(ReportState::credible);
    ASSERT_TRUE(linking(command()));
    const auto& reports = linking.reports;
    ASSERT_EQ(reports.evidence.count(301), 1u);
    EXPECT_EQ(reports.evidence.at(301).first, 7);
    EXPECT_EQ(reports.evidence.at(301).second, "moderators:detection=42;from=2026-03;to=2026-09;label=Seetec Pluss");
    EXPECT_EQ(reports.held, 1) << "the report's row was not held before its links were read";
    ASSERT_EQ(reports.events.count(9301), 1u);
    const auto& event = reports.events.at(9301);
    EXPECT_EQ(event.what, "staff_report.evidence_linked");
    EXPECT_EQ(event.object_id, 7);
    EXPECT_EQ(event.actor, events::ActorRole::moderator);
    EXPECT_FALSE(event.from_state);  // the report's state does not change
    EXPECT_FALSE(event.to_state);
}

TEST(LinkEvidence, OnlyForACredibleReport) {
    for (const auto state : {ReportState::received, ReportState::needs_more, ReportState::not_relevant}) {
        Linking linking(state);
        const auto done = linking(command());
        ASSERT_FALSE(done);
        EXPECT_EQ(done.error().kind, ErrorKind::conflict);
        EXPECT_EQ(done.error().message, "Only a report judged credible can be linked to other evidence");
        EXPECT_TRUE(linking.reports.evidence.empty());
        EXPECT_TRUE(linking.reports.events.empty());
    }
}

TEST(LinkEvidence, ChangesNothingForAWrongLinkOrAnUnknownReport) {
    Linking linking(ReportState::credible);
    auto done = linking(command(link("nobody")));
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::invalid_input);
    auto unknown = command();
    unknown.report_id = 8;
    done = linking(unknown);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::not_found);
    EXPECT_TRUE(linking.reports.evidence.empty());
    EXPECT_TRUE(linking.reports.events.empty());
}

// Two moderators post the same link at once: both pass the page's checks, made before either is
// kept. The command reads the links kept so far in its own transaction, so only one is kept.
TEST(LinkEvidence, ReadsTheLinksKeptSoFarItselfSoTheSameLinkPostedTwiceIsKeptOnce) {
    Linking linking(ReportState::credible);
    ASSERT_TRUE(linking(command(link(), 301)));
    const auto second = linking(command(link(), 302));
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().message, "This report is already linked to that evidence");
    EXPECT_EQ(linking.reports.evidence.size(), 1u);
    EXPECT_EQ(linking.reports.events.size(), 1u);
}

TEST(LinkEvidence, CountsTheLinksKeptSoFarEvenOnesThatNoLongerOpen) {
    Linking linking(ReportState::credible);
    const char* labels[] = {"office-0001", "office-0002", "Seetec Pluss", "provider-B"};
    for (int i = 0; i < static_cast<int>(kMaxEvidencePerReport) - 1; ++i) {
        const EvidenceLink different{42, labels[i % 4], month("2026-03"), *month("2026-03").plus(i / 4)};
        ASSERT_TRUE(linking(command(different, 400 + i))) << i;
    }
    linking.reports.evidence[999] = {7, "damaged"};
    const auto done = linking(command(link("office-0002"), 302));
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().message, "A report can be linked to at most 20 pieces of evidence. Remove one first");
    linking.reports.evidence.erase(999);
    EXPECT_TRUE(linking(command(link("office-0002"), 302)));
}

TEST(LinkEvidence, ReadsTheDetectionReportInItsTransactionAndRefusesOneDeletedSince) {
    Linking linking(ReportState::credible);
    linking.detections.reports.clear();
    const auto done = linking(command());
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(done.error().message.starts_with("There is no kept detection report at that address"));
    EXPECT_TRUE(linking.reports.evidence.empty());
}

TEST(UnlinkEvidence, RemovesOnlyThatReportsLinkAndSaysSoOnce) {
    Linking linking(ReportState::credible);
    auto& reports = linking.reports;
    reports.states[8] = ReportState::credible;
    ASSERT_TRUE(linking(command()));
    // Another report's id with this link's: nothing removed, and the message says whose it is.
    auto wrong = unlink_evidence({8, 301, 9302, month("2026-12")}, reports);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().kind, ErrorKind::not_found);
    EXPECT_EQ(wrong.error().message, "That link belongs to another report: open that report to remove it");
    EXPECT_EQ(reports.evidence.size(), 1u);
    ASSERT_TRUE(unlink_evidence({7, 301, 9303, month("2026-12")}, reports));
    EXPECT_TRUE(reports.evidence.empty());
    EXPECT_EQ(reports.events.at(9303).what, "staff_report.evidence_unlinked");
    const auto again = unlink_evidence({7, 301, 9304, month("2026-12")}, reports);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "That link was already removed");
    EXPECT_EQ(reports.events.count(9304), 0u);
}
