// Names found by where they stand, read after the other name scanners so that a name found
// there can vouch for the words beside it:
//  - beside a name in a list: "Pete and Mo", "Present: Mo, KW, Dave R, Precious";
//  - the same word again, once it has been found as a name: "Mo said ... Mo opened by";
//  - after words that give a name: "my adviser is called frank", "ask for Malcolm", "known as Mo";
//  - signing a text off: "... I've got the letter if you need it. Dawn", "Thanks, B.";
//  - a forum name before its post: "wiganlass: and Esther McVey said the same";
//  - a word or two in another script inside English text: "my husband محمد does not read English".
#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/name_tokens.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/public_names.hpp"
#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

// Capitals that are never a person's initials here (lower_case_names.cpp has its own for notes, kNoteAcronyms).
constexpr std::array<std::string_view, 57> kAcronyms{
    "dwp", "jcp", "esa", "jsa", "pip",  "uc",  "cv",  "gp",  "mp",  "nhs", "ice", "hmrc", "cab", "ni",
    "uk",  "eu",  "id",  "it",  "hr",   "tv",  "ok",  "am",  "pm",  "wp",  "wca", "foi",  "sar", "dla",
    "bbc", "lol", "tbh", "omg", "tl",   "pa",  "dm",  "acas", "ons", "sms", "pc",  "asap", "dob", "prn",
    "ref", "fao", "cc",  "bcc", "ps",   "nb",  "tbc", "tba", "aka", "hq",  "ceo", "mrs", "st",  "rd", "sia"};

// Words that follow "called" or "named" and are no name: "called back", "named him".
constexpr auto kNotNamed = std::to_array<std::string_view>(
    {"back", "up", "in", "out", "round", "off", "on", "over", "by", "to", "for", "and", "but", "so", "at", "into", "me",
     "him", "her", "them", "us", "it", "again", "twice", "once", "about", "after", "before", "home", "time",
     // What people are called who are not being named: "kept calling me 'buddy'".
     "buddy", "mate", "pal", "love", "darling", "hun", "babe", "sweetheart", "bro", "chief", "boss", "dear", "son",
     "lad", "pet", "duck", "flower", "chuck", "sunshine", "young", "names"});

// Who "called" names: "a lady called Maureen", "my adviser is called frank", "he's called".
constexpr std::array<std::string_view, 24> kNamedOnes{
    "is",  "was",    "were",  "lady",   "man",     "guy",  "woman", "bloke", "lad", "girl", "fella", "chap",
    "one", "someone", "somebody", "person", "boy", "son", "daughter", "baby", "kid", "he's", "she's", "gentleman"};

// Words that greet or thank someone by name: "Dear Ngozi", "thank u aisling", "cheers ash".
constexpr std::array<std::string_view, 11> kGreetings{"dear",   "hi",     "hello", "hiya", "thanks", "thx",
                                                      "cheers", "thank", "u",     "you",  "ta"};

// Words that close a text before a name: "Thanks, B.", "Kind regards, Jo".
constexpr std::array<std::string_view, 12> kClosings{"thanks", "thank",     "cheers",    "regards", "love",
                                                     "wishes", "sincerely", "faithfully", "ta",      "best",
                                                     "x",      "xx"};

// Labels at a line's start that are no forum name: "Update:", "Edit:".
constexpr std::array<std::string_view, 8> kLineLabels{"re", "fwd", "fw", "ps", "pps", "nb", "edit", "update"};

bool acronym(std::string_view folded) {
    return listed(kAcronyms, folded);
}

// Two or three capitals standing for a person: "KW", "JT" (not "DWP").
bool initials_token(std::string_view t, const Token& token) {
    const auto size = token.end - token.begin;
    if (token.shape != Shape::upper || size < 2 || size > 3 || token.is_public || acronym(token.folded)) return false;
    for (auto k = token.begin; k < token.end; ++k)
        if (!is_alpha(t[k])) return false;
    return true;
}

// A surname that is also a word and is nothing else a list says: only a short one that the
// curated list and the word list's proper nouns both hold ("Mo", "Cy"); the long name list holds
// "The", "Great" and "Head".
bool short_name_word(const Token& token) {
    return token.kind == Class::surname_and_word && token.end - token.begin <= 3 && is_curated_name(token.folded) &&
           is_proper_noun(token.folded) && !listed(kClosings, token.folded) && !listed(kNotNames, token.folded);
}

// A word that may be a name when what is around it says so, in the shape of the name beside it:
// a capitalised name ("Precious", "Mo", "Efua"), or initials, beside a capitalised name; a name
// in small letters beside one in small letters ("joy and ruby").
bool may_be_name(std::string_view t, const Token& token, bool small) {
    // Initials first: "TA" in "GH, TA, RW" is no "ta" of chat.
    if (!small && token.shape == Shape::upper) return !token.is_public && initials_token(t, token);  // "CD" is a word too
    if (token.is_public || token.kind == Class::never || is_job_or_relation(token.folded)) return false;
    if (token.kind == Class::word) return false;
    // A town that is no first name; a first name that is a town too ("Hope") is the person here.
    if (token.kind == Class::name_and_place && !is_first_name(token.folded)) return false;
    // Beside a capitalised name, a capitalised word the curated name list holds ("Precious").
    if (token.kind == Class::surname_and_word &&
        !(short_name_word(token) || (!small && is_curated_name(token.folded) && !listed(kClosings, token.folded))))
        return false;
    if (small) {
        if (token.shape != Shape::lower || token.end - token.begin < 2) return false;
        return token.kind != Class::unknown || (token.end - token.begin >= 3 && !is_english_word(token.folded));
    }
    return token.shape == Shape::capitalised && (token.kind != Class::unknown || token.end - token.begin >= 3);
}

// The gap between two tokens, if the first ends where its word ends.
std::string_view gap_between(std::string_view t, const Token& a, const Token& b) {
    if (a.end != a.word_end) return {};
    return t.substr(a.word_end, b.begin - a.word_end);
}

bool list_gap(std::string_view gap) {
    return gap == ", " || gap == " & " || gap == "; " || gap == " + " || gap == ",";  // " / " ends a line
}

bool joining_word(const Token& token) {
    return token.folded == "and" || token.folded == "n" || token.folded == "or";
}

// The token beside i in a list ("Mo, KW", "Pete and Mo", "shaz & kev"), after it (step 1) or
// before it (step -1).
std::optional<std::size_t> list_neighbour(std::string_view t, const std::vector<Token>& tokens, std::size_t i,
                                          int step) {
    if (step > 0) {
        if (i + 1 >= tokens.size()) return std::nullopt;
        if (list_gap(gap_between(t, tokens[i], tokens[i + 1]))) return i + 1;
        // Over a word in brackets: "Present: LB (chair), GH".
        if (i + 2 < tokens.size() && gap_between(t, tokens[i], tokens[i + 1]) == " (" &&
            gap_between(t, tokens[i + 1], tokens[i + 2]) == "), ")
            return i + 2;
        if (i + 2 < tokens.size() && gap_between(t, tokens[i], tokens[i + 1]) == " " && joining_word(tokens[i + 1]) &&
            joined(t, tokens[i + 1], tokens[i + 2]))
            return i + 2;
        if (i + 3 < tokens.size() && gap_between(t, tokens[i], tokens[i + 1]) == ", " && joining_word(tokens[i + 1]) &&
            joined(t, tokens[i + 1], tokens[i + 2]))
            return i + 2;
        return std::nullopt;
    }
    if (i == 0) return std::nullopt;
    if (list_gap(gap_between(t, tokens[i - 1], tokens[i]))) return i - 1;
    if (i >= 2 && gap_between(t, tokens[i - 1], tokens[i]) == "), " && gap_between(t, tokens[i - 2], tokens[i - 1]) == " (")
        return i - 2;
    if (i >= 2 && joined(t, tokens[i - 1], tokens[i]) && joining_word(tokens[i - 1])) {
        const auto gap = gap_between(t, tokens[i - 2], tokens[i - 1]);
        if (gap == " " || gap == ", ") return i - 2;
    }
    return std::nullopt;
}

// What this scanner knows of each token: named by any scanner, and named by this one.
struct Marks {
    std::vector<bool> named;
    std::vector<bool> found;
};

// Marks token j as a name, and the surnames joined after it ("Ama Owusu", "dean mccarthy").
bool mark(std::string_view t, const std::vector<Token>& tokens, Marks& marks, std::size_t j) {
    if (marks.named[j]) return false;
    marks.named[j] = marks.found[j] = true;
    for (auto k = j; k + 1 < tokens.size() && joined(t, tokens[k], tokens[k + 1]); ++k) {
        const auto& next = tokens[k + 1];
        const bool surname = (next.shape == Shape::capitalised && tokens[j].shape != Shape::lower &&
                              next.kind != Class::surname_and_word &&
                              (is_name_class(next.kind) || next.kind == Class::unknown)) ||
                             (next.shape == Shape::lower && tokens[j].shape == Shape::lower && next.kind == Class::name);
        // "Martin G", "Gill P": a capitalised name and its surname's initial.
        const bool initial = next.shape == Shape::initial && tokens[j].shape == Shape::capitalised &&
                             next.folded != "i" && next.folded != "a";
        if (!(surname || initial) || next.is_public || marks.named[k + 1]) break;
        marks.named[k + 1] = marks.found[k + 1] = true;
    }
    return true;
}

// "is called frank", "a lady called Maureen", "named Declan", "my name is dean mccarthy", "known
// as Mo", "goes by Mo", "ask for Malcolm", "we call him emeka": the token after the cue, if any.
std::optional<std::size_t> named_by_cue(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0) return std::nullopt;
    const auto& cue = tokens[i - 1];
    const auto gap = gap_between(t, cue, tokens[i]);
    if (gap != " " && gap != " \"" && gap != ": " && gap != " '" && gap != " \u2018") return std::nullopt;
    const auto before = [&](std::size_t back) -> const Token* {
        if (i < back + 1) return nullptr;
        const auto& token = tokens[i - 1 - back];
        const auto g = gap_between(t, token, tokens[i - back]);
        return g == " " ? &token : nullptr;
    };
    const auto folded_before = [&](std::size_t back) {
        const Token* token = before(back);
        return token ? std::string_view(token->folded) : std::string_view{};
    };
    const auto& c = cue.folded;
    bool cued = false;
    if (c == "called" || c == "named") {
        const auto prev = folded_before(1);
        // "a lad of 22 called Ethan": a number before.
        const bool number = cue.begin >= 2 && is_digit(t[cue.begin - 2]) && t[cue.begin - 1] == ' ';
        cued = c == "named" || listed(kNamedOnes, prev) || is_job_or_relation(prev) || number;
    } else if (c == "is" || c == "was" || c == "'s") {
        const auto prev = folded_before(1);
        cued = prev == "name" || prev == "names";
    } else if (c == "name's" || c == "names") {
        cued = true;
    } else if (c == "as") {
        cued = folded_before(1) == "known";
    } else if (c == "by") {
        // "goes by Mo", "Review by Gwen A.", "written by Dawn"
        static constexpr std::array<std::string_view, 9> kBy{"goes",      "go",       "review", "written", "posted",
                                                             "submitted", "prepared", "signed", "sent"};
        cued = listed(kBy, folded_before(1));
    } else if (c == "for") {
        const auto prev = folded_before(1);
        cued = prev == "ask" || prev == "asked" || prev == "asking";
    } else if (c == "him" || c == "her" || c == "me" || c == "them") {
        // "we call him emeka", "Everyone called him Tel", "He calls me 'Sandra'".
        const auto verb = folded_before(1);
        cued = verb == "call" || verb == "called" || verb == "calls" || verb == "calling";
        // A name a person is given may be any word: "called him 'Robocop'" (not "call him back").
        if (cued && tokens[i].shape == Shape::capitalised && tokens[i].kind == Class::word &&
            !listed(kNotNamed, tokens[i].folded) && !tokens[i].is_public)
            return i;
    } else if (c == "councillor" || c == "cllr" || c == "rev" || c == "revd" || c == "reverend") {
        // "Dear Councillor Patel", "the Reverend Jane Smith": the title stays, the name goes.
        cued = tokens[i].shape == Shape::capitalised;
    } else if (c == "tell") {
        // "tell kasia i said thanks", "Tell Precious that": a person told, before what they are told.
        const bool then_told =
            i + 1 < tokens.size() && joined(t, tokens[i], tokens[i + 1]) &&
            listed(std::array<std::string_view, 7>{"i", "that", "she", "he", "we", "thanks", "thank"},
                   tokens[i + 1].folded);
        cued = then_told || (tokens[i].end < t.size() && (t[tokens[i].end] == ',' || t[tokens[i].end] == '.'));
    } else if (listed(kGreetings, c)) {  // "Dear Ngozi", "thank u aisling", "cheers ash"
        cued = c != "thank" && c != "u" && c != "you";
        if (c == "you" || c == "u") cued = folded_before(1) == "thank";
        if (c == "to") cued = listed(kGreetings, folded_before(1));  // "thanks to kez"
    } else if (c == "to") {
        const auto prev = folded_before(1);
        cued = prev == "thanks" || prev == "thx" || (prev == "you" && folded_before(2) == "thank");
    } else if (c == "i'm" || c == "im" || c == "i\u2019m" || (c == "am" && folded_before(1) == "i")) {
        // "I'm Delroy, delroy.f at example dot net": someone giving their own name, with a
        // capital ("I'm sorry", "im skint" are no names).
        cued = tokens[i].shape == Shape::capitalised &&
               (tokens[i].kind == Class::name || tokens[i].kind == Class::unknown || is_first_name(tokens[i].folded));
    } else if (c == "it's" || c == "its" || c == "it\u2019s" ||
               (c == "it" && (t.substr(cue.end, 2) == "'s" || t.substr(cue.end, 4) == "\u2019s"))) {
        // "Hi, it's Siân from Shaw Trust": a caller giving their name after a greeting.
        std::size_t k = i - 1;
        cued = k > 0 && listed(std::array<std::string_view, 5>{"hi", "hello", "hiya", "morning", "afternoon"},
                               tokens[k - 1].folded) &&
               tokens[i].shape == Shape::capitalised;
    } else if (c == "asked" || c == "said" || c == "replied" || c == "shouted" || c == "says") {
        // "Will you help me? asked Sandy.": a capitalised word after the verb, closing the sentence.
        const auto end = tokens[i].word_end;
        cued = tokens[i].shape == Shape::capitalised && tokens[i].end == end &&
               (end == t.size() || t[end] == '.' || t[end] == ',' || t[end] == '!' || t[end] == '?');
    }
    if (!cued) return std::nullopt;
    const auto& token = tokens[i];
    // "were called 'CPAs'": an abbreviation's plural is no name.
    if (token.end - token.begin >= 3 && is_upper(t[token.begin]) && is_upper(t[token.begin + 1]) &&
        token.shape != Shape::upper)
        return std::nullopt;
    if (token.is_public || listed(kNotNamed, token.folded)) return std::nullopt;
    switch (token.kind) {
        case Class::name:
        case Class::first_and_word:
            return i;
        case Class::name_and_place:
            return is_first_name(token.folded) || token.shape != Shape::lower ? std::optional(i) : std::nullopt;
        case Class::surname_and_word: {
            // "Hi Blessing, your provider...": a greeting and a comma make a name of a curated
            // one, but not "Hi All," or "Dear Team,".
            const bool greeted = listed(kGreetings, c) && token.end < t.size() && t[token.end] == ',' &&
                                 is_curated_name(token.folded) &&
                                 !listed(std::array<std::string_view, 6>{"all", "team", "everyone", "there", "folks", "guys"},
                                         token.folded);
            return token.shape != Shape::lower && (short_name_word(token) || c == "called" || c == "named" || greeted)
                       ? std::optional(i)
                       : std::nullopt;
        }
        case Class::unknown:
            return token.end - token.begin >= 3 && !is_english_word(token.folded) ? std::optional(i) : std::nullopt;
        default:
            return std::nullopt;
    }
}

// The first token of a text's sign-off, if its last words are one: a name or an initial, alone
// after a sentence's end or a closing word ("Thanks, Dave", "... need it. Dawn", "Ta, B.").
std::optional<std::size_t> sign_off(std::string_view t, const std::vector<Token>& tokens) {
    if (tokens.empty()) return std::nullopt;
    std::size_t last = tokens.size() - 1;
    if (tokens[last].folded == "x" || tokens[last].folded == "xx" || tokens[last].folded == "xxx") {
        if (last == 0) return std::nullopt;
        --last;
    }
    // "... bring them along. Nick (Lewisham Benefits Advice Group)": a group's name in brackets
    // after the sign-off.
    auto end = t.size();
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '.' || t[end - 1] == '\n' || t[end - 1] == '\r')) --end;
    if (end > 0 && t[end - 1] == ')') {
        const auto open = t.rfind('(', end - 1);
        if (open != std::string_view::npos && end - open <= 80) {
            std::size_t k = 0;
            while (k < tokens.size() && tokens[k].end <= open) ++k;
            if (k == 0) return std::nullopt;
            last = k - 1;
            end = open;
        }
    }
    // Only punctuation and spaces after it.
    for (auto k = tokens[last].end; k < end; ++k) {
        const char c = t[k];
        if (!(c == ' ' || c == '.' || c == '!' || c == '\n' || c == '\r' || c == 'x' || c == ')')) return std::nullopt;
    }
    std::size_t first = last;
    if (first > 0 && joined(t, tokens[first - 1], tokens[first]) && capital(tokens[first - 1])) --first;
    if (first > 0 && joined(t, tokens[first - 1], tokens[first]) && capital(tokens[first - 1])) return std::nullopt;
    for (auto k = first; k <= last; ++k) {
        const auto& token = tokens[k];
        // Initials first: "... arranged. – OF" signs, whatever "of" is in a sentence.
        if ((token.shape == Shape::initial && token.folded != "i") || initials_token(t, token)) continue;
        if (token.is_public || token.kind == Class::never) return std::nullopt;
        if (token.kind == Class::word) return std::nullopt;
        if (token.shape != Shape::capitalised) return std::nullopt;
        if (token.kind == Class::name_and_place && !is_first_name(token.folded)) return std::nullopt;
        if (token.kind == Class::unknown && token.end - token.begin < 3) return std::nullopt;
        if (token.kind == Class::surname_and_word && !short_name_word(token)) return std::nullopt;
        if (listed(kClosings, token.folded)) return std::nullopt;
    }
    // What stands before it: a sentence's end, a new line, a dash, or a closing word and a comma.
    auto at = tokens[first].begin;
    while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\r')) --at;
    if (at == 0) return std::nullopt;
    const char c = t[at - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '-') return first;
    if (at >= 3 && (t.substr(at - 3, 3) == "\u2013" || t.substr(at - 3, 3) == "\u2014")) return first;  // "... – KB"
    if (c == ',' && first > 0 && listed(kClosings, tokens[first - 1].folded)) return first;
    if (first > 0 && gap_between(t, tokens[first - 1], tokens[first]) == " " && listed(kClosings, tokens[first - 1].folded))
        return first;
    return std::nullopt;
}

// A forum name at a line's start, before a colon: "wiganlass: and ...", "DinahMite: got £120".
// A word of capitals and small letters mixed, or with digits, or small letters no list knows.
std::optional<Span> forum_name_at(std::string_view t, std::size_t i) {
    std::size_t end = i;
    while (end < t.size() && (is_alnum(t[end]) || t[end] == '_' || t[end] == '.')) ++end;
    while (end > i && t[end - 1] == '.') --end;
    if (end == i || end + 1 >= t.size() || t[end] != ':' || t[end + 1] != ' ' || !is_alpha(t[i])) return std::nullopt;
    const auto word = t.substr(i, end - i);
    if (word.size() < 3) return std::nullopt;
    std::string folded;
    for (char c : word) folded.push_back(lower(c));
    bool inner_capital = false, digit = false, any_lower = false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        any_lower = any_lower || is_lower(word[k]);
        digit = digit || is_digit(word[k]) || word[k] == '_' || word[k] == '.';
        inner_capital = inner_capital || (k > 0 && is_upper(word[k]) && is_lower(word[k - 1]));
    }
    if (!any_lower || listed(kLineLabels, folded) || listed(kNeverNames, folded)) return std::nullopt;
    const bool small_unknown = !is_upper(word[0]) && !digit && !inner_capital && !is_english_word(folded) &&
                               !is_person_name(folded) && !is_place(folded) && !is_proper_noun(folded);
    if (!(inner_capital || digit || small_unknown)) return std::nullopt;
    // "WhatsApp: 07700 900123", "Mobile: 0161 ...": a label before a number.
    auto after = end + 1;
    while (after < t.size() && t[after] == ' ') ++after;
    if (after < t.size() &&
        (is_digit(t[after]) || t[after] == '+' || t[after] == '(' || t.substr(after, 2) == "\u00a3"))  // "PayPal: £5"
        return std::nullopt;
    return Span{i, end, Kind::staff_name, "[name]"};
}

// Where a line of a chat or a thread starts: the text's start, a new line, " / " (how a text
// written on one line shows its breaks), or after a time stamp there: "[11/7/22, 8:09 pm] Kev
// Boyle: is that the blonde one", "11/07/2022, 20:09 - Kev Boyle: hi".
bool chat_line_start(std::string_view t, std::size_t i) {
    const auto plain = [&](std::size_t at) {
        return at == 0 || t[at - 1] == '\n' || (at >= 3 && t.substr(at - 3, 3) == " / ");
    };
    if (plain(i)) return true;
    // A stamp is short: look back no further than 40 bytes, so every line costs the same.
    const auto from = i > 42 ? i - 42 : 0;
    const auto before = t.substr(from, i - from);
    std::size_t open = std::string_view::npos;
    if (before.ends_with("] ")) {
        open = before.rfind('[');
    } else if (before.ends_with(" - ")) {  // the stamp runs from the line's start
        open = before.size();
        while (open > 0 && (is_digit(before[open - 1]) ||
                            std::string_view("/.,: -apmAPM").find(before[open - 1]) != std::string_view::npos))
            --open;
        if (open == before.size() || before.substr(open).find(':') == std::string_view::npos) return false;
    }
    if (open == std::string_view::npos || !plain(from + open)) return false;
    return std::ranges::any_of(before.substr(open), [](char c) { return is_digit(c); });
}

struct Speaker {
    std::size_t end = 0;
    bool named = false;  // "Me", "Mum", "Adviser" speak too, and stay
};

// A speaker's label at a line's start, before ": ": one to three words ("Kez", "Lauren Pickup",
// "JAMIE", "MrsTumbleweed", "lisajaneB", "ken_frae_fife"): whether it names someone, or is one
// of the words a chat calls its own side by ("Me", "Mum"). Not a label of a form or minutes
// ("Update", "Next Steps", "P1", "Week 12"), nor one before a figure ("PayPal: £5", "WhatsApp:
// 0770...").
std::optional<Speaker> speaker_at(std::string_view t, std::size_t i) {
    std::vector<std::string> words;
    std::size_t at = i;
    bool handle = false;  // underscores, a capital inside a word, or a word and digits ("LeedsLad22")
    for (;;) {
        const auto begin = at;
        while (at < t.size() && (is_alnum(t[at]) || t[at] == '-' || t[at] == '_' || t[at] == '\'' ||
                                 static_cast<unsigned char>(t[at]) >= 0x80))
            ++at;
        if (at == begin || words.size() == 3) return std::nullopt;
        const auto word = t.substr(begin, at - begin);
        std::string letters;
        for (char c : word)
            if (is_alpha(c)) letters.push_back(lower(c));
        for (std::size_t k = 1; k < word.size(); ++k)
            handle = handle || (is_digit(word[k]) && letters.size() >= 3 && !is_english_word(letters)) ||
                     word[k] == '_' || (is_upper(word[k]) && is_lower(word[k - 1]));
        words.push_back(text::fold(word));
        if (t.substr(at, 2) == ": ") break;
        if (at >= t.size() || t[at] != ' ') return std::nullopt;
        ++at;
    }
    auto value = at + 2;
    while (value < t.size() && t[value] == ' ') ++value;
    if (value < t.size() && (is_digit(t[value]) || t[value] == '+' || t[value] == '(' ||
                             static_cast<unsigned char>(t[value]) == 0xC2))  // a figure or "£"
        return std::nullopt;
    const auto& first = words.front();
    if (words.size() == 1 && (first == "me" || is_job_or_relation(first))) return Speaker{at, false};
    if (listed(kLineLabels, first) || listed(kNeverNames, first) || is_job_or_relation(first)) return std::nullopt;
    if (!is_alpha(t[i]) && static_cast<unsigned char>(t[i]) < 0x80) return std::nullopt;
    // A word, a place, a code or a heading: "Step2" and "Week 12" are words with figures.
    const auto word_like = [](const std::string& word) {
        std::string w;
        for (char c : word)
            if (!is_digit(c)) w.push_back(c);
        return w.empty() || is_english_word(w) || is_place(w) || is_proper_noun(w) || listed(kNeverNames, w);
    };
    if (handle) return Speaker{at, true};
    if (words.size() == 1) {
        if (first.size() < 3) return std::nullopt;
        const bool named = !word_like(first) || (is_upper(t[i]) && is_first_name(first) && !is_english_word(first));
        return named ? std::optional(Speaker{at, true}) : std::nullopt;
    }
    // "Lauren Pickup", "Keith Armitage": every word with a capital, and a first name first or a
    // word no word list claims ("Next Steps", "Case Notes" are headings).
    std::size_t k = i;
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (!is_upper(t[k]) && static_cast<unsigned char>(t[k]) < 0x80) return std::nullopt;
        k = t.find(' ', k) + 1;  // within the label: words.size() - 1 spaces follow i
    }
    const bool named = is_first_name(first) || !std::ranges::all_of(words, word_like);
    return named ? std::optional(Speaker{at, true}) : std::nullopt;
}

// Who speaks in a chat or a thread copied in: "Kez: anyone got a text? / Shaz: yeah, 9am",
// "Lauren Pickup: ring them", "[11/7/22, 8:09 pm] Kev Boyle: is that the blonde one". Where two
// or more speak ("Me:" counts, and stays); one label alone may be a heading ("Seetec: awful").
// Public figures and providers keep their names ("Iain Duncan Smith: ...").
void find_chat_speakers(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    std::vector<Span> speakers;
    std::vector<std::string_view> distinct;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!chat_line_start(t, i)) continue;
        const auto speaker = speaker_at(t, i);
        if (!speaker) continue;
        const auto label = t.substr(i, speaker->end - i);
        if (std::ranges::find(distinct, label) == distinct.end()) distinct.push_back(label);
        if (speaker->named && !within(public_names, i, speaker->end))
            speakers.push_back({i, speaker->end, Kind::staff_name, "[name]"});
        i = speaker->end;
    }
    if (distinct.size() >= 2) out.insert(out.end(), speakers.begin(), speakers.end());
}

bool latin(char32_t c) {
    return c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);
}

// Runs of one to three words in a script other than Latin, inside a text mostly in Latin letters.
void find_other_scripts(std::string_view t, std::vector<Span>& out) {
    std::vector<ByteRange> runs;  // each a word
    std::size_t latin_letters = 0, other_letters = 0;
    for (std::size_t i = 0; i < t.size();) {
        const auto c = text::code_point_at(t, i);
        const bool letter = text::is_letter(c.value) || (text::is_mark(c.value) && !runs.empty() && runs.back().end == i);
        if (letter && !latin(c.value)) {
            ++other_letters;
            if (!runs.empty() && runs.back().end == i) {
                runs.back().end = i + c.bytes;
            } else {
                runs.push_back({i, i + c.bytes});
            }
        } else if (letter) {
            ++latin_letters;
        }
        i += c.bytes;
    }
    if (runs.empty() || latin_letters < 4 * other_letters) return;
    // Words one space apart are one name; more than three together is a phrase, left alone.
    for (std::size_t a = 0; a < runs.size();) {
        std::size_t b = a;
        while (b + 1 < runs.size() && t.substr(runs[b].end, runs[b + 1].begin - runs[b].end) == " ") ++b;
        if (b - a < 3) out.push_back({runs[a].begin, runs[b].end, Kind::staff_name, "[name]"});
        a = b + 1;
    }
}

// "Head of Customer Relations", "Service Delivery Manager": after a name and a comma, the first
// word of a job's title, not another name.
bool begins_title(std::string_view t, const std::vector<Token>& tokens, std::size_t j) {
    if (j + 1 >= tokens.size() || !joined(t, tokens[j], tokens[j + 1])) return false;
    const auto& next = tokens[j + 1];
    if (next.shape == Shape::lower) return next.folded == "of";
    return capital(next) && (next.kind == Class::word || next.kind == Class::never || is_job_or_relation(next.folded));
}

// A capitalised word that is part of the name after it: "Mo Rashid", "Dave" in "Dave Price".
bool first_name_before(const Token& token) {
    if (token.is_public || token.shape != Shape::capitalised || token.kind == Class::never) return false;
    return token.kind == Class::name || is_first_name(token.folded) || short_name_word(token);
}

// "RH (support worker)", "Summer (my daughter)": a job or a relation in brackets after it.
bool bracketed_job_follows(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 1 >= tokens.size() || gap_between(t, tokens[i], tokens[i + 1]) != " (") return false;
    for (std::size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k) {
        if (is_job_or_relation(tokens[k].folded)) return true;
        if (k > i + 1 && t.substr(tokens[k - 1].word_end, tokens[k].begin - tokens[k - 1].word_end) != " ") break;
    }
    return false;
}

// "Dean's adviser", "florin's wife", "Mo's number": a word's possessive before a job, a relation
// or a number.
bool possessive_person(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (token.end == token.word_end || i + 1 >= tokens.size()) return false;
    const auto after = t.substr(token.end, tokens[i + 1].begin - token.end);
    if (after != "'s " && after != "\u2019s ") return false;
    const auto& next = tokens[i + 1].folded;
    return is_job_or_relation(next) || next == "number" || next == "phone" || next == "mobile" || next == "kids" ||
           next == "missus" || next == "little";
}

// "Mrs K", "Mr P.": a title and an initial.
bool title_initial(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    static constexpr std::array<std::string_view, 5> kTitles{"mr", "mrs", "ms", "miss", "dr"};
    if (i == 0 || tokens[i].shape != Shape::initial || tokens[i].folded == "i") return false;
    const auto& title = tokens[i - 1];
    if (!capital(title) || !listed(kTitles, title.folded)) return false;
    const auto gap = gap_between(t, title, tokens[i]);
    if (gap != " " && gap != ". ") return false;
    return tokens[i].end >= t.size() || !(t[tokens[i].end] == '&' || is_alnum(t[tokens[i].end]));
}

// "pat and ray both got", "amber and ruby from the reed office", "me and rose both": two first
// names in small letters joined by "and", and what people do after them.
std::optional<std::pair<std::size_t, std::size_t>> pair_of_people(std::string_view t, const std::vector<Token>& tokens,
                                                                  std::size_t i) {
    static constexpr std::array<std::string_view, 14> kAfterPair{
        "both", "from", "at", "off", "said", "told", "rang", "went", "got", "are", "were", "have", "had", "came"};
    if (i + 3 >= tokens.size() || tokens[i + 1].folded != "and") return std::nullopt;
    if (!joined(t, tokens[i], tokens[i + 1]) || !joined(t, tokens[i + 1], tokens[i + 2]) ||
        !joined(t, tokens[i + 2], tokens[i + 3]) || !listed(kAfterPair, tokens[i + 3].folded))
        return std::nullopt;
    const auto person = [](const Token& token) {
        if (token.shape != Shape::lower || token.is_public || token.kind == Class::never) return false;
        return token.folded == "me" || token.kind == Class::name || is_first_name(token.folded) ||
               (token.kind == Class::unknown && token.end - token.begin >= 3 && !is_english_word(token.folded));
    };
    if (!person(tokens[i]) || !person(tokens[i + 2]) || (tokens[i].folded == "me" && tokens[i + 2].folded == "me"))
        return std::nullopt;
    return std::pair{i, i + 2};
}

// The same word again, in the same case, once it has been found as a name ("Mo said ... Mo
// opened"): a capitalised one, or one in small letters that is no word. At a sentence's start a
// name that is also a word needs a person's word after it ("Will recommend" is no name).
bool same_word_again(std::string_view t, const std::vector<Token>& tokens, Marks& marks) {
    const auto name_like = [](const Token& token) {
        if (token.is_public || token.kind == Class::never || token.kind == Class::word) return false;
        if (token.end - token.begin < 2 || token.shape == Shape::initial) return false;
        if (token.kind == Class::surname_and_word) return short_name_word(token);
        // "rob said ... rob if ur reading this": a first name that is also a word, in small
        // letters, once it has been a name in this text (not "will", "may", "can").
        if (token.shape == Shape::lower && token.kind == Class::first_and_word)
            return is_proper_noun(token.folded) && !listed(kNotNames, token.folded);
        return token.shape != Shape::lower || token.kind == Class::name || token.kind == Class::unknown;
    };
    // "to rob", "a joy", "will rob": a word's place, not a name's.
    const auto as_word = [&](std::size_t i) {
        if (tokens[i].shape != Shape::lower || tokens[i].kind != Class::first_and_word || i == 0) return false;
        static constexpr auto kBefore = std::to_array<std::string_view>(
            {"the", "a", "an", "to", "will", "would", "can", "could", "should", "might", "must", "and", "or", "of",
             "my", "your", "our", "i", "you", "we", "they", "he", "she", "it", "who", "not", "never", "dont",
             "don't", "didnt", "didn't", "cant", "can't"});
        return joined(t, tokens[i - 1], tokens[i]) &&
               (listed(kBefore, tokens[i - 1].folded) || listed(kDeterminers, tokens[i - 1].folded));
    };
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (marks.named[i] && name_like(tokens[i])) seen.insert(t.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    bool changed = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        if (marks.named[i] || !name_like(token) || !seen.contains(t.substr(token.begin, token.end - token.begin)) ||
            as_word(i))
            continue;
        // "a lad called Preston ... from Preston": a town after "in", "at" or "from" is the town.
        if (i > 0 && is_place(token.folded) && joined(t, tokens[i - 1], token) &&
            listed(kPlacePrepositions, tokens[i - 1].folded))
            continue;
        if (token.sentence_start && token.kind == Class::first_and_word && token.shape != Shape::lower) {
            const bool person_next = i + 1 < tokens.size() && (listed(kPersonVerbs, tokens[i + 1].folded) ||
                                                                listed(kAfterPerson, tokens[i + 1].folded));
            if (!person_next) continue;
        }
        changed = mark(t, tokens, marks, i) || changed;
    }
    return changed;
}

// "J.P.", "K.M.", "D.W.": two or three capitals each with its full stop, standing alone, are a
// person's initials, unless they spell an abbreviation ("P.S.", "U.K.", "D.O.B.").
void find_dotted_initials(std::string_view t, std::vector<Span>& out) {
    static constexpr std::array<std::string_view, 22> kAbbreviations{
        "ps", "pps", "uk", "us", "usa", "eu", "am", "pm", "eg", "ie", "nb", "rip", "dob", "bbc", "tv", "gp",
        "asap", "rsvp", "mp", "ni", "ad", "bc"};
    for (std::size_t i = 0; i + 3 < t.size(); ++i) {
        if (i > 0 && (is_alpha(t[i - 1]) || t[i - 1] == '.' || static_cast<unsigned char>(t[i - 1]) >= 0x80)) continue;
        std::size_t k = i;
        std::string letters;
        while (k + 1 < t.size() && t[k] >= 'A' && t[k] <= 'Z' && t[k + 1] == '.' && letters.size() < 4) {
            letters += static_cast<char>(t[k] - 'A' + 'a');
            k += 2;
        }
        if (letters.size() < 2 || letters.size() > 3) continue;
        if (k < t.size() && (is_alpha(t[k]) || static_cast<unsigned char>(t[k]) >= 0x80)) continue;
        if (listed(kAbbreviations, letters)) continue;
        out.push_back({i, k, Kind::staff_name, "[name]"});
        i = k;
    }
}

}  // namespace

void find_context_names(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    find_other_scripts(t, out);
    find_dotted_initials(t, out);
    find_chat_speakers(t, public_names, out);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i > 0 && t[i - 1] != '\n') continue;
        auto at = i;
        while (at < t.size() && t[at] == ' ') ++at;
        if (auto span = forum_name_at(t, at)) out.push_back(*span);
    }

    auto tokens = tokenise(t);
    if (tokens.empty()) return;
    mark_public(tokens, public_names);
    Marks marks{std::vector<bool>(tokens.size(), false), std::vector<bool>(tokens.size(), false)};
    auto& named = marks.named;
    const auto& found = marks.found;
    {
        // Each token against the name spans, both in order of where they start.
        std::vector<ByteRange> names;
        for (const auto& span : out)
            if (span.kind == Kind::staff_name) names.push_back({span.begin, span.end});
        std::ranges::sort(names, {}, &ByteRange::begin);
        std::size_t r = 0;
        std::size_t reach = 0;  // the furthest end of the spans started so far
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            while (r < names.size() && names[r].begin <= tokens[i].begin) reach = std::max(reach, names[r++].end);
            named[i] = tokens[i].end <= reach;
        }
    }
    const auto add = [&](std::size_t j) { return mark(t, tokens, marks, j); };
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (auto j = named_by_cue(t, tokens, i)) add(*j);
    if (auto j = sign_off(t, tokens)) add(*j);

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool small = tokens[i].shape == Shape::lower;
        if ((bracketed_job_follows(t, tokens, i) || possessive_person(t, tokens, i)) &&
            may_be_name(t, tokens[i], small) && (!small || tokens[i].kind != Class::first_and_word || !tokens[i].sentence_start || possessive_person(t, tokens, i)))
            add(i);
        if (title_initial(t, tokens, i)) add(i);
        if (auto pair = pair_of_people(t, tokens, i)) {
            for (auto j : {pair->first, pair->second})
                if (tokens[j].folded != "me") add(j);
        }
    }

    // Beside a name in a list, before one ("To: Mo Rashid"), or the same word as one, until
    // nothing changes.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!named[i]) continue;
            const bool small = tokens[i].shape == Shape::lower;
            if (!small && i > 0 && !named[i - 1] && joined(t, tokens[i - 1], tokens[i]) && first_name_before(tokens[i - 1]))
                changed = add(i - 1) || changed;
            for (int step : {1, -1}) {
                // From a name's last token forwards, from its first backwards.
                if (step > 0 && i + 1 < tokens.size() && named[i + 1] && joined(t, tokens[i], tokens[i + 1])) continue;
                if (step < 0 && i > 0 && named[i - 1] && joined(t, tokens[i - 1], tokens[i])) continue;
                auto j = list_neighbour(t, tokens, i, step);
                // "Gill P, Harjit": backwards over a surname's initial to its name.
                if (j && step < 0 && !small && tokens[*j].shape == Shape::initial && *j > 0 &&
                    joined(t, tokens[*j - 1], tokens[*j]) && may_be_name(t, tokens[*j - 1], false))
                    j = *j - 1;
                if (!j || named[*j] || !may_be_name(t, tokens[*j], small) || begins_title(t, tokens, *j)) continue;
                // Backwards, the first token of a name, not its surname ("Kate Whelan, Mo").
                auto first = *j;
                if (step < 0)
                    while (first > 0 && joined(t, tokens[first - 1], tokens[first]) &&
                           may_be_name(t, tokens[first - 1], small) && !tokens[first - 1].sentence_start)
                        --first;
                changed = add(first) || changed;
            }
        }
        changed = same_word_again(t, tokens, marks) || changed;
    }
    // One span for each run of named words joined together that this scanner added to, so that
    // "Ama Owusu" loses its space too.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!named[i]) continue;
        auto last = i;
        bool any = found[i];
        while (last + 1 < tokens.size() && named[last + 1] && joined(t, tokens[last], tokens[last + 1])) {
            ++last;
            any = any || found[last];
        }
        if (any) out.push_back({tokens[i].begin, tokens[last].end, Kind::staff_name, "[name]"});
        i = last;
    }
}

}  // namespace pw::redaction::detail
