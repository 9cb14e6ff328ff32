// The detection report as a document to print: the page's own words, tables, and charts (the
// same SVG, with their figures beside them), for documents/pdf to render.
#include <fmt/format.h>

#include <algorithm>

#include "analytics/report/report.hpp"

namespace pw::analytics {
namespace {

using documents::Chart;
using documents::Heading;
using documents::Paragraph;
using documents::Table;

void unit_detail(documents::Document& d, const UnitReport& u) {
    d.blocks.push_back(Heading{2, u.name});
    d.blocks.push_back(
        Paragraph{fmt::format("{} referrals over {} periods ({:.3g} a period). Combined p-value {}, "
                              "q-value {}.",
                              u.referrals, u.periods, u.mean, format_p(u.combined_p), format_p(u.q_value))});
    Table tests{"", {"Test", "Result"}, {}};
    for (const auto& t : u.tests)
        tests.rows.push_back({std::string(test_title(t.kind)),
                              t.ran ? fmt::format("{}, q = {}. {}", p_is(t.p_value), format_p(t.q_value), t.effect_text)
                                    : "Not run: " + t.not_run});
    d.blocks.push_back(std::move(tests));
    for (const auto& t : u.tests) {
        if (!t.ran || t.p_value >= 0.05 || t.chart.empty()) continue;
        const auto figures = chart_figures(t);
        d.blocks.push_back(
            Chart{chart_svg(t, u.name), fmt::format("{} for {}: {}", test_title(t.kind), u.name, figures.caption)});
        d.blocks.push_back(Table{figures.caption, figures.header, figures.rows});
    }
}

}  // namespace

documents::Document report_document(const Report& report, const ReadReport& read, std::string title,
                                    std::size_t charted_units) {
    documents::Document d;
    d.title = std::move(title);
    for (auto& line : summary_lines(report, read)) d.blocks.push_back(Paragraph{std::move(line), false});
    if (!report.units.empty()) {
        Table ranking{
            "Units by strength of evidence", {"Rank", "Unit", "Strongest test", "p-value", "q-value", "Flagged"}, {}};
        for (std::size_t rank = 1; rank <= report.units.size() && rank <= kRankedUnits; ++rank)
            ranking.rows.push_back(ranking_cells(report.units[rank - 1], rank));
        d.blocks.push_back(std::move(ranking));
        if (report.units.size() > kRankedUnits)
            d.blocks.push_back(
                Paragraph{fmt::format("And {} more units with weaker evidence: the CSV and JSON reports "
                                      "list every unit.",
                                      report.units.size() - kRankedUnits)});
        d.blocks.push_back(Heading{1, "The strongest evidence, unit by unit"});
        for (std::size_t i = 0; i < report.units.size() && i < charted_units; ++i) unit_detail(d, report.units[i]);
    }
    if (!report.providers.empty()) {
        d.blocks.push_back(Heading{1, "Providers compared within each area"});
        // As many provider rows as the ranking has units: a file of thousands of providers would
        // otherwise print hundreds of pages (the CSV and JSON list every one).
        std::size_t rows = 0, areas = 0;
        for (const auto& c : report.providers) {
            if (rows >= kRankedUnits) {
                d.blocks.push_back(
                    Paragraph{fmt::format("And {} more areas: the CSV and JSON reports list every "
                                          "provider.",
                                          report.providers.size() - areas)});
                break;
            }
            ++areas;
            const auto shown = std::min(c.groups.size(), kRankedUnits - rows);
            rows += shown;
            Table table{
                c.area, {"Provider", "Referrals", "Adverse", "Adverse share", "Against the rest of the area"}, {}};
            for (std::size_t i = 0; i < shown; ++i) table.rows.push_back(provider_cells(c, i));
            d.blocks.push_back(std::move(table));
            if (shown < c.groups.size())
                d.blocks.push_back(
                    Paragraph{fmt::format("And {} more providers in {}: the CSV and JSON reports list "
                                          "every one.",
                                          c.groups.size() - shown, c.area)});
            if (c.adverse)
                d.blocks.push_back(Paragraph{
                    fmt::format("Adverse shares differ: chi-square {:.1f} on {} degrees of "
                                "freedom, {}.",
                                c.adverse->statistic, c.adverse->degrees_of_freedom, p_is(c.adverse->p_value))});
            if (c.rate)
                d.blocks.push_back(
                    Paragraph{fmt::format("Referral rates (per person-period of caseload) differ: "
                                          "chi-square {:.1f} on {} degrees of freedom, {}.",
                                          c.rate->statistic, c.rate->degrees_of_freedom, p_is(c.rate->p_value))});
            if (!c.against_area.empty())
                d.blocks.push_back(
                    Paragraph{"Each provider's adverse share is compared with the rest of its area's by a "
                              "two-proportion test; its p-value is multiplied by the number of providers "
                              "in the area."});
            if (!c.not_run.empty()) d.blocks.push_back(Paragraph{"Not compared: " + c.not_run + "."});
        }
    }
    d.blocks.push_back(Heading{1, "How the tests work, and what would make them wrong"});
    for (const auto& note : method_notes()) {
        d.blocks.push_back(Heading{2, std::string(note.title)});
        d.blocks.push_back(Paragraph{std::string(note.text)});
    }
    d.blocks.push_back(Heading{1, "Assumptions"});
    for (auto a : assumptions()) d.blocks.push_back(Paragraph{"• " + std::string(a), false});
    return d;
}

}  // namespace pw::analytics
