// Providers compared: the published June 2011 - January 2012 figures, and a hand-worked table.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "core/csv/csv.hpp"

using namespace pw::analytics;

namespace {

// The shipped published table (data/published), as a counts file over its one span.
std::string published_as_counts() {
    std::ifstream file(std::string(PW_SOURCE_DIR) + "/data/published/provider_sanction_referrals.csv");
    std::stringstream text;
    text << file.rdbuf();
    auto rows = pw::csv::parse(text.str());
    EXPECT_TRUE(rows);
    std::string counts = "unit,period,referrals,adverse\n";
    for (const auto& row : *rows) {
        if (row.line == 1 || row.fields[1] == "national") continue;  // the header and the national total
        counts += pw::csv::format_row({row.fields[0], row.fields[2], row.fields[3], row.fields[4]});
    }
    return counts;
}

}  // namespace

TEST(ProvidersWithinAnArea, ThePublishedPrimesAdverseSharesDiffer) {
    ReadReport read;
    auto counts = read_counts(published_as_counts(), read);
    ASSERT_TRUE(counts) << counts.error().message;
    ASSERT_EQ(read.rows_read, 3u);  // Working Links, A4e, Serco
    const Report report = detect(*counts);
    EXPECT_EQ(report.per_unit_not_run,
              "the periods are spans: the per-unit tests need weekly or monthly counts, or events");
    ASSERT_EQ(report.providers.size(), 1u);
    const auto& area = report.providers[0];
    ASSERT_TRUE(area.adverse);
    EXPECT_EQ(area.adverse->degrees_of_freedom, 2);
    EXPECT_GT(area.adverse->statistic, 1900);  // about 2,000, as reported
    EXPECT_LT(area.adverse->statistic, 2100);
    EXPECT_LT(area.adverse->p_value, 1e-300 + 1e-200);
    EXPECT_EQ(area.against_area.size(), 3u);
}

TEST(ProvidersWithinAnArea, HandWorkedTwoByTwo) {
    // 30 of 100 against 50 of 100: pooled 0.4; chi-square = sum (O-E)^2/E = 4 * 100/40 ... worked out:
    // cells 30,70 | 50,50 against 40,60 | 40,60: 100/40 + 100/60 + 100/40 + 100/60 = 8.3333.
    ReadReport read;
    auto counts = read_counts(
        "unit,period,referrals,adverse,area\nP1,2012-01,100,30,North\nP2,2012-01,100,50,North\n"
        "P3,2012-01,100,10,South\n",
        read);
    ASSERT_TRUE(counts);
    const Report report = detect(*counts);
    ASSERT_EQ(report.providers.size(), 2u);
    const auto& north = report.providers[0];
    EXPECT_EQ(north.area, "North");
    ASSERT_TRUE(north.adverse);
    EXPECT_NEAR(north.adverse->statistic, 100.0 / 40 * 2 + 100.0 / 60 * 2, 1e-9);
    // Each against the rest of the area: with two providers, the rest is the other one.
    ASSERT_EQ(north.against_area.size(), 2u);
    EXPECT_EQ(north.against_area[0].name, "P1");
    EXPECT_NEAR(north.against_area[0].difference, -0.2, 1e-12);
    // z = -0.2 / sqrt(0.4 * 0.6 * (1/100 + 1/100)) = -2.8868; two-sided p 0.003892, times 2 providers.
    EXPECT_NEAR(north.against_area[0].z, -0.2 / std::sqrt(0.4 * 0.6 * 0.02), 1e-9);
    EXPECT_NEAR(north.against_area[0].p_value, 2 * 0.0038924, 2e-6);
    EXPECT_EQ(report.providers[1].not_run, "only one provider in this area");
}

TEST(ProvidersWithinAnArea, ManyUnitsWithoutAreasAreComparedInLinearTime) {
    // 2,000 units and no area or parent column: one omnibus test and 2,000 comparisons, not 2 million pairs.
    std::string text = "unit,period,referrals,adverse\n";
    for (int u = 0; u < 2000; ++u)
        text += "office-" + std::to_string(u) + ",2012-01..2012-12,100," + std::to_string(30 + u % 20) + "\n";
    ReadReport read;
    auto counts = read_counts(text, read);
    ASSERT_TRUE(counts) << counts.error().message;
    const Report report = detect(*counts);
    ASSERT_EQ(report.providers.size(), 1u);
    EXPECT_EQ(report.providers[0].against_area.size(), 2000u);
    ASSERT_TRUE(report.providers[0].adverse);
    EXPECT_EQ(report.providers[0].adverse->degrees_of_freedom, 1999);
}
