#pragma once
// A detection report as JSON, CSV or HTML. The HTML comes as a fragment (for the site's own
// page) or a whole document (for a file); both show every chart with a table beside it.
#include <span>
#include <string>
#include <string_view>

#include "analytics/detection/detect.hpp"
#include "analytics/referrals/reader.hpp"
#include "core/documents/document.hpp"

namespace pw::analytics {

// The method's version, kept with every stored report and printed in every JSON report: a
// change to what a test computes or how they are combined gives a new one.
// 2026-12.11: no league among more than 200 advisers in one unit (kMaxAdvisers).
inline constexpr std::string_view kMethodVersion = "2026-12.11";

struct MethodNote {
    std::string_view title;
    std::string_view text;
};
// How each test works and what would make it wrong, in plain English.
std::span<const MethodNote> method_notes();
std::span<const std::string_view> assumptions();

std::string to_json(const Report& report, const ReadReport& read);

// Units in the ranking of the page and the PDF; the CSV and JSON list every unit.
inline constexpr std::size_t kRankedUnits = 500;

// A test's chart, as the page draws it (SVG) and as figures for the table beside it.
std::string chart_svg(const TestResult& test, std::string_view unit);
struct ChartFigures {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
ChartFigures chart_figures(const TestResult& test);
// The report's opening paragraphs: what was read, the window, how many are flagged, calibration.
std::vector<std::string> summary_lines(const Report& report, const ReadReport& read);
// A row of the ranking (rank, unit, strongest test, p, q, flagged "Yes" or "No") and of a
// provider comparison (provider, referrals, adverse, adverse share, against the rest of the area).
std::vector<std::string> ranking_cells(const UnitReport& unit, std::size_t rank);
std::vector<std::string> provider_cells(const ProviderComparison& comparison, std::size_t provider);

// The report as a document to print (documents/pdf renders it): the page's words, its tables,
// and its charts as the same SVG with their figures beside them.
documents::Document report_document(const Report& report, const ReadReport& read, std::string title,
                                    std::size_t charted_units = 20);
std::string to_csv(const Report& report);
std::string html_fragment(const Report& report, const ReadReport& read, std::size_t charted_units = 20);
std::string html_document(const Report& report, const ReadReport& read);

// "0.0012", "3.4e-09", "< 1e-300": p-values as people read them; p_is gives "p = 0.0012" or "p < 1e-300".
std::string format_p(double p);
std::string p_is(double p);

}  // namespace pw::analytics
