#include "core/text/unicode.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <optional>

namespace pw::text {

CodePoint code_point_at(std::string_view s, std::size_t i) {
    utf8proc_int32_t value = 0;
    const auto read = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                       static_cast<utf8proc_ssize_t>(s.size() - i), &value);
    if (read <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(value), static_cast<std::size_t>(read)};
}

bool is_letter(char32_t c) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:  // a combining accent belongs to its letter
            return true;
        default:
            return false;
    }
}

bool is_mark(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}

bool is_upper_letter(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_lower_letter(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

bool is_space_separator(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

bool is_invisible(char32_t c) {
    if (c > 0x10FFFF) return false;
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->ignorable;
}

namespace {
// utf8proc's mapping of s with the options given; nullopt when s is not UTF-8 it can read.
std::optional<std::string> mapped(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    const auto length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                     static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (length < 0) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}
}  // namespace

std::string utf8(char32_t c) {
    utf8proc_uint8_t bytes[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), bytes);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

std::size_t character_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string without_direction_controls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = code_point_at(s, i);
        const bool control = (c.value >= 0x202A && c.value <= 0x202E) || (c.value >= 0x2066 && c.value <= 0x2069) ||
                             c.value == 0x200E || c.value == 0x200F || c.value == 0x061C;
        if (!control) out.append(s.substr(i, c.bytes));
        i += c.bytes;
    }
    return out;
}

std::string compatible(std::string_view s) {
    return mapped(s, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_IGNORE).value_or(std::string(s));
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool ascii = true;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    if (ascii) return out;
    const auto folded_text = mapped(s, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    if (!folded_text) return std::string(s);
    const std::string_view folded(*folded_text);
    // Letters that are not a base letter and an accent, so that stripping marks leaves them.
    out.clear();
    for (std::size_t i = 0; i < folded.size();) {
        const auto c = code_point_at(folded, i);
        switch (c.value) {
            case U'ł':
                out += 'l';
                break;
            case U'ø':
                out += 'o';
                break;
            case U'đ':
                out += 'd';
                break;
            case U'ı':
                out += 'i';
                break;
            case U'æ':
                out += "ae";
                break;
            case U'œ':
                out += "oe";
                break;
            case U'þ':
                out += "th";
                break;
            case U'’':
                out += '\'';
                break;
            default:
                out.append(folded.substr(i, c.bytes));
        }
        i += c.bytes;
    }
    return out;
}

}  // namespace pw::text
