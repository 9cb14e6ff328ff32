#include "core/redaction/name_tokens.hpp"

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

// Letters of Chinese, Japanese and Korean, written without spaces between words.
bool cjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool is_letter_at(std::string_view t, std::size_t i) {
    if (static_cast<unsigned char>(t[i]) < 0x80) return is_alpha(t[i]);
    return text::is_letter(text::code_point_at(t, i).value);
}

Shape shape_of(std::string_view w) {
    bool first = true;
    bool upper_first = false;
    bool any_lower = false;
    bool any_upper_after = false;
    for (std::size_t i = 0; i < w.size();) {
        const auto c = text::code_point_at(w, i);
        if (first) {
            upper_first = text::is_upper_letter(c.value);
            first = false;
        } else {
            any_lower = any_lower || text::is_lower_letter(c.value);
            any_upper_after = any_upper_after || text::is_upper_letter(c.value);
        }
        i += c.bytes;
    }
    if (!upper_first) return Shape::lower;
    if (any_lower) return Shape::capitalised;  // "McAllister", "O'Neill" too
    return any_upper_after ? Shape::upper : Shape::initial;
}

// The name part of a hyphenated or apostrophe word: "O'Neill" -> "neill", "Begum-Hussain" ->
// both parts must be names or unknown words, one of them a name.
Class classify_folded(const std::string& folded) {
    if (listed(kNeverNames, folded) || listed(kStreetWords, folded)) return Class::never;
    if (listed(kWordsFirst, folded)) return is_person_name(folded) ? Class::surname_and_word : Class::never;
    // Contractions: "we'll", "you're" (the long name list holds some).
    if (const auto apostrophe = folded.rfind('\''); apostrophe != std::string::npos && apostrophe > 1) {
        const auto tail = std::string_view(folded).substr(apostrophe + 1);
        if (tail == "ll" || tail == "re" || tail == "ve" || tail == "d" || tail == "m" || tail == "t")
            return Class::word;
    }
    const bool first = is_first_name(folded);
    const bool name = first || is_person_name(folded);
    const bool word = is_english_word(folded);
    if (!name) return word || is_place(folded) || is_proper_noun(folded) ? Class::word : Class::unknown;
    if (is_place(folded)) return Class::name_and_place;
    if (first) return word ? Class::first_and_word : Class::name;
    if (word) return Class::surname_and_word;
    // "Khalid" is a proper noun in the word list too; "Syria" and "Essex" are not curated names.
    return is_proper_noun(folded) && !is_curated_name(folded) ? Class::name_and_place : Class::name;
}

Class classify(const std::string& folded) {
    const auto whole = classify_folded(folded);
    if (whole != Class::unknown) return whole;
    // "O'Neill", "D'Souza": a one-letter prefix and an apostrophe.
    if (const auto apostrophe = folded.find('\''); apostrophe == 1 && folded.size() > 3) {
        const auto rest = classify_folded(folded.substr(2));
        if (is_name_class(rest)) return Class::name;
    }
    if (folded.find('-') != std::string::npos) {
        bool any_name = false;
        for (std::size_t at = 0; at <= folded.size();) {
            auto end = folded.find('-', at);
            if (end == std::string::npos) end = folded.size();
            const auto part = classify_folded(folded.substr(at, end - at));
            // "first-tier", "follow-up": a word, unless a part is a name and nothing else
            // ("Pemberton-Smith", "Llewelyn-Price").
            if (part == Class::word || part == Class::never) return Class::word;
            any_name = any_name || part == Class::name || part == Class::name_and_place;
            at = end + 1;
        }
        if (any_name) return Class::name;
    }
    return Class::unknown;
}

bool at_sentence_start(std::string_view t, std::size_t i) {
    while (i > 0) {
        const char c = t[i - 1];
        if (c == ' ' || c == '"' || c == '(' || c == '*' || c == '\t' || c == '\r') {
            --i;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80) {  // a curly quote: step back over it
            std::size_t j = i - 1;
            while (j > 0 && (static_cast<unsigned char>(t[j]) & 0xC0) == 0x80) --j;
            const auto cp = text::code_point_at(t, j).value;
            if (cp == U'\u201C' || cp == U'\u2018' || cp == U'\u2014' || cp == U'\u2013') {
                i = j;
                continue;
            }
            return false;
        }
        // An initial's full stop ends no sentence: "A. Lindqvist", "D. White".
        if (c == '.' && i >= 2 && is_upper(t[i - 2]) && (i == 2 || !is_alnum(t[i - 3]))) return false;
        // " / " stands for a line's end where a text was written on one line ("From: ... / To: ...").
        if (c == '/' && i >= 2 && t[i - 2] == ' ') return true;
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' || c == '-';
    }
    return true;
}

}  // namespace

bool is_name_class(Class c) {
    return c == Class::name || c == Class::first_and_word || c == Class::surname_and_word || c == Class::name_and_place;
}

std::vector<Token> tokenise(std::string_view t) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < t.size();) {
        // Inside a word, unless what is before is a quote or a dash that opens it ("'Rory O'Donnell'").
        const bool opening = i > 0 && (t[i - 1] == '\'' || t[i - 1] == '-') &&
                             (i == 1 || (!is_alnum(t[i - 2]) && !is_letter_at(t, i - 2)));
        if (!is_letter_at(t, i) || (i > 0 && !opening && (is_alnum(t[i - 1]) || name_char_at(t, i - 1) != 0))) {
            ++i;
            continue;
        }
        // Chinese, Japanese and Korean letters and other letters end each other's words:
        // "顧問Rachel好好人" is three.
        const bool cjk_word = cjk(text::code_point_at(t, i).value);
        std::size_t j = i;
        while (j < t.size()) {
            const auto n = name_char_at(t, j);
            if (n == 0 || (n > 1 && cjk(text::code_point_at(t, j).value) != cjk_word) || (n == 1 && cjk_word)) break;
            j += n;
        }
        Token token;
        token.begin = i;
        token.end = j;
        token.word_end = j;
        while (token.end > i && (t[token.end - 1] == '\'' || t[token.end - 1] == '-')) --token.end;
        const auto word = t.substr(i, token.end - i);
        if (word.ends_with("'s") || word.ends_with("\u2019s")) token.end -= word.ends_with("'s") ? 2 : 4;
        const bool glued_to_digit = (i > 0 && is_digit(t[i - 1])) || (j < t.size() && is_digit(t[j]));
        const auto name = t.substr(i, token.end - i);
        if (!name.empty() && !glued_to_digit) {
            token.shape = shape_of(name);
            token.folded = text::fold(name);
            token.kind = classify(token.folded);
            token.sentence_start = at_sentence_start(t, i);
            tokens.push_back(token);
        }
        i = j;
    }
    return tokens;
}

// Two tokens next to each other: one space, or an initial's full stop and a space.
bool joined(std::string_view t, const Token& a, const Token& b) {
    auto gap = t.substr(a.word_end, b.begin - a.word_end);
    if (a.word_end != a.end) return false;  // "Dave's Mark": a possessive ends the name
    if (a.shape == Shape::initial && gap.starts_with('.')) gap.remove_prefix(1);
    return gap == " ";
}

bool capital(const Token& token) {
    return token.shape == Shape::capitalised || token.shape == Shape::upper;
}

void mark_public(std::vector<Token>& tokens, const std::vector<ByteRange>& public_names) {
    std::size_t r = 0;  // public_names: sorted by start
    for (auto& token : tokens) {
        while (r < public_names.size() && public_names[r].end <= token.begin) ++r;
        for (std::size_t k = r; k < public_names.size() && public_names[k].begin < token.end; ++k) {
            if (public_names[k].begin <= token.begin && token.end <= public_names[k].end) token.is_public = true;
        }
    }
}

}  // namespace pw::redaction::detail
