#include "core/documents/pdf.hpp"

#include <fmt/format.h>

#include <vector>

namespace pw::documents {

namespace {

constexpr int kLinesPerPage = 60;
constexpr std::size_t kColumns = 88;

// UTF-8 to Latin-1 (WinAnsi for the printable range), '?' for what the font cannot show.
std::string latin1(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
        } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            const unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            out.push_back(cp >= 0xA0 && cp <= 0xFF ? static_cast<char>(cp) : '?');
            i += 2;
        } else {
            // Curly quotes and dashes are common in pasted text: keep their plain forms.
            if (s.substr(i, 3) == "\u2019" || s.substr(i, 3) == "\u2018") {
                out.push_back('\'');
            } else if (s.substr(i, 3) == "\u201C" || s.substr(i, 3) == "\u201D") {
                out.push_back('"');
            } else if (s.substr(i, 3) == "\u2013" || s.substr(i, 3) == "\u2014") {
                out.push_back('-');
            } else {
                out.push_back('?');
            }
            i += (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        }
    }
    return out;
}

std::vector<std::string> wrap(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string paragraph = text.substr(start, end - start);
        while (paragraph.size() > kColumns) {
            auto cut = paragraph.rfind(' ', kColumns);
            if (cut == std::string::npos || cut == 0) cut = kColumns;
            lines.push_back(paragraph.substr(0, cut));
            paragraph.erase(0, cut);
            if (!paragraph.empty() && paragraph.front() == ' ') paragraph.erase(0, 1);  // the space we broke at
        }
        lines.push_back(paragraph);
        start = end + 1;
    }
    return lines;
}

std::string escape(const std::string& line) {
    std::string out;
    for (char c : line) {
        if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
        out.push_back(c == '\t' ? ' ' : c);
    }
    return out;
}

}  // namespace

std::string text_pdf(std::string_view utf8_text, std::string_view title) {
    const auto lines = wrap(latin1(utf8_text));
    const std::size_t pages = std::max<std::size_t>(1, (lines.size() + kLinesPerPage - 1) / kLinesPerPage);
    // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then per page: page, content.
    std::vector<std::string> objects(4 + 2 * pages);
    std::string kids;
    for (std::size_t p = 0; p < pages; ++p) kids += fmt::format("{} 0 R ", 5 + 2 * p);
    objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
    objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages);
    objects[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    objects[3] = fmt::format("<< /Title ({}) /Producer (ProviderWatch) >>", escape(latin1(title)));
    for (std::size_t p = 0; p < pages; ++p) {
        std::string content = "BT /F1 11 Tf 14 TL 56 790 Td\n";
        for (std::size_t i = p * kLinesPerPage; i < std::min(lines.size(), (p + 1) * kLinesPerPage); ++i) {
            content += "(" + escape(lines[i]) + ") Tj T*\n";
        }
        content += "ET";
        objects[4 + 2 * p] = fmt::format(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            "/Contents {} 0 R >>",
            6 + 2 * p);
        objects[5 + 2 * p] = fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content);
    }
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    const auto xref = pdf.size();
    pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
    for (auto offset : offsets) pdf += fmt::format("{:010} 00000 n \n", offset);
    pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1,
                       xref);
    return pdf;
}

}  // namespace pw::documents
