// Sanction figures and cases through the real server, on SQLite and PostgreSQL.
#include <filesystem>
#include <fstream>
#include <regex>

#include "integration/server_test.hpp"

using namespace pw::testing;

class SanctionFigures : public ServerTest {};
PW_ENGINE_SUITE(SanctionFigures);

TEST_P(SanctionFigures, PublishedFiguresAreShownWithSourcesAndTheProviderComparison) {
    expect_ok({"import", "figures", source_dir() + "/data/published/sanction_aggregates.csv", "--db", db()});
    expect_ok({"import", "provider-sanctions", source_dir() + "/data/published/provider_sanction_referrals.csv", "--db",
               db()});
    auto again = run_cli({"import", "figures", source_dir() + "/data/published/sanction_aggregates.csv", "--db", db()});
    EXPECT_NE(again.out.find("0 added, 31 already present"), std::string::npos) << again.out;

    auto page = get(port(), "/sanctions/figures");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("874850 count"), std::string::npos);
    EXPECT_NE(page.body.find("Source: Webster briefing Feb 2014"), std::string::npos);
    EXPECT_NE(page.body.find("Do Working Links, A4e and Serco differ?"), std::string::npos);
    EXPECT_NE(page.body.find("on 2 degrees of freedom"), std::string::npos);
    EXPECT_NE(page.body.find("less than 1 in 10 billion"), std::string::npos);
    EXPECT_NE(page.body.find("52.1%"), std::string::npos);  // Working Links: 6210 of 11910
}

TEST(SanctionFigureImport, AShareThatDisagreesWithItsCountsIsRefused) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    const auto file = std::filesystem::temp_directory_path() / "providerwatch-bad-shares.csv";
    std::ofstream(file) << "provider,scope,period,referrals_for_sanction,sanctions_applied,adverse_share,source\n"
                           "A4e,all,2011,100,30,0.5,test\nSerco,all,2011,10,20,,test\n";
    auto r = run_cli({"import", "provider-sanctions", file.string(), "--db", test_db->url()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find(":2: adverse_share: 0.5 does not match 30 / 100 = 0.300"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(":3: sanctions_applied: must be a whole number no larger than the referrals"),
              std::string::npos);
}
