// Names with no cue word before them: "the lady on reception, maureen, said", "Chukwuemeka Obi
// rang me", "Grace was lovely". A word is read against word lists built from data packages
// (name_lexicon.hpp): people's names, English words, towns. A name that is nothing else is
// removed wherever it stands, in any case; a name that is also a word or a town ("Grace",
// "Will", "Bolton") only where its capital letter means a name: inside a sentence and not part
// of a title such as "Universal Credit", or beside another name. Public figures and
// organisations named after people are left (public_names.hpp).
#include <algorithm>
#include <array>
#include <string>

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/public_names.hpp"
#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

enum class Shape { lower, capitalised, upper, initial, other };
// What the word lists say of a word: a name and nothing else ("Declan", "Nowak"); a common
// first name that is also a word ("Grace", "Will"); a surname that is also a word ("Cook");
// a name that is also a town or another proper noun ("Derby", "Essex"); not a name; in no
// list; never a name here ("May", "Jobcentre").
enum class Class { name, first_and_word, surname_and_word, name_and_place, word, unknown, never };

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;  // the name's end: no possessive "'s", no closing quote
    std::size_t word_end = 0;
    Shape shape = Shape::other;
    Class kind = Class::word;
    bool sentence_start = false;
    bool is_public = false;
    std::string folded;  // text::fold of the name
};

bool is_letter_at(std::string_view t, std::size_t i) {
    if (static_cast<unsigned char>(t[i]) < 0x80) return is_alpha(t[i]);
    return text::is_letter(text::code_point_at(t, i).value);
}

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view folded) {
    return std::ranges::find(list, folded) != list.end();
}

bool is_name_class(Class c) {
    return c == Class::name || c == Class::first_and_word || c == Class::surname_and_word || c == Class::name_and_place;
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
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' || c == '-';
    }
    return true;
}

std::vector<Token> tokenise(std::string_view t) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < t.size();) {
        if (!is_letter_at(t, i) || (i > 0 && (is_alnum(t[i - 1]) || name_char_at(t, i - 1) != 0))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size()) {
            const auto n = name_char_at(t, j);
            if (n == 0) break;
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

// A capitalised word that can carry a name on: another name or a word no list knows.
bool can_join(const Token& token) {
    return !token.is_public && token.shape == Shape::capitalised &&
           (is_name_class(token.kind) || token.kind == Class::unknown);
}

// A word before a name that is part of it: an initial, a first name no list knows, or a name
// that is not the first word of a sentence ("Then Sarah" is not a name).
bool joins_before(const Token& token) {
    if (token.shape == Shape::initial) return true;
    if (!can_join(token)) return false;
    return token.kind == Class::name || token.kind == Class::unknown || !token.sentence_start;
}

// "in Peckham", "the office at Lewisham": a place, whatever the lists say.
bool after_place_preposition(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || tokens[i - 1].end != tokens[i - 1].word_end) return false;
    if (t.substr(tokens[i - 1].word_end, tokens[i].begin - tokens[i - 1].word_end) != " ") return false;
    return tokens[i - 1].shape == Shape::lower && listed(kPlacePrepositions, tokens[i - 1].folded);
}

// "PowerPoint", "WhatsApp": a capital inside a word is a brand, unless it follows a prefix of
// names ("McAllister", "MacDonald", "O'Neill", "DeShawn").
bool camel_case(std::string_view w) {
    std::size_t at = w.empty() ? 0 : text::code_point_at(w, 0).bytes;
    for (std::size_t i = at; i < w.size();) {
        const auto c = text::code_point_at(w, i);
        if (text::is_upper_letter(c.value)) {
            const auto before = w.substr(0, i);
            return !(before == "Mc" || before == "Mac" || before == "De" || before == "Di" || before == "La" ||
                     before == "Le" || before.ends_with('\'') || before.ends_with("\u2019") || before.ends_with('-'));
        }
        i += c.bytes;
    }
    return false;
}

bool person_verb_follows(std::string_view t, const Token& token, const Token& next) {
    return t.substr(token.end, next.begin - token.end) == " " && next.shape == Shape::lower &&
           listed(kPersonVerbs, next.folded);
}

bool followed_as_person(std::string_view t, const Token& token, const Token& next) {
    const auto gap = t.substr(token.end, next.begin - token.end);
    if (token.end == token.word_end && gap.starts_with(',')) return true;  // "Miles, my caseworker"
    return gap == " " && next.shape == Shape::lower && listed(kAfterPerson, next.folded);
}

// A name-word that is only a name where something else says so.
bool ambiguous_is_name(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    const bool next_name = i + 1 < tokens.size() && joined(t, token, tokens[i + 1]) && can_join(tokens[i + 1]) &&
                           tokens[i + 1].kind != Class::unknown;
    if (token.shape != Shape::capitalised) return false;
    // A town that is also a common first name ("Victoria", "Hope") is the town after "in",
    // "at" or "from"; any other town needs a name beside it ("Preston Smith").
    const bool first_name_town = token.kind == Class::name_and_place && is_first_name(token.folded);
    const bool person_follows = i + 1 < tokens.size() && followed_as_person(t, token, tokens[i + 1]);
    const bool person_acts = i + 1 < tokens.size() && person_verb_follows(t, token, tokens[i + 1]);
    if (first_name_town) {
        return next_name || (!after_place_preposition(t, tokens, i) && (person_follows || person_acts));
    }
    // Any other name that is also a place or a proper noun ("Sian", "Essex") needs a name beside
    // it, or a verb only a person does.
    if (token.kind != Class::first_and_word) return next_name || person_acts;
    // "Summer at the front desk", "Joy was the only adviser", but "Will you", "Mark my words".
    if (token.sentence_start) return next_name || person_follows || person_acts;
    // "the Metro", "a Bell": a determiner makes a word of it.
    if (i > 0 && tokens[i - 1].end == tokens[i - 1].word_end && listed(kDeterminers, tokens[i - 1].folded))
        return next_name;
    // Inside a title ("Universal Credit", "Work Programme") a capital means the title.
    const auto title_word = [&](const Token& other) {
        return capital(other) && (other.kind == Class::word || other.kind == Class::never || other.is_public);
    };
    if (i > 0 && joined(t, tokens[i - 1], token) && title_word(tokens[i - 1]) && !tokens[i - 1].sentence_start)
        return false;
    if (i + 1 < tokens.size() && joined(t, token, tokens[i + 1]) && title_word(tokens[i + 1])) return false;
    return true;
}

bool unknown_is_name(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (after_place_preposition(t, tokens, i) || camel_case(t.substr(token.begin, token.end - token.begin)))
        return false;
    const auto title_word = [&](const Token& other) {
        return capital(other) && (other.kind == Class::word || other.kind == Class::never || other.is_public);
    };
    if (i > 0 && joined(t, tokens[i - 1], token) && title_word(tokens[i - 1])) return false;
    if (i + 1 < tokens.size() && joined(t, token, tokens[i + 1]) && title_word(tokens[i + 1])) return false;
    if (token.sentence_start) {
        return i + 1 < tokens.size() &&
               (followed_as_person(t, token, tokens[i + 1]) || person_verb_follows(t, token, tokens[i + 1]));
    }
    return true;
}

bool well_known(const Token& token) {
    const auto& folded = token.folded;
    return folded.find('-') == std::string::npos && (is_first_name(folded) || is_curated_name(folded));
}

bool starts_name(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (token.is_public) return false;
    switch (token.kind) {
        case Class::name:
            if (token.shape == Shape::capitalised) return true;
            // In small letters only a name from the first-name or curated lists: the long list
            // holds words ("telly").
            if (token.shape == Shape::lower) return token.end - token.begin >= 3 && well_known(token);
            // In capitals ("DAVID O'CONNOR" in a pasted letter) only a well-known name.
            return token.shape == Shape::upper && token.end - token.begin >= 3 && well_known(token);
        case Class::first_and_word:
        case Class::name_and_place:
            return ambiguous_is_name(t, tokens, i);
        case Class::unknown:
            // A capitalised word no list knows, inside a sentence and not in a title: most are
            // names the lists miss ("Mizanur", "Efua"); the rest are brands and small places.
            return token.shape == Shape::capitalised && token.end - token.begin >= 3 && unknown_is_name(t, tokens, i);
        default:
            return false;
    }
}

bool names_a_place(std::string_view t, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    const auto fold_of = [](const Token& token) -> const std::string& { return token.folded; };
    // "Grange Park", "Eastgate House", "Rose Hill", but "Jenny Hall": a building unless it starts
    // with a first name that is nothing else.
    if (first != last && listed(kBuildingWords, fold_of(tokens[last])) &&
        (!is_first_name(fold_of(tokens[first])) || tokens[first].kind == Class::first_and_word)) {
        return true;
    }
    if (last + 1 < tokens.size() && capital(tokens[last + 1])) {
        const auto& next = tokens[last + 1];
        const auto gap = t.substr(tokens[last].end, next.begin - tokens[last].end);  // "Jack's Lane" too
        const auto word = fold_of(next);
        if ((gap == " " || gap == "'s " || gap == "\u2019s ") &&
            (listed(kStreetWords, word) || listed(kBuildingWords, word))) {
            return true;
        }
        // "Milton Keynes": the name and the word after it are a town.
        if (gap == " " && is_place(text::fold(t.substr(tokens[first].begin, next.end - tokens[first].begin))))
            return true;
    }
    if (first > 0 && tokens[first - 1].end == tokens[first - 1].word_end &&
        t.substr(tokens[first - 1].word_end, tokens[first].begin - tokens[first - 1].word_end) == " " &&
        listed(kPublicRoles, fold_of(tokens[first - 1]))) {
        return true;
    }
    return first != last && is_place(text::fold(t.substr(tokens[first].begin, tokens[last].end - tokens[first].begin)));
}

}  // namespace

void find_gazetteer_names(std::string_view t, const std::vector<ByteRange>& ranges, std::vector<Span>& out) {
    auto tokens = tokenise(t);  // ranges: sorted by start
    std::size_t r = 0;
    for (auto& token : tokens) {
        while (r < ranges.size() && ranges[r].end <= token.begin) ++r;
        for (std::size_t k = r; k < ranges.size() && ranges[k].begin < token.end; ++k) {
            if (ranges[k].begin <= token.begin && token.end <= ranges[k].end) token.is_public = true;
        }
    }
    std::size_t done = 0;  // tokens before this one belong to a name already found
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!starts_name(t, tokens, i)) continue;
        std::size_t first = i;
        std::size_t last = i;
        // Backwards: an initial or a first name no list knows ("F. Farrell", "Chukwuemeka Obi").
        while (first > 0 && joined(t, tokens[first - 1], tokens[first]) && first > done &&
               joins_before(tokens[first - 1])) {
            --first;
        }
        // Forwards: surnames, with a particle between ("Siobhán Ní Bhriain").
        while (last + 1 < tokens.size() && tokens[last].end == tokens[last].word_end) {
            const auto& next = tokens[last + 1];
            // In capitals, capitals carry it on: "DAVID O'CONNOR".
            const bool shouted = tokens[i].shape == Shape::upper && next.shape == Shape::upper && !next.is_public &&
                                 (is_name_class(next.kind) || next.kind == Class::unknown);
            if (joined(t, tokens[last], next) && (can_join(next) || shouted) && next.kind != Class::never) {
                ++last;
                continue;
            }
            if (last + 2 < tokens.size() && joined(t, tokens[last], next) && listed(kParticles, next.folded) &&
                joined(t, next, tokens[last + 2]) && can_join(tokens[last + 2])) {
                last += 2;
                continue;
            }
            break;
        }
        i = last;
        done = last + 1;
        if (names_a_place(t, tokens, first, last)) continue;
        out.push_back({tokens[first].begin, tokens[last].end, Kind::staff_name, "[name]"});
    }
}

}  // namespace pw::redaction::detail
