#include "core/text/text.hpp"

#include <charconv>

namespace pw::text {

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string shortened(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // a continuation byte
    return std::string(s.substr(0, end)) + "\u2026";
}

std::optional<std::string> clean_line(std::string_view s, std::size_t max_bytes) {
    s = trim(s);
    if (s.size() > max_bytes || !is_valid_utf8(s)) return std::nullopt;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F) return std::nullopt;
    }
    return std::string(s);
}

namespace {
std::string fold(std::string_view s, char separator) {
    std::string out;
    bool pending = false;
    for (unsigned char c : s) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            if (pending && !out.empty()) out.push_back(separator);
            pending = false;
            out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
        } else {
            pending = true;
        }
    }
    return out;
}
}  // namespace

std::string search_key(std::string_view s) {
    return fold(s, ' ');
}

std::string slug(std::string_view s) {
    return fold(s, '-');
}

std::optional<long long> parse_positive_int(std::string_view s, long long max) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || ptr != s.data() + s.size() || value < 1 || value > max) return std::nullopt;
    return value;
}

}  // namespace pw::text
