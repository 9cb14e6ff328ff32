// Keeping and deleting a detection report, over a hand-written repository.
#include <gtest/gtest.h>

#include <map>

#include "core/research/kept_report.hpp"

using namespace pw;
using namespace pw::research;

namespace {

class FakeReports final : public KeptReportRepository {
public:
    void insert(const KeptReport& report) override { reports[report.id] = report; }
    std::optional<std::int64_t> owner_of(std::int64_t id) override {
        auto it = reports.find(id);
        return it == reports.end() ? std::nullopt : std::optional(it->second.owner);
    }
    bool remove(std::int64_t id) override { return reports.erase(id) > 0; }
    void append(const events::Event& event) override { events.push_back(event); }
    std::map<std::int64_t, KeptReport> reports;
    std::vector<events::Event> events;
};

KeptReport a_report() {
    KeptReport r;
    r.id = 123456789;
    r.owner = 7;
    r.month = *Month::parse("2026-12");
    r.filename = "referrals.csv";
    r.input_kind = "events";
    r.method_version = "v";
    r.input_sha256 = std::string(64, 'a');
    r.html = "<p>report</p>";
    r.json = "{}";
    r.csv = "rank\n";
    return r;
}

}  // namespace

TEST(KeepReport, KeepsItAndSaysSoInTheAuditTrail) {
    FakeReports reports;
    ASSERT_EQ(keep_report(a_report(), reports), 123456789);
    ASSERT_EQ(reports.reports.size(), 1u);
    ASSERT_EQ(reports.events.size(), 1u);
    EXPECT_EQ(reports.events[0].what, "detection_report.kept");
    EXPECT_EQ(reports.events[0].actor, events::ActorRole::researcher);
    EXPECT_EQ(reports.events[0].object_id, 123456789);
}

TEST(KeepReport, RefusesWhatIsNotAWholeReport) {
    FakeReports reports;
    auto no_digest = a_report();
    no_digest.input_sha256 = "abc";
    EXPECT_EQ(keep_report(no_digest, reports).error().kind, ErrorKind::invalid_input);
    auto no_json = a_report();
    no_json.json.clear();
    EXPECT_FALSE(keep_report(no_json, reports));
    auto odd_kind = a_report();
    odd_kind.input_kind = "spans";
    EXPECT_FALSE(keep_report(odd_kind, reports));
    EXPECT_TRUE(reports.reports.empty());
    EXPECT_TRUE(reports.events.empty());
}

TEST(DeleteReport, OnlyItsResearcherOrAnAdminMayDeleteIt) {
    FakeReports reports;
    ASSERT_TRUE(keep_report(a_report(), reports));
    const auto month = *Month::parse("2026-12");
    auto other = delete_report({123456789, 8, false, month}, reports);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
    EXPECT_EQ(reports.reports.size(), 1u);
    EXPECT_TRUE(delete_report({123456789, 7, false, month}, reports));
    EXPECT_TRUE(reports.reports.empty());
    EXPECT_EQ(reports.events.back().what, "detection_report.deleted");
    EXPECT_EQ(delete_report({123456789, 7, false, month}, reports).error().kind, ErrorKind::not_found);
    ASSERT_TRUE(keep_report(a_report(), reports));
    EXPECT_TRUE(delete_report({123456789, 99, true, month}, reports));
    EXPECT_EQ(reports.events.back().actor, events::ActorRole::admin);
}

TEST(ShownFilename, KeepsOnlyTheNameFitToShow) {
    EXPECT_EQ(shown_filename("C:\\Users\\me\\wp-referrals.csv"), "wp-referrals.csv");
    EXPECT_EQ(shown_filename("../../etc/passwd"), "passwd");
    EXPECT_EQ(shown_filename("a\"b\r\n.csv"), "ab.csv");
    // A right-to-left override would show "abc\u202Evsc.exe" as "abcexe.csv": what nobody sees goes.
    EXPECT_EQ(shown_filename("abc\u202Evsc.exe"), "abcvsc.exe");
    EXPECT_EQ(shown_filename("\u200Breferrals\u2066.csv"), "referrals.csv");
    EXPECT_EQ(shown_filename(""), "referrals.csv");
    EXPECT_EQ(shown_filename("\xff\xfe.csv"), "referrals.csv");
    const std::string long_name = std::string(119, 'a') + "\xc3\xa9" + ".csv";  // é across the 120th byte
    EXPECT_EQ(shown_filename(long_name), std::string(119, 'a'));
}
