#include "core/documents/document.hpp"

#include <type_traits>

namespace pw::documents {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at s[i], or 0.
std::size_t sequence_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    unsigned cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong, surrogate
    return n;
}

// Noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) are valid UTF-8 but no text: Cairo refuses them
// in a PDF's strings (its title, its tags). Three and four bytes: EF B7 90-AF, and EF BF BE-BF or
// F0-F4 8F/9F/AF/BF BF BE-BF.
bool noncharacter(std::string_view seq) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(seq[k]); };
    if (seq.size() == 3) return b(0) == 0xEF && ((b(1) == 0xB7 && b(2) >= 0x90 && b(2) <= 0xAF) || (b(1) == 0xBF && b(2) >= 0xBE));
    return seq.size() == 4 && (b(1) & 0x0F) == 0x0F && b(2) == 0xBF && b(3) >= 0xBE;
}

void add_line(std::string& out, std::string_view line) {
    out += line;
    out += '\n';
}

}  // namespace

std::string printable(std::string_view text, std::size_t limit) {
    std::string out;
    out.reserve(std::min(text.size(), limit));
    for (std::size_t i = 0; i < text.size();) {
        const auto n = sequence_at(text, i);
        std::string_view piece = n && !noncharacter(text.substr(i, n)) ? text.substr(i, n) : kReplacement;
        const auto c = static_cast<unsigned char>(text[i]);
        if (n == 1 && c < 0x20 && c != '\n' && c != '\t') piece = " ";
        if (n == 1 && c == 0x7F) piece = " ";
        if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) piece = " ";  // C1 controls
        if (out.size() + piece.size() > limit) break;
        if (!(c == '\r' && n == 1)) out += piece;  // CRLF is a line break, once
        i += n ? n : 1;
    }
    return out;
}

std::string plain_text(const Document& d) {
    std::string out;
    for (const auto& line : d.sender) add_line(out, line);
    if (!d.date.empty()) add_line(out, d.date);
    if (!d.sender.empty() || !d.date.empty()) out += '\n';
    for (const auto& line : d.recipient) add_line(out, line);
    if (!d.recipient.empty()) out += '\n';
    if (!d.title.empty() && d.title_heading) {
        add_line(out, d.title);
        out += '\n';
    }
    for (const auto& block : d.blocks) {
        std::visit(
            [&](const auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Heading>) {
                    add_line(out, b.text);
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    add_line(out, b.text);
                } else if constexpr (std::is_same_v<T, Link>) {
                    add_line(out, b.text + (b.url.empty() ? "" : ": " + b.url));
                } else if constexpr (std::is_same_v<T, Table>) {
                    if (!b.caption.empty()) add_line(out, b.caption);
                    const auto row = [&](const std::vector<std::string>& cells) {
                        std::string line;
                        for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i];
                        add_line(out, line);
                    };
                    if (!b.header.empty()) row(b.header);
                    for (const auto& r : b.rows) row(r);
                } else {
                    add_line(out, b.description);
                }
            },
            block);
        out += '\n';
    }
    while (out.ends_with("\n\n")) out.pop_back();
    return out;
}

std::vector<Block> paragraphs_of(std::string_view text) {
    std::vector<Block> out;
    std::string current;
    const auto flush = [&] {
        while (current.ends_with('\n')) current.pop_back();
        if (current.find_first_not_of(" \t\n") != std::string::npos)
            out.emplace_back(std::in_place_type<Paragraph>, Paragraph{current, false});
        current.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            flush();
        else
            current += std::string(line) + '\n';
        start = end + 1;
    }
    flush();
    return out;
}

}  // namespace pw::documents
