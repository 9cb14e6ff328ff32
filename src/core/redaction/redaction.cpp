#include "core/redaction/redaction.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/redaction/redacted_text.hpp"
#include "core/redaction/scan_text.hpp"
#include "core/text/unicode.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction {

namespace {

// What may stand between two spans of one kind that are one: a space between the halves of a name;
// "to" or a dash between two days.
bool joins(Kind kind, std::string_view gap) {
    if (kind == Kind::staff_name) return gap == " ";
    if (kind != Kind::date) return false;
    static constexpr std::array<std::string_view, 10> kRange{
        " to ", " to the ", " - ", " \u2013 ", "-", "\u2013", " until ", " till ", " until the ", " till the "};
    return std::ranges::find(kRange, gap) != kRange.end();
}

// Sorted and not overlapping: by start, the longer first; of two alike a moderator's rule first,
// so its mark is the one kept; overlapping spans are removed together.
std::vector<Span> merged(std::string_view text, std::vector<Span> all) {
    // A name that ends in an initial takes the initial's full stop ("Gemma H.", "Thanks, B."),
    // which is the name's, and gives back the sentence's in its mark.
    for (auto& span : all) {
        const auto e = span.end;
        if (span.kind != Kind::staff_name || e >= text.size() || text[e] != '.' || e < span.begin + 1) continue;
        const char last = text[e - 1];
        if (last < 'A' || last > 'Z' || (e - 1 > span.begin && std::isalpha(static_cast<unsigned char>(text[e - 2]))))
            continue;
        if (span.replacement.empty()) span.replacement = std::string(placeholder(span.kind));
        span.replacement += '.';
        span.end = e + 1;
    }
    std::ranges::sort(all, [](const Span& a, const Span& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        if (a.end != b.end) return a.end > b.end;
        return (a.kind == Kind::censored) > (b.kind == Kind::censored);
    });
    std::vector<Span> kept;
    for (const auto& span : all) {
        if (span.end <= span.begin) continue;
        if (!kept.empty() && span.begin < kept.back().end) {
            kept.back().end = std::max(kept.back().end, span.end);  // overlapping: remove both
            continue;
        }
        // Names one space apart are one name: "[name]", not "[name] [name]", for "Precious Mutasa"
        // found in two halves; and two days with "to" or a dash between are one range ("Tues 4th
        // to Fri 7th June", "the 12th to the 14th"), each day still written as its month.
        if (!kept.empty() && span.kind == kept.back().kind && span.begin > kept.back().end) {
            const auto gap = text.substr(kept.back().end, span.begin - kept.back().end);
            if (joins(span.kind, gap)) {
                auto& back = kept.back();
                if (span.kind == Kind::date && back.replacement != span.replacement) {
                    auto first = back.replacement.empty() ? std::string(placeholder(back.kind)) : back.replacement;
                    auto second = span.replacement.empty() ? std::string(placeholder(span.kind)) : span.replacement;
                    back.replacement = first + std::string(gap) + second;
                }
                if (span.kind == Kind::staff_name && back.replacement.ends_with('.'))
                    back.replacement = span.replacement;  // "J. Smith": no stop inside
                back.end = span.end;
                continue;
            }
        }
        kept.push_back(span);
    }
    return kept;
}

}  // namespace

namespace {

std::vector<Span> find_as_read(std::string_view text, const std::vector<CensorRule>& rules) {
    std::vector<Span> all;
    detail::find_emails(text, all);
    detail::find_obfuscated_emails(text, all);
    detail::find_handles(text, all);
    detail::find_phones(text, all);
    detail::find_spoken_phones(text, all);
    detail::find_ni_numbers(text, all);
    detail::find_postcodes(text, all);
    detail::find_staff_numbers(text, all);
    const auto public_names = detail::public_name_ranges(text);
    detail::find_staff_names(text, public_names, all);
    detail::find_gazetteer_names(text, public_names, all);
    detail::find_usernames(text, public_names, all);
    detail::find_lower_case_names(text, public_names, all);
    detail::find_context_names(text, public_names, all);
    detail::find_han_names(text, all);
    detail::find_names_again(text, public_names, all);
    detail::find_dates(text, all);
    detail::find_censored(text, rules, all);
    return merged(text, std::move(all));
}

}  // namespace

// The scanners read the text as a reader would (scan_text.hpp); the spans are the written bytes.
std::vector<Span> find(std::string_view text, const std::vector<CensorRule>& rules) {
    const detail::ScanText read(text);
    return read.to_original(find_as_read(read.text(), rules));
}

std::vector<Span> find_censored(std::string_view text, const std::vector<CensorRule>& rules) {
    if (rules.empty()) return {};
    const detail::ScanText read(text);
    std::vector<Span> all;
    detail::find_censored(read.text(), rules, all);
    return read.to_original(merged(read.text(), std::move(all)));
}

std::string apply(std::string_view text, const std::vector<Span>& spans) {
    std::string out;
    std::size_t at = 0;
    for (const auto& span : spans) {
        out.append(text.substr(at, span.begin - at));
        out.append(span.replacement.empty() ? placeholder(span.kind) : std::string_view(span.replacement));
        at = span.end;
    }
    out.append(text.substr(std::min(at, text.size())));
    return out;
}

RedactedText redact_text(std::string_view text, const std::vector<CensorRule>& rules) {
    // Whatever path the text came by, nothing public is shown in an order the scanners did not read.
    return RedactedText(text::without_direction_controls(redaction::apply(text, redaction::find(text, rules))));
}

namespace {
struct KindText {
    Kind kind;
    std::string_view placeholder;
    std::string_view name;  // kind_name: the first labelled set's and the moderation queue's
    std::string_view type;  // type_name: the evaluation set's and `redact --spans`'
};
constexpr std::array<KindText, 8> kKindTexts{{
    {Kind::email, "[email address]", "email", "email"},
    {Kind::phone, "[phone number]", "phone", "phone"},
    {Kind::ni_number, "[National Insurance number]", "ni", "ni_number"},
    {Kind::postcode, "[postcode]", "postcode", "postcode"},
    {Kind::staff_name, "[an adviser]", "staff", "name"},
    {Kind::date, "[date]", "date", "date"},
    {Kind::staff_number, "[staff number]", "staff_number", "staff_number"},
    {Kind::censored, "[removed]", "censored", "censored"},
}};
const KindText& text_of(Kind kind) {
    for (const auto& entry : kKindTexts) {
        if (entry.kind == kind) return entry;
    }
    return kKindTexts.back();
}
}  // namespace

std::string_view placeholder(Kind kind) {
    return text_of(kind).placeholder;
}

std::string_view kind_name(Kind kind) {
    return text_of(kind).name;
}

std::string_view type_name(Kind kind) {
    return text_of(kind).type;
}

}  // namespace pw::redaction
