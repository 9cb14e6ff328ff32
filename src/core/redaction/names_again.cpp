// A word found once as a person's name is that name wherever else the same text writes it the
// same way: "AM said ... AM said", "I've read RE's GP letter", "GS noted ... GS: 'it is a
// problem'". Runs after the other name scanners, over what they found.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/name_tokens.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/public_names.hpp"
#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

// Which words may be taken again: initials, and capitalised words the lists call a name, a name
// that is also a word, or do not know; never a word or a town ("Derby"). A name that is also a
// word ("Grace") is taken again only where no sentence starts with it.
bool may_repeat(const Token& token) {
    if (token.is_public || token.kind == Class::never) return false;
    const auto size = token.end - token.begin;
    if (token.shape == Shape::upper) return size >= 2 && size <= 3;  // the word lists hold "GS" as a word
    return token.shape == Shape::capitalised && size >= 3 && token.kind != Class::word &&
           token.kind != Class::name_and_place;
}

bool word_like(const Token& token) {
    return token.kind == Class::first_and_word || token.kind == Class::surname_and_word;
}

// "Anthony 'Tony' Kirwan", "Wojciech "Wojtek" Mazur": the name a person goes by, in quotes
// between the halves of their name, is theirs too. One span over the whole.
void join_quoted_middles(std::string_view t, const std::vector<ByteRange>& found, std::vector<Span>& out) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kQuotes{
        {{" '", "' "}, {" \"", "\" "}, {" \u201c", "\u201d "}, {" (", ") "}}};
    for (std::size_t k = 0; k + 1 < found.size(); ++k) {
        const auto gap = t.substr(found[k].end, found[k + 1].begin - std::min(found[k + 1].begin, found[k].end));
        if (found[k + 1].begin <= found[k].end || gap.size() > 40) continue;
        for (const auto& [open, close] : kQuotes) {
            if (gap.size() <= open.size() + close.size() || !gap.starts_with(open) || !gap.ends_with(close)) continue;
            // One or two capitalised words, not a small word of a sentence ("Dave 'No' Sarah"); a nickname
            // may be any other word ("Spud", "Robocop").
            const auto inside = gap.substr(open.size(), gap.size() - open.size() - close.size());
            const auto space = inside.find(' ');
            if (!is_upper(inside[0]) || inside.find_first_of(".,'\"()") != std::string_view::npos ||
                (space != std::string_view::npos &&
                 (inside.find(' ', space + 1) != std::string_view::npos || !is_upper(inside[space + 1]))))
                continue;
            if (is_shouted_word(text::fold(inside))) continue;
            out.push_back({found[k].begin, found[k + 1].end, Kind::staff_name, "[name]"});
        }
        // The name in quotes found too: "Anthony", "Tony", "Kirwan" with quotes between.
        if (k + 2 < found.size() && found[k + 2].begin > found[k + 1].end) {
            const auto second = t.substr(found[k + 1].end, found[k + 2].begin - found[k + 1].end);
            for (const auto& [open, close] : kQuotes)
                if (gap == open && second == close)
                    out.push_back({found[k].begin, found[k + 2].end, Kind::staff_name, "[name]"});
        }
    }
}

// "BAKER, John", "Wright, Danielle": a surname before a comma and a first name found after it,
// as registers and case files write a person, is one name with its comma.
void join_surname_first(std::string_view t, const std::vector<Token>& tokens, const std::vector<bool>& covered,
                        std::vector<Span>& out) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const auto& surname = tokens[i];
        const auto& first = tokens[i + 1];
        if (!covered[i + 1] || t.substr(surname.end, first.begin - surname.end) != ", " || surname.end != surname.word_end)
            continue;
        // Not a list ("Present: KW, Dave R", "Dave, Mo, Sarah") nor places ("Ashgrove, Bradford").
        if (surname.is_public || surname.kind == Class::never || is_first_name(surname.folded) ||
            is_place(surname.folded) || is_place(first.folded) || surname.end - surname.begin < 3 ||
            !std::ranges::any_of(surname.folded, [](char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }))
            continue;
        // A surname alone, not the last word of a longer name ("Blakey Joinery, Mark").
        if (i > 0 && joined(t, tokens[i - 1], surname) && capital(tokens[i - 1])) continue;
        const bool first_name = is_first_name(first.folded) || (first.kind == Class::name && capital(first));
        const bool capitals = surname.shape == Shape::upper && !is_shouted_word(surname.folded);
        if (!first_name || !(capitals || (covered[i] && surname.shape == Shape::capitalised))) continue;
        out.push_back({surname.begin, first.end, Kind::staff_name, "[name]"});
    }
}

// "Gareth Pugh (GP)", "Ola Adebayo (OA)": initials in brackets after a name, the name's own
// first letters, are that person wherever else the text writes them ("GP said ...").
void initials_after_names(std::string_view t, const std::vector<ByteRange>& found, std::vector<Span>& out,
                          std::unordered_set<std::string>& names) {
    for (const auto& name : found) {
        if (t.substr(name.end, 2) != " (") continue;
        const auto close = t.substr(name.end + 2, 4).find(')');  // two or three letters: look no further
        if (close == std::string_view::npos || close < 2) continue;
        const auto initials = t.substr(name.end + 2, close);
        std::string first_letters;
        for (std::size_t k = name.begin; k < name.end; ++k)
            if (is_upper(t[k]) && (k == name.begin || t[k - 1] == ' ' || t[k - 1] == '-')) first_letters.push_back(t[k]);
        if (initials != first_letters) continue;
        out.push_back({name.end + 2, name.end + 2 + close, Kind::staff_name, "[name]"});
        names.emplace(initials);
    }
}

}  // namespace

void find_names_again(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    std::vector<ByteRange> found;
    for (const auto& span : out)
        if (span.kind == Kind::staff_name) found.push_back({span.begin, span.end});
    if (found.empty()) return;
    std::ranges::sort(found, {}, &ByteRange::begin);
    join_quoted_middles(t, found, out);
    auto tokens = tokenise(t);
    mark_public(tokens, public_names);
    // Walk the tokens and the sorted spans together: which tokens a name covers.
    std::vector<bool> covered(tokens.size(), false);
    std::unordered_set<std::string> names;
    std::size_t s = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        while (s < found.size() && found[s].end <= tokens[i].begin) ++s;
        covered[i] = s < found.size() && found[s].begin <= tokens[i].begin && tokens[i].end <= found[s].end;
        if (covered[i] && may_repeat(tokens[i]))
            names.emplace(t.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    }
    join_surname_first(t, tokens, covered, out);
    // Initials a text defines ("Gareth Pugh (GP)") are the person's even where a list says "GP"
    // is something else.
    std::unordered_set<std::string> defined;
    initials_after_names(t, found, out, defined);
    names.insert(defined.begin(), defined.end());
    if (names.empty()) return;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        const auto text = std::string(t.substr(token.begin, token.end - token.begin));
        const bool own_initials = token.shape == Shape::upper && defined.contains(text);
        if (covered[i] || (!may_repeat(token) && !own_initials) || (word_like(token) && token.sentence_start))
            continue;
        // "AM said ... I AM SO ANGRY": initials again only where they are no word of a text in capitals.
        if (token.shape == Shape::upper && is_shouted_word(token.folded)) continue;
        if (!names.contains(text)) continue;
        // "at 10 AM": a time, whatever "AM" was elsewhere.
        if (token.begin >= 1 && (is_digit(t[token.begin - 1]) ||
                                 (token.begin >= 2 && t[token.begin - 1] == ' ' && is_digit(t[token.begin - 2]))))
            continue;
        out.push_back({token.begin, token.end, Kind::staff_name, "[name]"});
    }
}

}  // namespace pw::redaction::detail
