#include "core/redaction/scan_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

bool needs_reading(std::string_view t) {
    return std::ranges::any_of(t,
                               [](char c) { return static_cast<unsigned char>(c) >= 0x80 || c == '\t' || c == '&'; });
}

struct Reference {
    char32_t value = 0;
    std::size_t bytes = 0;
};

// An HTML character reference at t[i] ('&'): numeric, or one of the names that stand for what
// an address, a number or a date is written with.
std::optional<Reference> reference_at(std::string_view t, std::size_t i) {
    const auto semicolon = t.substr(i, 12).find(';');  // a reference is short: never a search to the end
    if (semicolon == std::string_view::npos) return std::nullopt;
    const auto body = t.substr(i + 1, semicolon - 1);
    const std::size_t bytes = semicolon + 1;
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const auto digits = body.substr(hex ? 2 : 1);
        std::uint32_t value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
        if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
        return Reference{static_cast<char32_t>(value), bytes};
    }
    static constexpr std::array<std::pair<std::string_view, char32_t>, 9> kNamed{{{"commat", U'@'},
                                                                                  {"period", U'.'},
                                                                                  {"amp", U'&'},
                                                                                  {"nbsp", U' '},
                                                                                  {"plus", U'+'},
                                                                                  {"hyphen", U'-'},
                                                                                  {"dash", U'-'},
                                                                                  {"lpar", U'('},
                                                                                  {"rpar", U')'}}};
    for (const auto& [name, value] : kNamed)
        if (body == name) return Reference{value, bytes};
    return std::nullopt;
}

// Hyphens and minus signs, which join what they stand between as "-" does. Not the en and em
// dashes: they stand between words ("Lord Freud—Jane Doe", "03/01/22–05/01/22"), and the scanners
// read them as they are.
bool is_hyphen(char32_t c) {
    return c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2043 || c == 0x02D7 || c == 0x2212 || c == 0xFE63 ||
           c == 0xFF0D;
}

// Characters that show as a gap though Unicode does not call them spaces (Hangul fillers, the
// braille blank), or calls them ignorable: read as a space, so "John\u3164Smith" is two words.
bool shows_as_space(char32_t c) {
    return c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800;
}

// A character (with its marks) as read; empty when nobody sees it.
std::string as_read(char32_t first, std::string_view written) {
    if (first == U'\t' || text::is_space_separator(first) || shows_as_space(first)) return " ";
    if (first == 0x2028 || first == 0x2029) return "\n";  // line and paragraph separators
    if (text::is_invisible(first)) return "";
    if (is_hyphen(first)) return "-";
    return text::compatible(written);
}

}  // namespace

void ScanText::add(std::string_view read, std::size_t begin, std::size_t end) {
    if (read.empty()) {
        // Unseen: it goes with the character before it, so a span that ends there takes it too.
        if (!piece_.empty()) piece_.back().second = static_cast<std::uint32_t>(end);
        return;
    }
    piece_.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
    text_.append(read);
    piece_of_.resize(text_.size(), static_cast<std::uint32_t>(piece_.size() - 1));
}

ScanText::ScanText(std::string_view original) : original_(original) {
    if (!needs_reading(original)) return;
    same_ = false;
    text_.reserve(original.size());
    piece_of_.reserve(original.size());
    for (std::size_t i = 0; i < original.size();) {
        const auto first = text::code_point_at(original, i);
        if (first.value == U'&') {
            if (const auto reference = reference_at(original, i)) {
                const auto read = as_read(reference->value, text::utf8(reference->value));
                add(read, i, i + reference->bytes);
                i += reference->bytes;
                continue;
            }
        }
        // The character and the marks that belong to it, read together.
        std::size_t end = i + first.bytes;
        while (end < original.size()) {
            const auto next = text::code_point_at(original, end);
            if (!text::is_mark(next.value)) break;
            end += next.bytes;
        }
        const auto written = original.substr(i, end - i);
        if (written.size() == 1 && first.value < 0x80 && first.value != U'\t')
            add(written, i, end);
        else
            add(as_read(first.value, written), i, end);
        i = end;
    }
}

std::vector<Span> ScanText::to_original(std::vector<Span> spans) const {
    if (same_) return spans;
    std::vector<Span> out;
    for (auto& span : spans) {
        if (span.end <= span.begin || span.begin >= text_.size()) continue;
        span.begin = piece_[piece_of_[span.begin]].first;
        span.end = piece_[piece_of_[std::min(span.end, text_.size()) - 1]].second;
        if (!out.empty() && span.begin < out.back().end) {
            out.back().end = std::max(out.back().end, span.end);  // two spans in one character: one span
            continue;
        }
        out.push_back(std::move(span));
    }
    return out;
}

}  // namespace pw::redaction::detail
