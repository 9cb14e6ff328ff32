// Names in small letters that no capital gives away, found by what is around them, as people
// write on phones: "my nan pat says", "me, shaz and kev went", "kieran at seetec read out my
// ni", "bill the manager shouted". A word that is only a name in the long list, a name that is
// also a word, or a word no list knows becomes a name only beside one of these cues; a word
// the lists call an English word and nothing else never does.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/name_tokens.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {

constexpr std::array<std::string_view, 9> kOwners{"my", "our", "his", "her", "their", "me", "your", "the", "ur"};

// Where staff work, after "at" or "from": "mark at reed", "frank from maximus".
constexpr std::array<std::string_view, 26> kWorkplaces{
    "seetec",  "ingeus",     "a4e",         "maximus", "reed",    "g4s",        "serco",     "shaw", "avanta",
    "working", "pertemps",   "jobcentre",   "jcp",     "restart", "the",        "reception", "head", "prospects",
    "remploy", "interserve", "learndirect", "fedcap",  "catch22", "standguide", "twin",      "esg"};

// Capitals that are never a person's initials here.
constexpr std::array<std::string_view, 69> kNoteAcronyms{
    "dob", "ref", "tel", "ids", "po", "lm", "md", "sw", "mrs", "aob", "dna", "sia", "dwp", "jcp", "esa", "jsa", "pip",
    "uc", "cv", "gp", "mp", "nhs", "ice", "hmrc", "cab", "ca", "mr", "wp", "wca", "lha", "hb", "ctr", "id", "it", "hr",
    "tl", "pa", "wc", "dm", "bbc", "itv", "dla", "ssp", "ni", "uk", "eu", "ons", "foi", "sar", "tv", "pc", "sms", "ok",
    "am", "pm", "lol", "omg", "tbh", "btw", "fyi", "acas", "atos", "csr", "rsvp",
    // Case notes' own: "DR" a doubt raised, "IA" an initial assessment, "VM" a voicemail.
    "dr", "ia", "vm", "fta", "ptp"};

// Modal verbs that are also names: "my son will be", "my mate may come".
constexpr std::array<std::string_view, 4> kModals{"will", "may", "can", "might"};
// Words of grammar that the long name lists also hold: "his boss had told him", "the adviser
// even gave", "anyone else".
constexpr auto kGrammarWords = std::to_array<std::string_view>(
    {"had", "has", "have", "was", "were", "did", "does", "even", "else", "also", "just", "still", "ever",
     "never", "then", "too", "only", "again", "soon", "both", "each"});

// The word before token i, with one space, ", " or ": " between ("the receptionist, Sian,",
// "Adviser: Martin"), if there is one.
const Token* word_before(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || tokens[i - 1].end != tokens[i - 1].word_end) return nullptr;
    const auto gap = t.substr(tokens[i - 1].word_end, tokens[i].begin - tokens[i - 1].word_end);
    return gap == " " || gap == ", " || gap == ": " ? &tokens[i - 1] : nullptr;
}

// Labels of a form or an e-mail that a name follows: "From: Tom", "Name: Stuart Baird".
constexpr auto kLabels = std::to_array<std::string_view>({"from", "to", "cc", "name", "signed", "claimant", "client",
                                                         "attendees", "adv", "advisor", "present", "apologies",
                                                         "absent", "action", "actions"});

// "my nan pat", "his brother lee", "my brother in law guy", "the receptionist, Sian", "Adviser:
// Martin", "To: Tom".
bool after_label(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const Token* before = word_before(t, tokens, i);
    return before && t.substr(before->word_end, 2) == ": " &&
           (listed(kLabels, before->folded) || is_job_or_relation(before->folded));
}

bool after_relation(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const Token* before = word_before(t, tokens, i);
    if (!before) return false;
    if (after_label(t, tokens, i)) return true;
    std::size_t k = i - 1;
    if (before->folded == "law" && k >= 2 && tokens[k - 1].folded == "in") k -= 2;  // "brother in law"
    if (!is_job_or_relation(tokens[k].folded)) return false;
    // "my support worker", "my old adviser": a word or two between the owner and the job.
    for (std::size_t back = 1; back <= 3 && k >= back; ++back) {
        if (listed(kOwners, tokens[k - back].folded)) return true;
        // "my line manager", "my work coach": any words in small letters between.
        if (tokens[k - back].shape != Shape::lower) return false;
    }
    return false;
}

// What follows token i as a person. Weak: a verb only people do ("kieran said"). Strong: where
// they work ("mark at reed", "may on reception") or who they are ("bill the manager", "faith my
// support worker", "summer my youngest").
enum class Follow { none, weak, strong };

Follow person_follows(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 1 >= tokens.size()) return Follow::none;
    const auto& next = tokens[i + 1];
    auto gap = t.substr(tokens[i].word_end, next.begin - tokens[i].word_end);
    if (gap == ", ") gap = " ";
    if (gap != " " || next.shape != Shape::lower) return Follow::none;
    const auto after = next.word_end < t.size() ? t.substr(next.word_end + 1) : std::string_view{};
    const auto starts = [&](std::string_view word) {
        if (after.size() < word.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (lower(after[k]) != word[k]) return false;
        return after.size() == word.size() || !is_alnum(after[word.size()]);
    };
    if ((next.folded == "at" || next.folded == "from" || next.folded == "off") &&
        std::ranges::any_of(kWorkplaces, starts))
        return Follow::strong;
    if (next.folded == "on" && starts("reception")) return Follow::strong;
    if (listed(kOwners, next.folded) && i + 2 < tokens.size() && joined(t, next, tokens[i + 2])) {
        for (std::size_t k = i + 2; k < tokens.size() && k <= i + 4; ++k) {
            if (is_job_or_relation(tokens[k].folded)) return Follow::strong;
            if (k + 1 >= tokens.size() || !joined(t, tokens[k], tokens[k + 1])) break;
        }
    }
    return listed(kPersonVerbs, next.folded) ? Follow::weak : Follow::none;
}

// After "my nan pat": a verb, a word that follows people, or the end of the phrase.
bool phrase_or_person_after(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto end = tokens[i].word_end;
    if (end >= t.size() || t[end] == ',' || t[end] == '.' || t[end] == '!' || t[end] == '?' || t[end] == ')')
        return true;
    if (i + 1 >= tokens.size() || t.substr(end, tokens[i + 1].begin - end) != " ") return false;
    // "my mate shaz n her fella dean both got sanctioned"
    static constexpr std::array<std::string_view, 6> kMore{"n", "both", "too", "also", "but", "then"};
    return listed(kPersonVerbs, tokens[i + 1].folded) || listed(kAfterPerson, tokens[i + 1].folded) ||
           (listed(kMore, tokens[i + 1].folded) && !listed(kModals, tokens[i].folded));  // not "my mum will too"
}

// "eilidh in dundee told me", "ionuț came with me", "ifeoma got told": a name no word list
// holds, in small letters, before a word that goes on as a person's.
bool plain_name_goes_on_as_person(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    static constexpr std::array<std::string_view, 8> kMore{"came", "went", "took", "drove", "cried", "works",
                                                           "worked", "moved"};
    const auto& token = tokens[i];
    if (token.kind != Class::name || token.shape != Shape::lower || is_english_word(token.folded) ||
        is_modern_word(token.folded) ||
        i + 1 >= tokens.size() || t.substr(token.word_end, tokens[i + 1].begin - token.word_end) != " ")
        return false;
    if (i > 0 && listed(kDeterminers, tokens[i - 1].folded)) return false;
    const auto& next = tokens[i + 1].folded;
    return listed(kAfterPerson, next) || listed(kMore, next);
}

// A word that may be a name here: small letters, at least three of them, not a word alone.
bool candidate(const Token& token, bool strong_cue) {
    if (token.is_public || token.end - token.begin < 3) return false;
    // "with his carer, Yvonne", "a big fella called Emeka": who someone is, not their name.
    if (is_job_or_relation(token.folded) || token.folded == "fella" || listed(kOrganisationWords, token.folded))
        return false;  // nor a group: "To: Team Leaders"
    if (token.shape == Shape::lower && is_modern_word(token.folded)) return false;  // "the staff rota"
    // A capital after a relation or a label: names the capital alone leaves ("Sian", "Martin"),
    // not a word a surname shares ("To: All staff") nor a town ("To: Leeds South Advisers").
    if (token.shape == Shape::capitalised)
        return strong_cue && token.kind != Class::word && token.kind != Class::never &&
               !(token.kind == Class::surname_and_word && !is_first_name(token.folded) &&
                 (!is_curated_name(token.folded) || is_english_word(token.folded))) &&
               !(is_place(token.folded) && !is_first_name(token.folded));
    if (token.shape != Shape::lower) return false;
    switch (token.kind) {
        case Class::name:
        case Class::name_and_place:
            return true;
        case Class::first_and_word:
            if (listed(kGrammarWords, token.folded)) return false;
            return !listed(kModals, token.folded) || strong_cue;
        case Class::unknown:
            return strong_cue && !is_english_word(token.folded);
        default:
            return false;
    }
}

bool month_named(std::string_view t, const std::vector<Token>& tokens, std::size_t i, bool relation, bool works_there) {
    static constexpr std::array<std::string_view, 4> kMonthNames{"april", "may", "june", "august"};
    static constexpr std::array<std::string_view, 16> kTimeWords{
        "in", "on", "of", "since", "until", "till", "by", "from", "during", "last", "next", "this", "early", "late", "mid",
        "end"};
    const auto& token = tokens[i];
    if (token.is_public || !listed(kMonthNames, token.folded) ||
        (token.shape != Shape::lower && token.shape != Shape::capitalised))
        return false;
    if (i > 0 && listed(kTimeWords, tokens[i - 1].folded)) return false;
    // "the 3rd may at the jobcentre": a day before it ("3rd", back over its letters) makes it the month.
    auto before = token.begin;
    while (before > 0 && t[before - 1] == ' ') --before;
    while (before > 0 && is_alpha(t[before - 1])) --before;
    if (before > 0 && is_digit(t[before - 1])) return false;
    // "May 2014", "June 3rd": a figure after it makes it the month.
    if (token.word_end + 1 < t.size() && is_digit(t[token.word_end + 1])) return false;
    // "nan june", "auntie may": a relation just before, with or without "my".
    const bool kin = relation || (i > 0 && joined(t, tokens[i - 1], token) && is_job_or_relation(tokens[i - 1].folded));
    if (!kin && !works_there) return false;
    // "my mum may come": "may" is a name only where a person's word or the phrase's end follows.
    return token.folded != "may" || works_there || phrase_or_person_after(t, tokens, i);
}

// "LMcG", "PMcL", "TO'B": initials with a surname's prefix in them.
bool prefixed_initials(std::string_view w) {
    if (w.size() < 4 || w.size() > 6) return false;
    for (std::string_view prefix : {"Mc", "O'", "O\u2019", "Mac"}) {
        const auto at = w.find(prefix);
        if (at == std::string_view::npos || at == 0 || at > 2) continue;
        const auto before = w.substr(0, at);
        const auto after = w.substr(at + prefix.size());
        const auto capitals = [](std::string_view part) {
            return !part.empty() && part.size() <= 2 && std::ranges::all_of(part, [](char c) { return is_upper(c); });
        };
        if (capitals(before) && capitals(after)) return true;
    }
    return false;
}

// A verb in the past after a word: "KW took me aside", "LB reminded the team", "AM said".
bool past_verb_after(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 1 >= tokens.size() || !joined(t, tokens[i], tokens[i + 1]) || tokens[i + 1].shape != Shape::lower)
        return false;
    const auto& verb = tokens[i + 1].folded;
    static constexpr std::array<std::string_view, 8> kPast{"took", "said", "told", "went",
                                                           "came", "made", "gave", "left"};
    return listed(kPast, verb) || (verb.size() >= 5 && verb.ends_with("ed"));
}

// Initials standing for a person in notes and lists: "Client (JS) attended", "KW said", "team
// leader RH", "Present: KW, Dave R".
bool initials(std::string_view t, const std::vector<Token>& tokens, std::size_t i, bool relation) {
    const auto& token = tokens[i];
    const auto size = token.end - token.begin;
    // In a text in capitals ("THE MANAGER OF THE JOBCENTRE"), not beside initials ("Present: IS, DO").
    const auto shouting = [&](std::size_t k) {
        return k < tokens.size() && tokens[k].shape == Shape::upper && tokens[k].end - tokens[k].begin >= 3;
    };
    if (token.shape == Shape::upper && is_shouted_word(token.folded) && ((i > 0 && shouting(i - 1)) || shouting(i + 1)))
        return false;
    if (prefixed_initials(t.substr(token.begin, size)) && !token.is_public) return true;
    // "AM said the prime had flagged our site": initials, not the morning, before a verb in the past.
    if ((token.folded == "am" || token.folded == "pm") && token.shape == Shape::upper && !token.is_public) {
        auto before = token.begin;
        if (before > 0 && t[before - 1] == ' ') --before;
        const bool after_figure = before > 0 && is_digit(t[before - 1]);  // "10 AM said to return": a time
        return !after_figure && past_verb_after(t, tokens, i) && tokens[i + 1].folded != "left";
    }
    if (token.shape != Shape::upper || size < 2 || size > 3 || token.is_public || listed(kNoteAcronyms, token.folded))
        return false;
    for (auto k = token.begin; k < token.end; ++k)
        if (!is_alpha(t[k])) return false;
    if (relation || person_follows(t, tokens, i) != Follow::none) return true;
    const bool bracketed = token.begin > 0 && t[token.begin - 1] == '(' && token.end < t.size() && t[token.end] == ')';
    static constexpr auto kWho = std::to_array<std::string_view>(
        {"client", "claimant", "customer", "participant", "adviser",    "advisor",  "coach",
         "owner",  "mgr",      "manager",  "supervisor",  "tl",         "covering", "chair",
         "adv",    "advr",     "officer",  "worker",      "caseworker", "mentor",   "coordinator"});
    // "Client (JS) attended", "client DF, Friday", "the client I mentioned (GR)": who the note is about.
    if (i > 0 && listed(kWho, tokens[i - 1].folded) &&
        (bracketed || t.substr(tokens[i - 1].word_end, token.begin - tokens[i - 1].word_end) == " "))
        return true;
    if (bracketed)
        for (std::size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
            if (listed(kWho, tokens[k].folded)) return true;
    // "attendees JO, MB, FT", "NK (covering)": a list's word before them, or who they are after.
    if (i > 0 && joined(t, tokens[i - 1], token) &&
        listed(std::array<std::string_view, 4>{"attendees", "present", "apologies", "cc"}, tokens[i - 1].folded))
        return true;
    if (i + 1 < tokens.size() && t.substr(token.end, 2) == " (" && listed(kWho, tokens[i + 1].folded)) return true;
    // "Action: JO to request the file; MB to draft", "HL to chase.": an action's owner.
    if (t.substr(token.end).starts_with(" to ") && i + 2 < tokens.size() && tokens[i + 2].shape == Shape::lower &&
        entry_starts_at(t, token.begin))
        return true;
    // "KW took me aside", "LB reminded the team": a verb in the past after them.
    if (past_verb_after(t, tokens, i)) return true;
    // "Refer to DJ for safeguarding", "passed to HM": whom a case goes to.
    static constexpr auto kPassedTo = std::to_array<std::string_view>(
        {"refer", "referred", "pass", "passed", "escalate", "escalated", "spoke", "speak", "sent", "send", "emailed",
         "forwarded", "handed", "reported", "allocated", "assigned", "transferred", "reallocated", "talked"});
    if (i >= 2 && tokens[i - 1].folded == "to" && joined(t, tokens[i - 1], token) &&
        joined(t, tokens[i - 2], tokens[i - 1]) && listed(kPassedTo, tokens[i - 2].folded))
        return true;
    // "12/05/14 - KW - Cl attended", "04/07/13 MH - Cl attended", "Case note 14.1.14 LB:": who
    // wrote a note's line.
    const auto rest = t.substr(token.end);
    if (rest.starts_with(" - ") || rest.starts_with(" \u2013 ") || rest.starts_with(":")) {
        auto back = token.begin;
        while (back > 0 && t[back - 1] == ' ') --back;
        if (back > 0 && (is_digit(t[back - 1]) || t[back - 1] == '-' || t[back - 1] == ',')) return true;
        if (back >= 3 && t.substr(back - 3, 3) == "\u2013") return true;  // "16/08/2022 – HG – Ptp appears"
        // "Actions: OJ – letter to JCP; SB – staff rota": an action's owner, at an entry's start.
        if (!rest.starts_with(":") && entry_starts_at(t, token.begin)) return true;
    }
    // "PK's cases", "RE's GP letter": initials that own something are a person.
    if (rest.starts_with("'s ") || rest.starts_with("\u2019s ")) return true;
    // "payslip x3 – verified CT /", "checked JB.": a check signed at the end of a line.
    if (i > 0 && joined(t, tokens[i - 1], token) && token.end == token.word_end &&
        listed(std::array<std::string_view, 6>{"verified", "checked", "signed", "approved", "seen", "countersigned"},
               tokens[i - 1].folded) &&
        (rest.empty() || rest.starts_with(" /") || rest.starts_with(".") || rest.starts_with(",") || rest.starts_with(";")))
        return true;
    // "AK (DOB 15/08/1985)": a date of birth makes a person of them.
    if (t.substr(token.end).starts_with(" (DOB") || t.substr(token.end).starts_with(" (dob") ||
        t.substr(token.end).starts_with(" (D.O.B"))
        return true;
    // "Minutes taken by KW", "Approved by JT": who wrote or signed.
    static constexpr std::array<std::string_view, 12> kDoneBy{"taken",  "written", "signed", "approved", "authorised",
                                                              "checked", "noted",  "recorded", "reviewed", "completed",
                                                              "prepared", "seen"};
    // "Verified by HM", "submitted by PS", "told by KT": any verb in the past before "by".
    if (i >= 2 && tokens[i - 1].folded == "by" && joined(t, tokens[i - 1], token) &&
        joined(t, tokens[i - 2], tokens[i - 1]) &&
        (listed(kDoneBy, tokens[i - 2].folded) || tokens[i - 2].folded == "told" ||
         (tokens[i - 2].folded.size() >= 5 && tokens[i - 2].folded.ends_with("ed"))))
        return true;
    // Beside a capitalised first name in a list: "KW, Dave R".
    const auto beside = [&](std::size_t a, std::size_t b) {
        const auto gap = t.substr(tokens[a].word_end, tokens[b].begin - tokens[a].word_end);
        const auto& other = tokens[a == i ? b : a];
        return (gap == ", " || gap == " and ") && other.shape == Shape::capitalised && other.kind == Class::name &&
               is_first_name(other.folded);
    };
    return (i + 1 < tokens.size() && beside(i, i + 1)) || (i > 0 && beside(i - 1, i));
}

}  // namespace

// First pass: a cue beside the word. Second: a name in a list beside another ("me, shaz and
// kev", "callum and kirsty"). `named` marks tokens already part of a name.
void find_lower_case_names(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    auto tokens = tokenise(t);
    mark_public(tokens, public_names);
    std::vector<bool> named(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        const bool relation = after_relation(t, tokens, i);
        if (initials(t, tokens, i, relation)) {
            named[i] = true;
            continue;
        }
        const auto follows = person_follows(t, tokens, i);
        // "auntie may", "june at lewisham jobcentre", "May on reception": a month that is also a
        // first name, after a relation or before where someone works, and no "in" or "since" before.
        if (month_named(t, tokens, i, relation, follows == Follow::strong)) {
            named[i] = true;
            continue;
        }
        // "nnamdi asked", "tommo gave": a word in small letters that no list knows, before a verb
        // only a person does, and no "the" or "a" before it.
        if (token.shape == Shape::lower && token.kind == Class::unknown && follows == Follow::weak &&
            token.end - token.begin >= 3 && !token.is_public && !is_english_word(token.folded) &&
            !listed(kWorkplaces, token.folded) && !listed(kNoteAcronyms, token.folded) &&
            !(i > 0 && listed(kDeterminers, tokens[i - 1].folded))) {
            named[i] = true;
            continue;
        }
        // A word no list knows before where someone works or who they are: "tunde my advisor at
        // reed", "i asked funmi at the jobcentre".
        // Only where a name may stand: a sentence's start, or after a verb of meeting or asking
        // ("the staff rota at the office", "my chemo at the BHOC" are things).
        const bool name_may_stand =
            token.sentence_start ||
            (i > 0 && joined(t, tokens[i - 1], token) &&
             listed(std::array<std::string_view, 16>{"asked", "told", "rang", "saw", "met", "with", "to", "and",
                                                     "ask", "tell", "call", "called", "phoned", "emailed", "by", "thanks"},
                    tokens[i - 1].folded));
        const bool unknown_works = token.kind == Class::unknown && follows == Follow::strong &&
                                   token.shape == Shape::lower && name_may_stand;
        if (!candidate(token, relation || unknown_works)) continue;
        // A name that is also a word ("pat", "will") needs more: a relation and a phrase that
        // goes on as a person's, or a strong cue at the start of a sentence.
        if (token.kind == Class::first_and_word || token.kind == Class::unknown) {
            named[i] = (relation && (phrase_or_person_after(t, tokens, i) || after_label(t, tokens, i))) ||
                       (token.sentence_start && follows == Follow::strong) || unknown_works;
            // "rob said", "joy rang": a common first name the word list also writes with a capital
            // ("Rob", "Joy"; not "had", "even"), before a verb only a person does, and no "the",
            // "a" or "will" before it.
            const bool determiner =
                i > 0 && (listed(kDeterminers, tokens[i - 1].folded) || listed(kModals, tokens[i - 1].folded));
            const bool name_like = token.kind == Class::first_and_word && is_first_name(token.folded) &&
                                   is_proper_noun(token.folded) && !listed(kNotNames, token.folded);
            if (follows == Follow::weak && name_like && !determiner && token.shape == Shape::lower) named[i] = true;
        } else if (token.kind == Class::name_and_place) {  // "dundee", "derby": a town unless it is plain
            named[i] = relation || follows == Follow::strong;
        } else {
            named[i] = relation || follows != Follow::none || plain_name_goes_on_as_person(t, tokens, i);
        }
    }
    // The token beside i in a list ("shaz, kev", "callum and kirsty", "me & dawn"), if any.
    const auto neighbour = [&](std::size_t i, int step) -> std::optional<std::size_t> {
        const auto a = step > 0 ? i : i - 1;  // the gap is after tokens[a]
        if ((step < 0 && i == 0) || a + 1 >= tokens.size()) return std::nullopt;
        const auto gap = t.substr(tokens[a].word_end, tokens[a + 1].begin - tokens[a].word_end);
        if (gap == ", ") return a + 1 == i ? a : a + 1;
        const bool joint = gap == " " && (tokens[a + 1].folded == "and" || tokens[a + 1].folded == "n");
        const bool joint_before = gap == " " && (tokens[a].folded == "and" || tokens[a].folded == "n");
        if (step > 0 && joint && a + 2 < tokens.size() && joined(t, tokens[a + 1], tokens[a + 2])) return a + 2;
        if (step < 0 && joint_before && a >= 1 && joined(t, tokens[a - 1], tokens[a])) return a - 1;
        if (gap == " & " || gap == " and ") return a + 1 == i ? a : a + 1;
        return std::nullopt;
    };
    // Beside a name (or, for a name from the lists, beside "me").
    const auto listed_with = [&](std::size_t i, std::optional<std::size_t> j) {
        if (!j) return false;
        const bool name_there = named[*j] || (tokens[*j].kind == Class::name && tokens[*j].shape == Shape::lower);
        return name_there || (tokens[i].kind != Class::unknown && tokens[*j].folded == "me");
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        if (named[i] || token.kind == Class::first_and_word || !candidate(token, token.kind == Class::unknown))
            continue;
        if (listed_with(i, neighbour(i, 1)) || listed_with(i, neighbour(i, -1))) named[i] = true;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (named[i]) out.push_back({tokens[i].begin, tokens[i].end, Kind::staff_name, "[name]"});
    }
}

}  // namespace pw::redaction::detail
