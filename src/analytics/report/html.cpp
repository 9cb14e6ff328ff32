#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "analytics/report/report.hpp"

namespace pw::analytics {
namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// What each test's chart shows, and what its rows are.
std::string_view what_is_charted(TestKind kind) {
    switch (kind) {
        case TestKind::floor:
            return "how many periods had each number of referrals, against the model without a quota";
        case TestKind::dispersion:
            return "how much referrals change from one period to the next, against chance (the mean)";
        case TestKind::period_end:
            return "the percentage of referrals on period-end days, against their share of working days";
        case TestKind::league_race:
            return "extra referrals for each referral below the peer median the period before";
        case TestKind::marginal_outcome:
            return "the percentage of decided referrals that were adverse";
    }
    return "";
}

std::string html_number(double x) {
    return fmt::format("{:.3g}", x);
}

}  // namespace

// Bars for observed (filled) and expected (outlined), drawn with SVG attributes only (no inline
// style, which the site's content security policy refuses); the table beside holds the figures.
std::string chart_svg(const TestResult& t, std::string_view unit) {
    if (t.chart.empty()) return {};
    double top = 0;
    for (const auto& b : t.chart) top = std::max({top, b.observed, b.expected});
    if (top <= 0) top = 1;
    const int row = 22, label_width = 120, bar_width = 180;
    const auto height = static_cast<int>(t.chart.size()) * row * 2 + 8;
    std::string svg = fmt::format(
        "<svg class=\"pw-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
        "font-family=\"Arial, sans-serif\" role=\"img\" aria-label=\"{}\">",
        label_width + bar_width + 60, height, label_width + bar_width + 60, height,
        escape(fmt::format("{} for {}: observed against expected; figures in the table", test_title(t.kind), unit)));
    int y = 4;
    for (const auto& b : t.chart) {
        const auto w_obs = static_cast<int>(bar_width * std::max(0.0, b.observed) / top);
        const auto w_exp = static_cast<int>(bar_width * std::max(0.0, b.expected) / top);
        svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>", y + 14,
                           escape(b.label.substr(0, 18)));
        svg +=
            fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#1d70b8\"/>", label_width, y, w_obs);
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>",
                           label_width + w_obs + 4, y + 13, html_number(b.observed));
        y += row;
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"2\"/>",
            label_width, y, std::max(w_exp, 1));
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#505a5f\">{}</text>",
                           label_width + w_exp + 4, y + 13, html_number(b.expected));
        y += row;
    }
    return svg + "</svg>";
}

std::vector<std::string> summary_lines(const Report& report, const ReadReport& read) {
    std::vector<std::string> out{read.summary() + "."};
    if (read.rows_rejected > 0 && !read.problems.empty()) {
        // The rows left out, so that whoever reads the report can tell what it was not made from.
        constexpr std::size_t kListed = 20;
        std::string text = "Rows left out: ";
        const auto listed = std::min(read.problems.size(), kListed);
        for (std::size_t i = 0; i < listed; ++i)
            text += fmt::format("{}line {} ({})", i ? "; " : "", read.problems[i].line, read.problems[i].reason);
        if (read.rows_rejected > listed)
            text += fmt::format("; and {} more (the JSON report lists the first {})", read.rows_rejected - listed,
                                read.problems.size());
        out.push_back(text + ".");
    }
    if (report.options.from || report.options.to) {
        auto day = [](std::optional<Day> d, const char* otherwise) {
            if (!d) return std::string(otherwise);
            const Civil c = civil_from_day(*d);
            return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
        };
        out.push_back("Tested over " + day(report.options.from, "the first referral") + " to " +
                      day(report.options.to, "the last") + " only.");
    }
    if (!report.units.empty()) {
        out.push_back(fmt::format("{} of {} units are flagged at a false discovery rate of {:.0f}%.", report.flagged,
                                  report.units.size(), 100 * report.options.fdr));
        const bool any_ran = std::ranges::any_of(
            report.units, [](const UnitReport& u) { return std::ranges::any_of(u.tests, &TestResult::ran); });
        if (!any_ran)
            out.push_back("No test could run on any unit: each needs more weeks or referrals than the file holds "
                          "(each unit's tests below say what they need).");
        else
            out.push_back(fmt::format(
                "Calibration: {} simulated units without any quota; the tests were combined as {:.1f} independent "
                "tests, and {:.1f}% of the simulated units reached p ≤ 5% (it should be near 5%).",
                report.calibration.null_units, report.calibration.effective_tests,
                100 * report.calibration.null_flag_rate));
    }
    if (!report.per_unit_not_run.empty()) out.push_back(report.per_unit_not_run + ".");
    const auto with_advisers = std::ranges::count_if(report.units, [](const UnitReport& u) { return u.advisers > 0; });
    if (with_advisers > 0)
        out.push_back(fmt::format("The league race was also run among the advisers of {} of the units (those with at "
                                  "least 3 advisers in the file's adviser column).",
                                  with_advisers));
    if (!report.advisers_not_used.empty()) {
        std::string text = report.advisers_not_used + ".";
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        out.push_back(std::move(text));
    }
    return out;
}

std::vector<std::string> ranking_cells(const UnitReport& u, std::size_t rank) {
    return {std::to_string(rank),
            u.parent.empty() ? u.name : u.name + " (" + u.parent + ")",
            u.strongest ? std::string(test_title(*u.strongest)) : "none ran",
            format_p(u.combined_p),
            format_p(u.q_value),
            u.flagged ? "Yes" : "No"};
}

std::vector<std::string> provider_cells(const ProviderComparison& c, std::size_t i) {
    const auto& g = c.groups[i];
    const std::string against =
        i < c.against_area.size()
            ? fmt::format("{:+.1f} points, {}", 100 * c.against_area[i].difference, p_is(c.against_area[i].p_value))
            : "";
    return {g.name, std::to_string(g.referrals), g.adverse >= 0 ? std::to_string(g.adverse) : "not given",
            g.adverse >= 0 && g.decided > 0
                ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(g.adverse) / static_cast<double>(g.decided))
                : "",
            against};
}

ChartFigures chart_figures(const TestResult& t) {
    const bool comparison = t.kind == TestKind::marginal_outcome;
    ChartFigures f;
    f.caption = fmt::format("Figures for the chart: {} (filled bars: {}; outlined: {})", what_is_charted(t.kind),
                            comparison ? "quota-like periods" : "observed", comparison ? "other periods" : "expected");
    f.header = {t.kind == TestKind::floor ? "Referrals" : "What", comparison ? "Quota-like" : "Observed",
                comparison ? "Others" : "Expected"};
    for (const auto& b : t.chart) f.rows.push_back({b.label, html_number(b.observed), html_number(b.expected)});
    return f;
}

namespace {

// A wide table scrolls inside its own region, reachable by keyboard, rather than widening the page.
std::string scrolling(std::string_view label, const std::string& table) {
    return "<div class=\"pw-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + escape(label) + "\">" +
           table + "</div>";
}

std::string chart(const TestResult& t, std::string_view unit) {
    const auto svg = chart_svg(t, unit);
    if (svg.empty()) return {};
    const auto figures = chart_figures(t);
    std::string table = fmt::format(
        "<table class=\"govuk-table pw-chart-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">"
        "{}</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">",
        escape(figures.caption));
    for (const auto& h : figures.header)
        table += "<th scope=\"col\" class=\"govuk-table__header\">" + escape(h) + "</th>";
    table += "</tr></thead><tbody class=\"govuk-table__body\">";
    for (const auto& row : figures.rows) {
        table += "<tr class=\"govuk-table__row\">";
        for (const auto& cell : row) table += "<td class=\"govuk-table__cell\">" + escape(cell) + "</td>";
        table += "</tr>";
    }
    table += "</tbody></table>";
    return "<div class=\"pw-chart-pair\">" + svg +
           scrolling(fmt::format("Figures for the {} chart for {}", test_title(t.kind), unit), table) + "</div>";
}

std::string ranking(const Report& report) {
    std::string out =
        "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Units by "
        "strength "
        "of evidence</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
        "<th scope=\"col\" class=\"govuk-table__header\">Rank</th><th scope=\"col\" "
        "class=\"govuk-table__header\">Unit</th>"
        "<th scope=\"col\" class=\"govuk-table__header\">Strongest test</th>"
        "<th scope=\"col\" class=\"govuk-table__header\">p-value</th><th scope=\"col\" "
        "class=\"govuk-table__header\">q-value</th>"
        "<th scope=\"col\" class=\"govuk-table__header\">Flagged</th></tr></thead><tbody class=\"govuk-table__body\">";
    std::size_t rank = 0;
    for (const auto& u : report.units) {
        if (++rank > kRankedUnits) break;
        out += "<tr class=\"govuk-table__row\">";
        const auto cells = ranking_cells(u, rank);
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += "<td class=\"govuk-table__cell\">" +
                   (i == 5 && u.flagged ? "<strong>Yes</strong>" : escape(cells[i])) + "</td>";
        out += "</tr>";
    }
    out = scrolling("Units by strength of evidence", out + "</tbody></table>");
    if (report.units.size() > kRankedUnits)
        out += fmt::format(
            "<p class=\"govuk-body\">And {} more units with weaker evidence: the report as CSV or JSON lists "
            "every unit.</p>",
            report.units.size() - kRankedUnits);
    return out;
}

std::string unit_detail(const UnitReport& u) {
    std::string out = fmt::format(
        "<h3 class=\"govuk-heading-s\">{}</h3><p class=\"govuk-body\">{} referrals over {} periods ({} a period). "
        "Combined p-value {}, q-value {}.</p><dl class=\"govuk-summary-list\">",
        escape(u.name), u.referrals, u.periods, html_number(u.mean), format_p(u.combined_p), format_p(u.q_value));
    std::string charts;
    for (const auto& t : u.tests) {
        out += fmt::format(
            "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{}</dt>"
            "<dd class=\"govuk-summary-list__value\">{}</dd></div>",
            test_title(t.kind),
            t.ran ? fmt::format("{}, q = {}. {}", p_is(t.p_value), format_p(t.q_value), escape(t.effect_text))
                  : "Not run: " + escape(t.not_run));
        if (t.ran && t.p_value < 0.05)
            charts += "<h4 class=\"govuk-heading-s\">" + std::string(test_title(t.kind)) + "</h4>" + chart(t, u.name);
    }
    return out + "</dl>" + charts;
}

std::string providers(const Report& report) {
    if (report.providers.empty()) return {};
    std::string out = "<h2 class=\"govuk-heading-m\">Providers compared within each area</h2>";
    for (const auto& c : report.providers) {
        out += fmt::format("<h3 class=\"govuk-heading-s\">{}</h3>", escape(c.area));
        std::string table =
            "<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
            "<th scope=\"col\" class=\"govuk-table__header\">Provider</th><th scope=\"col\" "
            "class=\"govuk-table__header\">Referrals</th>"
            "<th scope=\"col\" class=\"govuk-table__header\">Adverse</th><th scope=\"col\" "
            "class=\"govuk-table__header\">Adverse share</th>"
            "<th scope=\"col\" class=\"govuk-table__header\">Against the rest of the area</th>"
            "</tr></thead><tbody class=\"govuk-table__body\">";
        for (std::size_t i = 0; i < c.groups.size(); ++i) {
            table += "<tr class=\"govuk-table__row\">";
            for (const auto& cell : provider_cells(c, i))
                table += "<td class=\"govuk-table__cell\">" + escape(cell) + "</td>";
            table += "</tr>";
        }
        out += scrolling("Providers in " + c.area, table + "</tbody></table>");
        if (c.adverse)
            out += fmt::format(
                "<p class=\"govuk-body\">Adverse shares differ: chi-square {:.1f} on {} degrees of freedom, {}.</p>",
                c.adverse->statistic, c.adverse->degrees_of_freedom, p_is(c.adverse->p_value));
        if (c.rate)
            out += fmt::format(
                "<p class=\"govuk-body\">Referral rates (per person-period of caseload) differ: chi-square {:.1f} on "
                "{} "
                "degrees of freedom, {}.</p>",
                c.rate->statistic, c.rate->degrees_of_freedom, p_is(c.rate->p_value));
        if (!c.against_area.empty())
            out +=
                "<p class=\"govuk-body\">Each provider's adverse share is compared with the rest of its area's by a "
                "two-proportion test; its p-value is multiplied by the number of providers in the area.</p>";
        if (!c.not_run.empty()) out += "<p class=\"govuk-body\">Not compared: " + escape(c.not_run) + ".</p>";
    }
    return out;
}

}  // namespace

std::string html_fragment(const Report& report, const ReadReport& read, std::size_t charted_units) {
    std::string out;
    for (const auto& line : summary_lines(report, read)) out += "<p class=\"govuk-body\">" + escape(line) + "</p>";
    if (!report.units.empty()) out += ranking(report);
    std::size_t shown = 0;
    if (!report.units.empty()) out += "<h2 class=\"govuk-heading-m\">The strongest evidence, unit by unit</h2>";
    for (const auto& u : report.units) {
        if (shown++ >= charted_units) break;
        out += unit_detail(u);
    }
    out += providers(report);
    out += "<h2 class=\"govuk-heading-m\">How the tests work, and what would make them wrong</h2>";
    for (const auto& note : method_notes())
        out += fmt::format("<h3 class=\"govuk-heading-s\">{}</h3><p class=\"govuk-body\">{}</p>", note.title,
                           escape(note.text));
    out += "<h2 class=\"govuk-heading-m\">Assumptions</h2><ul class=\"govuk-list govuk-list--bullet\">";
    for (auto a : assumptions()) out += "<li>" + escape(a) + "</li>";
    return out + "</ul>";
}

std::string html_document(const Report& report, const ReadReport& read) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>Referral target detection report</title><style>"
           "body{font-family:Arial,sans-serif;max-width:960px;margin:1em auto;padding:0 "
           "1em;color:#0b0c0c;line-height:1.4}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #b1b4b6;padding:.3em "
           ".6em;text-align:left}"
           ".pw-chart-pair{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}"
           "dt{font-weight:bold;margin-top:.5em}dd{margin-left:0}</style></head><body>"
           "<h1>Referral target detection report</h1>" +
           html_fragment(report, read, 50) + "</body></html>\n";
}

}  // namespace pw::analytics
