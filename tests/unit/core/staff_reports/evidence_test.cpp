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

LinkEvidence command(EvidenceLink l = link(), std::vector<EvidenceLink> existing = {}) {
    return {7, std::move(l), kWindow, std::move(existing), 301, 9301, month("2026-12")};
}

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

TEST(LinkEvidence, KeepsTheLinkSealedForModeratorsAloneAndOneEventWithoutIt) {
    auto reports = with_report(ReportState::credible);
    ASSERT_TRUE(link_evidence(command(), coverage(), MarkingSealer{}, reports));
    ASSERT_EQ(reports.evidence.count(301), 1u);
    EXPECT_EQ(reports.evidence.at(301).first, 7);
    EXPECT_EQ(reports.evidence.at(301).second, "moderators:detection=42;from=2026-03;to=2026-09;label=Seetec Pluss");
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
        auto reports = with_report(state);
        const auto done = link_evidence(command(), coverage(), MarkingSealer{}, reports);
        ASSERT_FALSE(done);
        EXPECT_EQ(done.error().kind, ErrorKind::conflict);
        EXPECT_EQ(done.error().message, "Only a report judged credible can be linked to other evidence");
        EXPECT_TRUE(reports.evidence.empty());
        EXPECT_TRUE(reports.events.empty());
    }
}

TEST(LinkEvidence, ChangesNothingForAWrongLinkOrAnUnknownReport) {
    auto reports = with_report(ReportState::credible);
    auto done = link_evidence(command(link("nobody")), coverage(), MarkingSealer{}, reports);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::invalid_input);
    done = link_evidence(command(), std::nullopt, MarkingSealer{}, reports);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::invalid_input);
    auto unknown = command();
    unknown.report_id = 8;
    done = link_evidence(unknown, coverage(), MarkingSealer{}, reports);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().kind, ErrorKind::not_found);
    EXPECT_TRUE(reports.evidence.empty());
    EXPECT_TRUE(reports.events.empty());
}

TEST(UnlinkEvidence, RemovesOnlyThatReportsLinkAndSaysSoOnce) {
    auto reports = with_report(ReportState::credible);
    reports.states[8] = ReportState::credible;
    ASSERT_TRUE(link_evidence(command(), coverage(), MarkingSealer{}, reports));
    // Another report's id with this link's: nothing removed.
    auto wrong = unlink_evidence({8, 301, 9302, month("2026-12")}, reports);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().kind, ErrorKind::not_found);
    EXPECT_EQ(reports.evidence.size(), 1u);
    ASSERT_TRUE(unlink_evidence({7, 301, 9303, month("2026-12")}, reports));
    EXPECT_TRUE(reports.evidence.empty());
    EXPECT_EQ(reports.events.at(9303).what, "staff_report.evidence_unlinked");
    const auto again = unlink_evidence({7, 301, 9304, month("2026-12")}, reports);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "That link was already removed");
    EXPECT_EQ(reports.events.count(9304), 0u);
}
