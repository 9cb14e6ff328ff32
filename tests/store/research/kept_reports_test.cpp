// Kept detection reports on both engines: what a page reads back, the file only when asked,
// and deleting.
#include "store/research/kept_reports.hpp"

#include "store/store_test.hpp"

using namespace pw;
using pw::testing::StoreTest;

class KeptReports : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto s = db_->session();  // given back at the end of SetUp
        s << "INSERT INTO accounts (username, password_hash, role, created_month) VALUES ('res', 'x', 'researcher', "
             "'2026-11')";
        s << "SELECT id FROM accounts WHERE username = 'res'", soci::into(owner_);
    }

    research::KeptReport report(std::int64_t id, std::optional<std::string> input) const {
        research::KeptReport r;
        r.id = id;
        r.owner = owner_;
        r.month = month();
        r.filename = "wp.csv";
        r.input_kind = "counts";
        r.method_version = "2026-12";
        r.input_sha256 = std::string(64, 'f');
        r.summary = "read 3 rows for 3 units";
        r.units = 3;
        r.flagged = 1;
        r.html = "<p>html</p>";
        r.json = std::string(300000, 'j');  // a large report, in full
        r.csv = "rank\n";
        r.input = std::move(input);
        return r;
    }

    Result<std::int64_t> keep(const research::KeptReport& r) {
        auto s = db_->session();
        soci::transaction t(s);
        store::SociKeptReportRepository reports(s);
        auto kept = research::keep_report(r, reports);
        t.commit();
        return kept;
    }

    long long owner_ = 0;
};

TEST_P(KeptReports, WhatIsKeptIsReadBack) {
    const std::int64_t id = 576'460'752'303'423'000LL;  // random ids run up to 2^59
    ASSERT_TRUE(keep(report(id, std::nullopt)));
    auto summary = store::kept_report(*db_, id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->owner_name, "res");
    EXPECT_EQ(summary->month, "2026-11");
    EXPECT_EQ(summary->flagged, 1);
    EXPECT_FALSE(summary->has_input);
    EXPECT_EQ(store::kept_report_body(*db_, id, "json")->size(), 300000u);
    EXPECT_EQ(store::kept_report_body(*db_, id, "csv"), "rank\n");
    EXPECT_FALSE(store::kept_report_body(*db_, id, "input"));
    EXPECT_FALSE(store::kept_report_body(*db_, id, "password_hash"));
    EXPECT_EQ(store::kept_reports_of(*db_, owner_).size(), 1u);
    EXPECT_EQ(count("events"), 1);
}

TEST_P(KeptReports, TheFileIsKeptOnlyWhenAsked) {
    ASSERT_TRUE(keep(report(11, "unit,period,referrals\n")));
    EXPECT_TRUE(store::kept_report(*db_, 11)->has_input);
    EXPECT_EQ(store::kept_report_body(*db_, 11, "input"), "unit,period,referrals\n");
}

TEST_P(KeptReports, DeletingRemovesEveryForm) {
    ASSERT_TRUE(keep(report(12, "x\n")));
    {
        auto s = db_->session();  // the pool holds one: given back before the reads below
        soci::transaction t(s);
        store::SociKeptReportRepository reports(s);
        ASSERT_TRUE(research::delete_report({12, owner_, false, month()}, reports));
        t.commit();
    }
    EXPECT_FALSE(store::kept_report(*db_, 12));
    EXPECT_FALSE(store::kept_report_body(*db_, 12, "html"));
    EXPECT_EQ(count("detection_reports"), 0);
    EXPECT_EQ(count("events"), 2);
}

PW_ENGINE_SUITE(KeptReports);
