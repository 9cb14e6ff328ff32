#pragma once
// A document people print and send, as structure, not layout: its title (in English), the
// sender's details and the date at its head, then headings, paragraphs, links, tables and charts.
// documents/pdf.hpp lays it out and renders it; plain_text gives the same words as text, so the
// page, the text download and the PDF say one thing. Pure.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pw::documents {

struct Heading {
    int level = 1;  // 1 or 2
    std::string text;
};

struct Paragraph {
    std::string text;  // may hold line breaks: kept as written
    bool justified = true;
};

struct Link {
    std::string text;
    std::string url;  // http(s) only; anything else is printed as text
};

struct Table {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// A chart drawn by the server as SVG (the page's own), with its words for those who cannot see it.
struct Chart {
    std::string svg;
    std::string description;
};

using Block = std::variant<Heading, Paragraph, Link, Table, Chart>;

struct Document {
    std::string title;                // the PDF's title, and the first heading
    bool title_heading = true;        // false: in the metadata only (a letter as its writer drafted it)
    std::vector<std::string> sender;  // the sender's name, address, reference: lines at the top right
    std::string date;                 // "4 December 2026", under the sender's details
    std::vector<std::string> recipient;
    std::vector<Block> blocks;
};

// Plain text in every field a person typed: what a document may hold. Control characters other
// than line breaks and tabs become spaces, invalid UTF-8 and noncharacters (U+FDD0-U+FDEF,
// U+xFFFE, U+xFFFF) become U+FFFD, and each field is cut at
// `limit` bytes on a character boundary, so no input can break a layout or a PDF string.
std::string printable(std::string_view text, std::size_t limit = 20000);

// The document as text: the sender's block, the date, the recipient, the title, then every block;
// tables as tab-separated rows and charts as their description.
std::string plain_text(const Document& document);

// A text someone wrote (a letter drafted on the site, a complaint): its paragraphs, split at blank
// lines, each kept as written.
std::vector<Block> paragraphs_of(std::string_view text);

}  // namespace pw::documents
