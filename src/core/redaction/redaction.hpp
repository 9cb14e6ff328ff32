#pragma once
// Removes what could identify someone from free text before anyone else reads it: emails,
// phone numbers, National Insurance numbers, full postcodes, staff and payroll numbers, and
// named staff (who become "an adviser"). Pure: the same text always gives the same spans. The writer sees a preview
// of the spans; moderators see them highlighted; the public sees only the redacted text.
#include <string>
#include <string_view>
#include <vector>

namespace pw::redaction {

enum class Kind { email, phone, ni_number, postcode, staff_name, date, censored, staff_number };

struct Span {
    Span() = default;
    Span(std::size_t b, std::size_t e, Kind k, std::string r = {})
        : begin(b), end(e), kind(k), replacement(std::move(r)) {}
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    Kind kind = Kind::email;
    std::string replacement;  // what takes its place, when not the kind's placeholder ("in June 2013")
    friend bool operator==(const Span&, const Span&) = default;
};

// A moderator's censor rule: a phrase matched case-insensitively on word boundaries, literal or
// a pattern where * stands for any letters or digits ("Dav*" removes Dave and David).
struct CensorRule {
    std::string phrase;
};

// Every span to remove, sorted and not overlapping (the earlier, longer span wins).
std::vector<Span> find(std::string_view text, const std::vector<CensorRule>& rules = {});
// Only the moderators' rules, for text redacted already when it was written: what a rule added
// since then removes wherever the text is shown.
std::vector<Span> find_censored(std::string_view text, const std::vector<CensorRule>& rules);

// The text with each span replaced by its placeholder, e.g. "[email address]".
std::string apply(std::string_view text, const std::vector<Span>& spans);
inline std::string redact(std::string_view text, const std::vector<CensorRule>& rules = {}) {
    return redaction::apply(text, redaction::find(text, rules));  // qualified: ADL would find std::apply
}

std::string_view placeholder(Kind kind);
std::string_view kind_name(Kind kind);  // "email", "phone", "ni", "postcode", "staff", "staff_number", "censored"
// The type a span reports (`redact --spans`, the evaluation set): "name", "email", "phone",
// "ni_number", "postcode", "date", "staff_number", or "censored" for a moderator's rule.
std::string_view type_name(Kind kind);

}  // namespace pw::redaction
