#pragma once
// Documents as PDF, laid out by Pango and drawn by Cairo (docs/documents.md): A4, the fonts
// embedded and subset, real line breaking in any script Pango shapes (right-to-left too),
// justified paragraphs, the sender's details and the date at the head, "Page n of N" at the foot,
// the title in the PDF's metadata and a tagged structure (headings, paragraphs, links, tables,
// figures) for screen readers. Every document the site offers goes through here.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/documents/document.hpp"

namespace pw::documents {

// Always a PDF, whatever the document holds: every text is made printable first, and a chart
// whose SVG cannot be read is printed as its description. Throws only when the fonts are missing
// (a broken installation), with the package to install.
std::string render_pdf(const Document& document);

// How many characters of the text neither font has (Chinese, Bengali, Tamil…): they print as
// empty boxes, so a page offering the PDF says so first. 0 for text the fonts cover.
std::size_t characters_without_a_font(std::string_view text);

}  // namespace pw::documents
