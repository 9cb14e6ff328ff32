// providerwatch simulate and detect, as a researcher runs them: reports in each format, the
// published primes' chi-square, and every kind of malformed file refused with a clear message.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <boost/json.hpp>

#include "integration/server_test.hpp"

using namespace pw::testing;
namespace fs = std::filesystem;

namespace {

class Detect : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("providerwatch-detect-" + std::to_string(getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path(name), std::ios::binary) << text;
        return path(name);
    }
    static std::string read(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    fs::path dir_;
};

}  // namespace

TEST_F(Detect, SimulatedQuotasAreFoundAndReportedInEveryFormat) {
    auto sim = run_cli({"simulate", "--units", "60", "--seed", "5", "--out", path("events.csv"), "--truth", path("truth.csv")});
    ASSERT_EQ(sim.exit_code, 0) << sim.err;
    auto json = run_cli({"detect", path("events.csv"), "--format", "events", "--out", path("report.json")});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto report = boost::json::parse(read(path("report.json"))).as_object();
    EXPECT_EQ(report.at("read").at("rows_rejected").to_number<std::uint64_t>(), 0u);
    const auto& units = report.at("units").as_array();
    ASSERT_EQ(units.size(), 60u);
    // The strongest unit is one the simulator planted a regime in.
    const std::string top = units[0].at("unit").as_string().c_str();
    const std::string truth = read(path("truth.csv"));
    const auto at = truth.find(top + ",");
    ASSERT_NE(at, std::string::npos);
    EXPECT_NE(truth.substr(at + top.size() + 1, 4), "none") << "the top unit should not be a null unit";
    EXPECT_TRUE(units[0].at("flagged").as_bool());
    const auto& floor = units[0].at("tests").at("floor");
    EXPECT_TRUE(floor.at("ran").as_bool());
    EXPECT_GE(floor.at("q_value").to_number<double>(), floor.at("p_value").to_number<double>());  // BH never lowers p

    auto html = run_cli({"detect", path("events.csv"), "--format", "events", "--out", path("report.html")});
    ASSERT_EQ(html.exit_code, 0) << html.err;
    const std::string page = read(path("report.html"));
    EXPECT_NE(page.find("<svg"), std::string::npos);
    EXPECT_NE(page.find("Figures for the chart"), std::string::npos);
    EXPECT_NE(page.find("what would make them wrong"), std::string::npos);

    auto csv = run_cli({"detect", path("events.csv"), "--format", "events", "--out", path("report.csv")});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(read(path("report.csv")).rfind("rank,unit,parent,area,combined_p,q_value,flagged,test,", 0), 0u);

    auto counts = run_cli({"simulate", "--units", "40", "--format", "counts", "--out", path("counts.csv")});
    ASSERT_EQ(counts.exit_code, 0) << counts.err;
    auto text = run_cli({"detect", path("counts.csv"), "--format", "counts"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("units flagged at a false discovery rate of 5%"), std::string::npos);
}

TEST_F(Detect, ThePublishedPrimesAdverseSharesDifferByAboutTwoThousand) {
    auto r = run_cli({"detect", source_dir() + "/docs/examples/wp-primes-jun2011-jan2012.csv", "--format", "counts"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("chi-square 2017.1 on 2 degrees of freedom, p < 1e-300"), std::string::npos) << r.out;
}

TEST_F(Detect, MalformedFilesFailWithClearMessages) {
    struct Case {
        std::string name, format, text, message;
    };
    std::mt19937 random(9);
    std::string noise(32 << 20, '\0');  // 32 MB of random bytes
    for (auto& c : noise) c = static_cast<char>(random());
    const std::vector<Case> cases = {
        {"columns.csv", "events", "when,who\n2012-01-01,a\n", "unknown column \"when\" on line 1"},
        {"dates.csv", "events", "date,unit,decision\n2012-13-01,a,adverse\n",
         "line 2: the date \"2012-13-01\" is not a real date written YYYY-MM-DD"},
        {"negative.csv", "counts", "unit,period,referrals\na,2012-W01,-3\n", "line 2: the referral count is negative"},
        {"empty.csv", "counts", "", "the file is empty"},
        {"header-only.csv", "counts", "unit,period,referrals\n", "the file has a header but no rows"},
        {"noise.bin", "events", noise, "this is not a CSV text file"},
    };
    for (const auto& c : cases) {
        auto r = run_cli({"detect", write(c.name, c.text), "--format", c.format});
        EXPECT_EQ(r.exit_code, 3) << c.name << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << c.name;
    }
    auto missing = run_cli({"detect", path("nothing-here.csv"), "--format", "events"});
    EXPECT_EQ(missing.exit_code, 3);
    EXPECT_EQ(missing.err, "providerwatch: error: cannot read " + path("nothing-here.csv") + "\n");
    // A device that never ends is refused from its first block, not read to the end.
    auto zeros = run_cli({"detect", "/dev/zero", "--format", "events"});
    EXPECT_EQ(zeros.exit_code, 3);
    EXPECT_NE(zeros.err.find("this is not a CSV text file"), std::string::npos) << zeros.err;
    // Every row unreadable, even with --skip-bad-rows: the rows' problems, not "no rows".
    auto uk = run_cli({"detect", write("uk-dates.csv", "date,unit,decision\n14/03/2012,a,adverse\n15/03/2012,a,adverse\n"),
                       "--format", "events", "--skip-bad-rows"});
    EXPECT_EQ(uk.exit_code, 3);
    EXPECT_NE(uk.err.find("line 2: the date \"14/03/2012\" is not a real date"), std::string::npos) << uk.err;
    EXPECT_NE(uk.err.find("none of its 2 rows could be read"), std::string::npos) << uk.err;
    // Arguments that cannot work are refused before the file is read.
    EXPECT_EQ(run_cli({"detect", path("x.csv"), "--format", "events", "--fdr", "nan"}).exit_code, 2);
    EXPECT_EQ(run_cli({"detect", path("x.csv"), "--format", "events", "--out", path("no-such-folder/r.html")}).exit_code,
              2);
    EXPECT_EQ(run_cli({"detect", path("x.csv"), "--format", "tsv"}).exit_code, 2);
    EXPECT_EQ(run_cli({"detect", path("x.csv"), "--format", "events", "--out", path("x.pdf")}).exit_code, 2);
}

TEST_F(Detect, BadRowsStopTheRunUnlessSkipped) {
    const auto file = write("mixed.csv", "date,unit,decision\n2012-01-02,a,adverse\n2012-01-03,a,maybe\n2012-01-04,a,adverse\n");
    auto strict = run_cli({"detect", file, "--format", "events"});
    EXPECT_EQ(strict.exit_code, 3);
    EXPECT_NE(strict.err.find("line 3: the decision \"maybe\" is not one of"), std::string::npos) << strict.err;
    EXPECT_NE(strict.err.find("1 row has a problem (listed above)"), std::string::npos) << strict.err;
    auto lenient = run_cli({"detect", file, "--format", "events", "--skip-bad-rows"});
    EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
    EXPECT_NE(lenient.out.find("read 2 rows for 1 unit"), std::string::npos) << lenient.out;
}

TEST_F(Detect, SimulateIsReproducibleAndChecksItsOptions) {
    ASSERT_EQ(run_cli({"simulate", "--units", "5", "--seed", "3", "--out", path("a.csv")}).exit_code, 0);
    ASSERT_EQ(run_cli({"simulate", "--units", "5", "--seed", "3", "--out", path("b.csv")}).exit_code, 0);
    EXPECT_EQ(read(path("a.csv")), read(path("b.csv")));
    auto bad_mix = run_cli({"simulate", "--out", path("c.csv"), "--mix", "floor=lots"});
    EXPECT_EQ(bad_mix.exit_code, 2);
    EXPECT_NE(bad_mix.err.find("--mix must look like"), std::string::npos);
    EXPECT_EQ(run_cli({"simulate", "--out", path("c.csv"), "--rate-low", "4", "--rate-high", "2"}).exit_code, 2);
}
