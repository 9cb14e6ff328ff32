// A real detection report as a PDF: made by the detector from a simulated file of 520 offices,
// it runs past 20 pages (the ranking of 500 units, 20 units' tests with their charts and figures,
// the method) and renders in under a second; the charts are the page's own SVG.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <regex>

#include "analytics/detection/detect.hpp"
#include "analytics/report/report.hpp"
#include "analytics/simulation/simulate.hpp"
#include "documents/pdf.hpp"
#include "support/pdf_tools.hpp"

using namespace pw::analytics;
using pw::testing::PdfFile;

TEST(ReportPdf, ADetectionReportOfTwentyPagesRendersInUnderASecond) {
    SimulationOptions options;
    options.units = 520;
    options.weeks = 52;
    const auto sim = simulate(options);
    DetectOptions detect_options;
    detect_options.null_units = 50;
    const auto report = detect(sim.events, detect_options);
    ReadReport read;
    const auto document = report_document(report, read, "Referral target detection report: referrals.csv");
    std::size_t charts = 0;
    for (const auto& block : document.blocks) charts += std::holds_alternative<pw::documents::Chart>(block);
    ASSERT_GT(charts, 0u) << "nothing was flagged, so nothing was charted";
    for (const auto& block : document.blocks)
        if (const auto* chart = std::get_if<pw::documents::Chart>(&block)) {
            EXPECT_TRUE(chart->svg.starts_with("<svg class=\"pw-chart\""));
            EXPECT_FALSE(chart->description.empty());
        }

    pw::documents::render_pdf(document);  // the fonts are loaded once, on first use
    const auto started = std::chrono::steady_clock::now();
    const PdfFile pdf(pw::documents::render_pdf(document));
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto info = pdf.tool("pdfinfo");
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)"))) << info;
    EXPECT_GE(std::stoi(pages[1]), 20);
    std::printf("a %s-page detection report with %zu charts in %.3f s\n", pages[1].str().c_str(), charts, took);
    EXPECT_LT(took, 1.0);
    const auto text = pdf.text();
    EXPECT_NE(text.find("And 20 more units with weaker evidence"), std::string::npos);
    EXPECT_NE(text.find(report.units.front().name), std::string::npos);
}

TEST(ReportPdf, ProviderTablesStopAt500RowsWhateverTheAreas) {
    // A file of 600 providers in one area, and 300 more in each of two others: 500 rows printed.
    Report report;
    for (const auto& [area, providers] : {std::pair{"All of them", 600}, {"North", 300}, {"South", 300}}) {
        ProviderComparison c;
        c.area = area;
        for (int i = 0; i < providers; ++i) c.groups.push_back({.name = "Provider " + std::to_string(i)});
        report.providers.push_back(std::move(c));
    }
    ReadReport read;
    const auto document = report_document(report, read, "Providers");
    std::size_t rows = 0;
    std::string notes;
    for (const auto& block : document.blocks) {
        if (const auto* table = std::get_if<pw::documents::Table>(&block)) rows += table->rows.size();
        if (const auto* p = std::get_if<pw::documents::Paragraph>(&block)) notes += p->text + "\n";
    }
    EXPECT_EQ(rows, kRankedUnits);
    EXPECT_NE(notes.find("And 100 more providers in All of them"), std::string::npos) << notes;
    EXPECT_NE(notes.find("And 2 more areas"), std::string::npos) << notes;
}
