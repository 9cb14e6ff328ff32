#include "core/redaction/redaction.hpp"

#include <algorithm>

#include "core/redaction/redacted_text.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction {

std::vector<Span> find(std::string_view text, const std::vector<CensorRule>& rules) {
    std::vector<Span> all;
    detail::find_emails(text, all);
    detail::find_obfuscated_emails(text, all);
    detail::find_phones(text, all);
    detail::find_ni_numbers(text, all);
    detail::find_postcodes(text, all);
    detail::find_staff_names(text, all);
    detail::find_dates(text, all);
    detail::find_censored(text, rules, all);
    std::ranges::sort(
        all, [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
    std::vector<Span> kept;
    for (const auto& span : all) {
        if (span.end <= span.begin) continue;
        if (!kept.empty() && span.begin < kept.back().end) {
            kept.back().end = std::max(kept.back().end, span.end);  // overlapping: remove both
            continue;
        }
        kept.push_back(span);
    }
    return kept;
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
    return RedactedText(redaction::apply(text, redaction::find(text, rules)));
}

std::string_view placeholder(Kind kind) {
    switch (kind) {
        case Kind::email:
            return "[email address]";
        case Kind::phone:
            return "[phone number]";
        case Kind::ni_number:
            return "[National Insurance number]";
        case Kind::postcode:
            return "[postcode]";
        case Kind::staff_name:
            return "[an adviser]";
        case Kind::date:
            return "[date]";
        case Kind::censored:
            return "[removed]";
    }
    return "[removed]";
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
        case Kind::email:
            return "email";
        case Kind::phone:
            return "phone";
        case Kind::ni_number:
            return "ni";
        case Kind::postcode:
            return "postcode";
        case Kind::staff_name:
            return "staff";
        case Kind::date:
            return "date";
        case Kind::censored:
            return "censored";
    }
    return "censored";
}

std::string_view type_name(Kind kind) {
    switch (kind) {
        case Kind::email:
            return "email";
        case Kind::phone:
            return "phone";
        case Kind::ni_number:
            return "ni_number";
        case Kind::postcode:
            return "postcode";
        case Kind::staff_name:
            return "name";
        case Kind::date:
            return "date";
        case Kind::censored:
            return "censored";
    }
    return "censored";
}

}  // namespace pw::redaction
