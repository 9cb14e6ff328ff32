// Reports: names from the file are shown as text (HTML escaped, CSV formula-guarded), JSON
// carries every test, and a long ranking is cut in the page but not in the files.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/report/reading.hpp"
#include "analytics/report/report.hpp"
#include "analytics/simulation/simulate.hpp"

using namespace pw::analytics;

namespace {

Report report_on(const std::string& csv, ReadReport& read) {
    auto counts = read_counts(csv, read);
    EXPECT_TRUE(counts) << (counts ? "" : counts.error().message);
    DetectOptions options;
    options.null_units = 50;
    return detect(*counts, options);
}

std::string weeks_for(const std::string& unit) {
    std::string rows;
    for (int w = 1; w <= 20; ++w)
        rows += unit + ",2012-W" + (w < 10 ? "0" : "") + std::to_string(w) + "," + std::to_string(w % 4) + ",0\n";
    return rows;
}

}  // namespace

TEST(Reports, NamesFromTheFileAreTextNotMarkupOrFormulas) {
    ReadReport read;
    const auto report = report_on("unit,period,referrals,adverse\n" + weeks_for("\"<b onclick=x>Office</b>\"") +
                                      weeks_for("\"=HYPERLINK(\"\"http://x\"\")\""),
                                  read);
    const auto html = html_fragment(report, read);
    EXPECT_EQ(html.find("<b onclick"), std::string::npos);
    EXPECT_NE(html.find("&lt;b onclick=x&gt;Office&lt;/b&gt;"), std::string::npos);
    const auto csv = to_csv(report);
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
    EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos);
}

TEST(Reports, JsonCarriesEveryTestOfEveryUnit) {
    ReadReport read;
    const auto report = report_on("unit,period,referrals,adverse\n" + weeks_for("A") + weeks_for("B"), read);
    const auto json = boost::json::parse(to_json(report, read)).as_object();
    const auto& units = json.at("units").as_array();
    ASSERT_EQ(units.size(), 2u);
    for (const auto& unit : units) {
        const auto& tests = unit.at("tests").as_object();
        for (auto kind : kTestKinds) EXPECT_TRUE(tests.contains(test_name(kind))) << test_name(kind);
        EXPECT_EQ(tests.at("period_end").at("not_run").as_string(), "needs the date of each referral (events input)");
    }
    EXPECT_EQ(json.at("method").as_array().size(), method_notes().size());
}

TEST(Reports, APageRanksTheFirst500UnitsAndTheFilesListEvery) {
    SimulationOptions options;
    options.units = 520;
    options.weeks = 20;
    const auto sim = simulate(options);
    DetectOptions detect_options;
    detect_options.null_units = 50;
    const auto report = detect(sim.events, detect_options);
    ReadReport read;
    const auto html = html_fragment(report, read);
    EXPECT_NE(html.find("And 20 more units with weaker evidence"), std::string::npos);
    const auto csv = to_csv(report);
    EXPECT_NE(csv.find("\r\n520,"), std::string::npos);  // the last rank is in the CSV
}

TEST(Reports, SayHowManyAdvisersWereRacedButNeverNameThem) {
    SimulationOptions options;
    options.units = 12;
    options.advisers = 4;
    const auto sim = simulate(options);
    DetectOptions detect_options;
    detect_options.null_units = 50;
    const auto report = detect(sim.events, detect_options);
    ReadReport read;
    const auto json = to_json(report, read);
    const auto parsed = boost::json::parse(json).as_object();
    for (const auto& unit : parsed.at("units").as_array()) EXPECT_EQ(unit.at("advisers").as_int64(), 4);
    const auto html = html_fragment(report, read);
    EXPECT_NE(html.find("also run among the advisers of 12 of the units"), std::string::npos);
    for (const auto& text : {json, html, to_csv(report)})
        EXPECT_EQ(text.find("adviser-0"), std::string::npos);  // the simulator's adviser names
}

TEST(Reports, ReadBackFromTheirJsonForEachUnitAndProvider) {
    ReadReport read;
    std::string csv = "unit,period,referrals,adverse,parent,area\n";
    for (const auto& [unit, parent] : {std::pair{"A", "Prime; One"}, {"B", "Prime; One"}, {"C", "Other"}})
        for (int w = 3; w <= 20; ++w)
            csv +=
                fmt::format("{},2012-W{:02},{},{},\"{}\",area-1\n", unit, w, 4 + w % 3, unit[0] == 'C' ? 3 : 1, parent);
    const auto report = report_on(csv, read);
    const auto reading = read_report_json(to_json(report, read));
    ASSERT_TRUE(reading);
    ASSERT_EQ(reading->units.size(), 3u);
    int with_strongest = 0;
    for (std::size_t i = 0; i < report.units.size(); ++i) {
        const auto& u = report.units[i];
        const auto found = std::ranges::find(reading->units, u.name, &UnitReading::unit);
        ASSERT_NE(found, reading->units.end()) << u.name;
        EXPECT_EQ(found->parent, u.parent);
        EXPECT_EQ(found->area, "area-1");
        EXPECT_EQ(found->referrals, u.referrals);
        EXPECT_EQ(found->flagged, u.flagged);
        ASSERT_TRUE(found->combined_p);
        EXPECT_NEAR(*found->combined_p, u.combined_p, 1e-5 * u.combined_p);
        ASSERT_TRUE(found->q_value);
        EXPECT_NEAR(*found->q_value, u.q_value, 1e-5 * u.q_value);
        if (!u.strongest) {
            EXPECT_EQ(found->strongest, "") << u.name;
            continue;
        }
        ++with_strongest;
        const auto test = std::ranges::find(u.tests, *u.strongest, &TestResult::kind);
        ASSERT_NE(test, u.tests.end());
        EXPECT_EQ(found->strongest, test_title(*u.strongest)) << u.name;
        EXPECT_FALSE(test->effect_text.empty());
        EXPECT_EQ(found->strongest_effect, test->effect_text) << u.name;
    }
    EXPECT_GT(with_strongest, 0) << "no unit's strongest test was read back";
    ASSERT_EQ(reading->providers.size(), 2u);
    for (const auto& p : reading->providers) {
        EXPECT_EQ(p.area, "area-1");
        EXPECT_TRUE(p.difference && p.p_value) << p.provider;
    }
    EXPECT_EQ(reading->first, "week of 2012-01-16");
    EXPECT_EQ(reading->last, "week of 2012-05-14");
    EXPECT_EQ(reading->first_month, "2012-01");
    EXPECT_EQ(reading->last_month, "2012-05");
    EXPECT_EQ(reading->from, "");  // no window asked for
    EXPECT_EQ(reading->to, "");
    EXPECT_FALSE(read_report_json("not json"));
    EXPECT_FALSE(read_report_json("{\"units\": 3}"));
    EXPECT_FALSE(read_report_json("[]"));
}

TEST(Reports, ReadBackTheWindowAskedForAndTheMonthsOfTheData) {
    SimulationOptions options;
    options.units = 6;
    options.weeks = 30;
    const auto sim = simulate(options);
    DetectOptions detect_options;
    detect_options.null_units = 50;
    detect_options.from = *parse_day("2012-02-06");
    detect_options.to = *parse_day("2012-06-24");
    const auto report = detect(sim.events, detect_options);
    ReadReport read;
    read.first_month = "2012-01";
    read.last_month = "2012-07";
    const auto reading = read_report_json(to_json(report, read));
    ASSERT_TRUE(reading);
    EXPECT_EQ(reading->from, "2012-02-06");
    EXPECT_EQ(reading->to, "2012-06-24");
    EXPECT_EQ(reading->first_month, "2012-01");
    EXPECT_EQ(reading->last_month, "2012-07");
}
