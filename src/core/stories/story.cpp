#include "core/stories/story.hpp"

#include <array>

#include <fmt/format.h>

#include "core/text/text.hpp"
#include "core/text/unicode.hpp"

namespace pw::stories {

std::size_t character_count(std::string_view utf8) {
    return text::character_count(utf8);
}

Result<std::string> check_text(std::string_view text, std::string_view what) {
    return check_text_within(text, what, kMaxCharacters);
}

Result<std::string> check_text_within(std::string_view text, std::string_view what, std::size_t max_characters) {
    if (!text::is_valid_utf8(text)) return fail(ErrorKind::invalid_input, fmt::format("{} must be plain text", what));
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') continue;
            clean.push_back('\n');
        } else if (c < 0x20 && c != '\n' && c != '\t') {
            return fail(ErrorKind::invalid_input, fmt::format("{} contains characters that are not text", what));
        } else if (c == 0x7F) {
            return fail(ErrorKind::invalid_input, fmt::format("{} contains characters that are not text", what));
        } else {
            clean.push_back(static_cast<char>(c));
        }
    }
    // Shown reordered, text would read differently from what redaction reads (core/text/unicode.hpp).
    clean = text::without_direction_controls(clean);
    const auto start = clean.find_first_not_of(" \t\n");
    if (start == std::string::npos) return fail(ErrorKind::invalid_input, fmt::format("{} is empty", what));
    clean = clean.substr(start, clean.find_last_not_of(" \t\n") - start + 1);
    if (const auto count = character_count(clean); count > max_characters) {
        return fail(ErrorKind::invalid_input,
                    fmt::format("{} must be {} characters or fewer (it has {})", what, max_characters, count));
    }
    return clean;
}

std::vector<Segment> preview_segments(std::string_view text) {
    std::vector<Segment> out;
    std::size_t at = 0;
    for (const auto& span : redaction::find(text)) {
        if (span.begin > at) out.push_back({std::string(text.substr(at, span.begin - at)), false});
        out.push_back(
            {span.replacement.empty() ? std::string(redaction::placeholder(span.kind)) : span.replacement, true});
        at = span.end;
    }
    if (at < text.size()) out.push_back({std::string(text.substr(at)), false});
    return out;
}

std::vector<Segment> segments(std::string_view redacted) {
    // Every placeholder redaction writes; "[name]" is a name found by its context ("my sister [name]").
    static const std::array<std::string_view, 8> kPlaceholders{
        redaction::placeholder(redaction::Kind::email),        redaction::placeholder(redaction::Kind::phone),
        redaction::placeholder(redaction::Kind::ni_number),    redaction::placeholder(redaction::Kind::postcode),
        redaction::placeholder(redaction::Kind::staff_number), redaction::placeholder(redaction::Kind::staff_name),
        redaction::placeholder(redaction::Kind::censored),     "[name]"};
    std::vector<Segment> out;
    std::size_t at = 0;
    std::size_t plain_from = 0;
    while (at < redacted.size()) {
        bool matched = false;
        if (redacted[at] == '[') {
            for (const auto placeholder : kPlaceholders) {
                if (redacted.substr(at, placeholder.size()) == placeholder) {
                    if (at > plain_from)
                        out.push_back({std::string(redacted.substr(plain_from, at - plain_from)), false});
                    out.push_back({std::string(placeholder), true});
                    at += placeholder.size();
                    plain_from = at;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) ++at;
    }
    if (plain_from < redacted.size()) out.push_back({std::string(redacted.substr(plain_from)), false});
    return out;
}

std::string censor(std::string_view redacted, const std::vector<redaction::CensorRule>& rules) {
    return redaction::apply(redacted, redaction::find_censored(redacted, rules));
}

}  // namespace pw::stories
