#pragma once
// One scanner per kind of personal data; each appends the spans it finds. Internal to redaction.
#include <initializer_list>
#include <string_view>
#include <vector>

#include "core/redaction/public_names.hpp"
#include "core/redaction/redaction.hpp"

namespace pw::redaction::detail {

void find_emails(std::string_view text, std::vector<Span>& out);
void find_phones(std::string_view text, std::vector<Span>& out);
void find_spoken_phones(std::string_view text, std::vector<Span>& out);
void find_ni_numbers(std::string_view text, std::vector<Span>& out);
void find_postcodes(std::string_view text, std::vector<Span>& out);
// A staff, employee, payroll or personnel number or ID after the words that name it ("Staff ID
// AC-20391", "payroll number 4471823", "my employee no. is 12345"): it points to one person.
void find_staff_numbers(std::string_view text, std::vector<Span>& out);
void find_staff_names(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
// public_names: public_name_ranges(text), read once for both.
void find_gazetteer_names(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
void find_usernames(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
void find_lower_case_names(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
// After the other name scanners: reads the names in `out` and adds the words they vouch for.
void find_context_names(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
// Chinese names in Han characters after the words that introduce a person (han_names.cpp).
void find_han_names(std::string_view text, std::vector<Span>& out);
// Again, every other place the same text writes a word already found as a name (names_again.cpp).
void find_names_again(std::string_view text, const std::vector<ByteRange>& public_names, std::vector<Span>& out);
void find_dates(std::string_view text, std::vector<Span>& out);
void find_obfuscated_emails(std::string_view text, std::vector<Span>& out);
void find_handles(std::string_view text, std::vector<Span>& out);
void find_censored(std::string_view text, const std::vector<CensorRule>& rules, std::vector<Span>& out);

// A letter in any script, an apostrophe (straight or curly) or a hyphen at byte i: its length
// in bytes, or 0. What names are made of (staff_names.cpp).
std::size_t name_char_at(std::string_view t, std::size_t i);

// Whether one of the last `words` words before byte i (letters and full stops, read without the
// stops and in small letters: "D.O.B" is "dob") is one of `cues`. Whole words: "during" is not "ring".
bool cue_before(std::string_view t, std::size_t i, std::initializer_list<std::string_view> cues, int words = 5);

// ASCII helpers: the patterns we look for are ASCII even inside UTF-8 text.
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline bool is_alpha(char c) {
    return is_upper(c) || is_lower(c);
}
inline bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
inline char lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
// Two texts alike but for the case of ASCII letters.
inline bool equals_folded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (lower(a[k]) != lower(b[k])) return false;
    }
    return true;
}
// True when position i is at a word boundary on its left (start of text or not alphanumeric).
inline bool boundary_before(std::string_view t, std::size_t i) {
    return i == 0 || !is_alnum(t[i - 1]);
}
inline bool boundary_after(std::string_view t, std::size_t i) {
    return i >= t.size() || !is_alnum(t[i]);
}
// Where a line or an entry of notes or a diary may begin: the text's start, a new line, or after
// a full stop, a colon, a semicolon or " / " (how a text written on one line shows its breaks),
// with spaces, a bullet or a quote between ("Item 1: Travel. HL to chase.", "Diary / 1st – paid").
inline bool entry_starts_at(std::string_view t, std::size_t i) {
    std::size_t at = i;
    while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '*' || t[at - 1] == '"')) --at;
    if (at == 0) return true;
    const char c = t[at - 1];
    return c == '\n' || (at < i && (c == '.' || c == ':' || c == ';' || (c == '/' && at >= 2 && t[at - 2] == ' ')));
}

// The phrase at i, any case, as whole words.
inline bool phrase_at(std::string_view t, std::size_t i, std::string_view phrase) {
    return i + phrase.size() <= t.size() && equals_folded(t.substr(i, phrase.size()), phrase) &&
           boundary_before(t, i) && boundary_after(t, i + phrase.size());
}

}  // namespace pw::redaction::detail
