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
#include "core/redaction/name_tokens.hpp"
#include "core/redaction/name_words.hpp"
#include "core/redaction/public_names.hpp"
#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

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
    // "Claimant: Precious Mutasa": a name the curated list holds, though a word too, before a surname.
    return token.kind == Class::name || token.kind == Class::unknown || !token.sentence_start ||
           (token.kind == Class::surname_and_word && is_curated_name(token.folded) && is_person_name(token.folded) &&
            !listed(kNotNames, token.folded));
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

constexpr std::array<std::string_view, 4> kWorkplacePrepositions{"at", "in", "on", "from"};

// "Summer at the front desk", "Ruby in reception", "Kerry from Seetec": where someone works
// after "at", "in", "on" or "from" ("Faith in the system", "Pat on the back" are words).
bool workplace_after(std::string_view t, const std::vector<Token>& tokens, std::size_t k) {
    static constexpr std::array<std::string_view, 21> kWork{
        "desk",   "reception", "front",  "office", "jobcentre", "jcp",      "counter",     "door",     "phone",
        "centre", "branch",    "team",   "job",    "club",      "work",     "helpline",    "switchboard", "security",
        "council", "library",  "service"};
    // Within four words of one phrase: "at the Leeds office", "from the welfare rights team".
    for (std::size_t n = 0; k < tokens.size() && n < 4; ++k, ++n) {
        if (tokens[k].is_public || listed(kWork, tokens[k].folded)) return true;
        if (k + 1 < tokens.size() && !joined(t, tokens[k], tokens[k + 1])) return false;
    }
    return false;
}

bool followed_as_person(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    const auto& next = tokens[i + 1];
    const auto gap = t.substr(token.end, next.begin - token.end);
    // "Miles, my caseworker", "Ruby, who": a comma and words in small letters, not a list of
    // capitals or a date ("Red, Amber, Green", "Whistleblower, September 3rd").
    if (token.end == token.word_end && gap.starts_with(',')) return next.shape == Shape::lower || next.folded == "i";
    if (gap != " " || next.shape != Shape::lower || !listed(kAfterPerson, next.folded)) return false;
    if (next.folded == "at" || next.folded == "in" || next.folded == "on" || next.folded == "from")
        return workplace_after(t, tokens, i + 2);
    // "Summer and Joy", "Pete and me", not "Holly and ivy", "Miles and miles".
    if (next.folded == "and")
        return i + 2 < tokens.size() &&
               (capital(tokens[i + 2]) || tokens[i + 2].folded == "me" || tokens[i + 2].folded == "i");
    return true;
}

// "Tony the supervisor", "Frank my advisor", "Summer (my daughter)": a job or a relation after
// the word, with "the", "my" or an opening bracket between.
bool job_follows(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 2 >= tokens.size() || tokens[i].end != tokens[i].word_end) return false;
    const auto gap = t.substr(tokens[i].word_end, tokens[i + 1].begin - tokens[i].word_end);
    static constexpr std::array<std::string_view, 6> kOwners{"the", "my", "our", "his", "her", "new"};
    if (gap == " (") {
        for (std::size_t k = i + 1; k < tokens.size() && k <= i + 3; ++k)
            if (is_job_or_relation(tokens[k].folded)) return true;
        return false;
    }
    if (gap != " " || !listed(kOwners, tokens[i + 1].folded) || !joined(t, tokens[i + 1], tokens[i + 2])) return false;
    if (is_job_or_relation(tokens[i + 2].folded)) return true;
    // "the new adviser", "my support worker": one word between.
    return i + 3 < tokens.size() && joined(t, tokens[i + 2], tokens[i + 3]) && tokens[i + 2].shape == Shape::lower &&
           is_job_or_relation(tokens[i + 3].folded);
}

// "Leeds, Bradford and Wakefield": a town in a list beside another town.
bool listed_with_places(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    // A town that is no first name ("Leeds"): "Victoria and Hope" are two people.
    const auto place = [](const Token& token) {
        return capital(token) && is_place(token.folded) && !is_first_name(token.folded);
    };
    const auto gap = [&](std::size_t a) { return t.substr(tokens[a].word_end, tokens[a + 1].begin - tokens[a].word_end); };
    const auto list_gap = [](std::string_view g) { return g == ", " || g == " & " || g == "/"; };
    if (i > 0 && tokens[i - 1].end == tokens[i - 1].word_end && list_gap(gap(i - 1)) && place(tokens[i - 1]))
        return true;
    if (i >= 2 && tokens[i - 1].folded == "and" && gap(i - 1) == " " && gap(i - 2) == " " && place(tokens[i - 2]))
        return true;
    if (i + 1 < tokens.size() && tokens[i].end == tokens[i].word_end && list_gap(gap(i)) && place(tokens[i + 1]))
        return true;
    return i + 2 < tokens.size() && tokens[i + 1].folded == "and" && gap(i) == " " && gap(i + 1) == " " &&
           place(tokens[i + 2]);
}

// "C. Beaumont", "J. Preston": an initial before makes a person of a town.
bool after_initial(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    return i > 0 && tokens[i - 1].shape == Shape::initial && tokens[i - 1].kind != Class::never &&
           tokens[i - 1].folded != "a" && t.substr(tokens[i - 1].word_end, 1) == "." && joined(t, tokens[i - 1], tokens[i]);
}

// "Come to Bradford", "moved to Leeds": "to" after a word of going, where a town is meant.
bool after_going_to(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    static constexpr std::array<std::string_view, 22> kGoing{
        "come",  "came",   "coming", "go",      "goes",       "going",  "went",   "gone",
        "move",  "moved",  "moving", "travel",  "travelled",  "drive",  "drove",  "commute",
        "relocated", "sent", "back",  "bus",     "train",      "way"};
    return i >= 2 && tokens[i - 1].folded == "to" && joined(t, tokens[i - 1], tokens[i]) &&
           joined(t, tokens[i - 2], tokens[i - 1]) && listed(kGoing, tokens[i - 2].folded);
}

// "Ingeus Leicester", "Seetec, Southend": after an organisation the site knows, a town. With a
// comma between, only a word the lists know as a town: "at Seetec, Efua was kind" is a person.
bool after_organisation(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || tokens[i - 1].end != tokens[i - 1].word_end) return false;
    const auto gap = t.substr(tokens[i - 1].word_end, tokens[i].begin - tokens[i - 1].word_end);
    const auto& before = tokens[i - 1];
    if (!before.is_public || !capital(before)) return false;
    if (gap == " ") return true;
    // With a comma, a town the lists know, or a word closing the phrase: "Jobcentre Plus,
    // Shettleston" (but "at Seetec, Efua was kind").
    const auto end = tokens[i].word_end;
    const bool closes = end == t.size() || t[end] == '.' || t[end] == ',' || t[end] == ';' || t[end] == ')' ||
                        t[end] == '\n';
    return gap == ", " && (is_place(tokens[i].folded) || (closes && tokens[i].kind == Class::unknown));
}

// "Heol y Wern", "Lôn y Felin", "Tŷ Gwyn": a word after a Welsh street's or house's first word
// (and "y" or "yr") is part of the address.
// "Tŷ", "Lôn" with their circumflex, never "Ty Walker" or "Lon": Welsh words, not given names.
bool welsh_place_word(std::string_view t, const Token& token) {
    if (!capital(token) || !listed(kWelshPlaceWords, token.folded)) return false;
    if (token.folded != "ty" && token.folded != "lon") return true;
    const auto word = t.substr(token.begin, token.end - token.begin);
    return word == "T\u0177" || word == "L\u00F4n";
}

bool in_welsh_address(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (welsh_place_word(t, tokens[i])) return true;
    // Back over up to three words ("Ysgol Gymraeg Bro Morgannwg", "Ysgol Glan Taf", "Heol y Wern").
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
        const auto& before = tokens[i - back];
        if (!joined(t, before, tokens[i - back + 1])) return false;
        if (welsh_place_word(t, before)) return true;
        if (!capital(before) && before.folded != "y" && before.folded != "yr") return false;
    }
    return false;
}

// "St Mark's", "St. Luke's church": a saint, not a person the site protects.
bool after_saint(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || tokens[i - 1].end != tokens[i - 1].word_end || tokens[i - 1].shape != Shape::capitalised) return false;
    const auto gap = t.substr(tokens[i - 1].word_end, tokens[i].begin - tokens[i - 1].word_end);
    return (tokens[i - 1].folded == "st" || tokens[i - 1].folded == "saint") && (gap == " " || gap == ". ");
}

// Where a town is meant, whatever the lists say: "in Cardiff", "Leeds, Bradford and Wakefield",
// "Come to Bradford", "Ingeus Leicester".
bool where_a_place_is_meant(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    return after_place_preposition(t, tokens, i) || listed_with_places(t, tokens, i) || after_going_to(t, tokens, i) ||
           after_organisation(t, tokens, i);
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
    const bool person_follows =
        (i + 1 < tokens.size() && followed_as_person(t, tokens, i)) || job_follows(t, tokens, i);
    const bool person_acts =
        (i + 1 < tokens.size() && person_verb_follows(t, token, tokens[i + 1])) || job_follows(t, tokens, i) ||
        after_initial(t, tokens, i);
    // "the mother of Connor, who is twenty": "who" after it makes a person of a town.
    const bool who_follows = i + 1 < tokens.size() && tokens[i + 1].folded == "who" &&
                             (t.substr(token.word_end, tokens[i + 1].begin - token.word_end) == ", " ||
                              t.substr(token.word_end, tokens[i + 1].begin - token.word_end) == " ");
    if (first_name_town)
        return next_name || who_follows || (!where_a_place_is_meant(t, tokens, i) && (person_follows || person_acts));
    // Any other town ("Cardiff said", "in Cardiff"): a person only with a name beside it, or a
    // person's verb where no town is meant.
    if (token.kind == Class::name_and_place && is_place(token.folded))
        return next_name || (!where_a_place_is_meant(t, tokens, i) && person_acts);
    // A name the curated list holds that is also a word, a proper noun and no first name in the
    // short lists ("Summer", "Mo") opens a sentence as a first name does: "Summer at the front
    // desk".
    const bool named_word = token.kind == Class::surname_and_word && is_curated_name(token.folded) &&
                            is_proper_noun(token.folded) && token.sentence_start;
    if (named_word) return next_name || person_follows || person_acts;
    // "The latest one, Summer, didn't even know": between commas after a word, and a verb after.
    if (token.kind == Class::surname_and_word && is_curated_name(token.folded) && is_proper_noun(token.folded) && i > 0 &&
        i + 1 < tokens.size() && t.substr(tokens[i - 1].word_end, token.begin - tokens[i - 1].word_end) == ", " &&
        t.substr(token.word_end, tokens[i + 1].begin - token.word_end) == ", " &&
        (listed(kPersonVerbs, tokens[i + 1].folded) ||
         listed(std::array<std::string_view, 8>{"was", "is", "has", "had", "did", "never", "always", "who"},
                tokens[i + 1].folded)))
        return true;
    // Any other name that is also a place or a proper noun ("Sian", "Essex") needs a name beside
    // it, or a verb only a person does; a proper noun that is no place may be followed as a
    // person is ("Siân from Shaw Trust").
    // A short name the curated list holds that is also a word ("Mo", "Cy") counts as a first name
    // that is a word: inside a sentence its capital means the name ("asked by Mo to raise").
    const bool short_name = token.kind == Class::surname_and_word && token.end - token.begin <= 3 &&
                            is_curated_name(token.folded) && is_proper_noun(token.folded) &&
                            !listed(kNotNames, token.folded);
    if (token.kind != Class::first_and_word && !short_name)
        return next_name || person_acts ||
               (token.kind == Class::name_and_place && !is_place(token.folded) && person_follows);
    // "Summer at the front desk", "Joy was the only adviser", but "Will you", "Mark my words".
    if (token.sentence_start) return next_name || person_follows || person_acts;
    // "the Metro", "a Bell": a determiner makes a word of it ("that" is mostly a conjunction:
    // "I'll add that Mark did").
    if (i > 0 && tokens[i - 1].end == tokens[i - 1].word_end && listed(kDeterminers, tokens[i - 1].folded) &&
        tokens[i - 1].folded != "that")
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

// "the Peckham office", "at Lewisham jobcentre": one word after "the", "at", "in" or "from" and
// before a word for a place is the place, unless a job follows ("the Dave area manager" is not
// a thing, but "Dave Jones area manager" is a person).
bool before_place_noun(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    static constexpr std::array<std::string_view, 10> kPlaceNouns{"office",  "offices", "branch",  "jobcentre", "area",
                                                                  "library", "market",  "station", "jcp",       "estate"};
    static constexpr std::array<std::string_view, 5> kBefore{"the", "at", "in", "from", "near"};
    static constexpr std::array<std::string_view, 10> kJobs{"manager", "lead",   "officer", "coordinator", "volunteer",
                                                            "staff",   "worker", "adviser", "advisor",     "head"};
    if (i + 1 >= tokens.size() || !joined(t, tokens[i], tokens[i + 1]) || tokens[i].end != tokens[i].word_end)
        return false;
    // "Leith jobcentre, EH6 7BQ": at a sentence's start too.
    if (tokens[i].sentence_start && tokens[i].shape == Shape::capitalised && !is_first_name(tokens[i].folded)) {
        static constexpr std::array<std::string_view, 4> kOffices{"jobcentre", "jcp", "office", "branch"};
        if (listed(kOffices, tokens[i + 1].folded)) return true;
    }
    if (i == 0 || !joined(t, tokens[i - 1], tokens[i])) return false;
    // "the Moss Side office": two capitalised words before the place's noun, or one.
    std::size_t noun = i + 1;
    if (capital(tokens[noun]) && noun + 1 < tokens.size() && joined(t, tokens[noun], tokens[noun + 1]) &&
        tokens[noun].end == tokens[noun].word_end)
        ++noun;
    const bool before = listed(kBefore, tokens[i - 1].folded) ||
                        (noun == i + 1 && i >= 2 && capital(tokens[i - 1]) && joined(t, tokens[i - 2], tokens[i - 1]) &&
                         listed(kBefore, tokens[i - 2].folded));
    if (!before || !listed(kPlaceNouns, tokens[noun].folded)) return false;
    return noun + 1 >= tokens.size() || !joined(t, tokens[noun], tokens[noun + 1]) || !listed(kJobs, tokens[noun + 1].folded);
}

bool unknown_is_name(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (where_a_place_is_meant(t, tokens, i) || before_place_noun(t, tokens, i) ||
        camel_case(t.substr(token.begin, token.end - token.begin)))
        return false;
    const auto title_word = [&](const Token& other) {
        return capital(other) && (other.kind == Class::word || other.kind == Class::never || other.is_public);
    };
    if (i > 0 && joined(t, tokens[i - 1], token) && title_word(tokens[i - 1])) return false;
    if (i + 1 < tokens.size() && joined(t, token, tokens[i + 1]) && title_word(tokens[i + 1])) return false;
    if (token.sentence_start) {
        return i + 1 < tokens.size() &&
               (followed_as_person(t, tokens, i) || person_verb_follows(t, token, tokens[i + 1]));
    }
    return true;
}

// "in Jan 2023", "Aug 14": a month cut short before a year or a day.
bool month_before_year(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    static constexpr std::array<std::string_view, 11> kShort{"jan", "feb", "apr", "jun", "jul", "aug",
                                                             "sep", "sept", "oct", "nov", "dec"};
    const auto& token = tokens[i];
    if (!listed(kShort, token.folded)) return false;
    auto at = token.word_end;
    if (at < t.size() && t[at] == '.') ++at;
    return at + 1 < t.size() && t[at] == ' ' && is_digit(t[at + 1]);
}

bool well_known(const Token& token) {
    const auto& folded = token.folded;
    return folded.find('-') == std::string::npos && (is_first_name(folded) || is_curated_name(folded));
}

// "the Headrow", "the Arndale", "in Byker": a word the lists hold only as a surname, or none
// holds, after "the" or after "in", "near" and the like is a place. Not a first name ("the Dave
// I knew" is rare), not one with a name after it, and not one that owns something ("in Nowak's car").
bool place_not_person(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (token.shape != Shape::capitalised || i == 0) return false;
    if (!joined(t, tokens[i - 1], token) && !(tokens[i - 1].end == tokens[i - 1].word_end &&
                                              t.substr(tokens[i - 1].word_end, token.begin - tokens[i - 1].word_end) == ", "))
        return false;
    // "Helen Street, Govan": a district after a street, any word but a first name.
    const auto gap = t.substr(tokens[i - 1].word_end, token.begin - tokens[i - 1].word_end);
    if (capital(tokens[i - 1]) && listed(kStreetWords, tokens[i - 1].folded) && gap == ", " &&
        !is_first_name(token.folded) && token.end == token.word_end)
        return true;
    // Only a word no list knows or only the long list holds; after "in", any surname ("in Govan",
    // "in Leith"), but "lives near Okonkwo" is a person.
    const bool after_in = tokens[i - 1].folded == "in";
    if (token.kind != Class::unknown &&
        (token.kind != Class::name || is_first_name(token.folded) || (!after_in && is_curated_name(token.folded))))
        return false;
    if (token.end != token.word_end) return false;  // "Nowak's"
    if (i + 1 < tokens.size() && joined(t, token, tokens[i + 1]) && can_join(tokens[i + 1])) return false;
    // "the Kowalski family", "the Obi twins": people.
    static constexpr std::array<std::string_view, 6> kKin{"family", "families", "household", "twins", "brothers", "sisters"};
    if (i + 1 < tokens.size() && (listed(kKin, tokens[i + 1].folded) || is_job_or_relation(tokens[i + 1].folded)))
        return false;
    static constexpr std::array<std::string_view, 7> kIn{"the", "in", "near", "around", "outside", "towards", "through"};
    const bool one_space = joined(t, tokens[i - 1], token);
    if (one_space && listed(kIn, tokens[i - 1].folded) && tokens[i - 1].shape == Shape::lower) return true;
    // "on Newsnight", "on Briggate": a word no list knows after "on".
    if (one_space && tokens[i - 1].folded == "on" && token.kind == Class::unknown) return true;
    // "Newport Pagnell": a town joined to it.
    return capital(tokens[i - 1]) && tokens[i - 1].kind == Class::name_and_place && is_place(tokens[i - 1].folded) &&
           !is_first_name(tokens[i - 1].folded) && gap == " ";
}

bool starts_name(std::string_view t, const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (token.is_public || after_saint(t, tokens, i) || in_welsh_address(t, tokens, i) || place_not_person(t, tokens, i))
        return false;
    switch (token.kind) {
        case Class::name:
            // "Reed Govan": a surname after a provider is its office's district; "Jan 2023" a month.
            if (token.shape == Shape::capitalised && !is_first_name(token.folded) && after_organisation(t, tokens, i))
                return false;
            if (month_before_year(t, tokens, i)) return false;
            if (token.shape == Shape::capitalised) return true;
            // In small letters only a name from the first-name or curated lists: the long list
            // holds words ("telly").
            // Not a relation the lists also hold as a name ("my nana").
            // Nor one after "the" or "a": "taking the mick".
            if (token.shape == Shape::lower)
                return token.end - token.begin >= 3 && well_known(token) && !is_job_or_relation(token.folded) &&
                       !is_modern_word(token.folded) &&
                       !(i > 0 && (tokens[i - 1].folded == "the" || tokens[i - 1].folded == "a"));
            // In capitals ("DAVID O'CONNOR" in a pasted letter) only a well-known name, beside
            // other capitals: alone in a sentence it is an abbreviation ("my SIA licence").
            if (token.shape != Shape::upper || token.end - token.begin < 3 || !well_known(token)) return false;
            return (i > 0 && (tokens[i - 1].shape == Shape::upper || tokens[i - 1].shape == Shape::initial) &&
                    joined(t, tokens[i - 1], token)) ||
                   (i + 1 < tokens.size() && tokens[i + 1].shape == Shape::upper && joined(t, token, tokens[i + 1]));
        case Class::first_and_word:
            return ambiguous_is_name(t, tokens, i);
        case Class::name_and_place:
            // A town that is no first name opens no name ("Newport Pagnell", "Cardiff said"); a
            // surname that is a town comes after a first name, which carries it on.
            if (is_place(token.folded) && !is_first_name(token.folded) && !after_initial(t, tokens, i)) return false;
            return ambiguous_is_name(t, tokens, i);
        case Class::surname_and_word:  // "Summer at the front desk", "Mo said"
            if (listed(kNotNames, token.folded)) return false;
            // "Shout out to Precious at the Reed office": inside a sentence, a capital and where
            // the person works after it.
            if (token.shape == Shape::capitalised && !token.sentence_start && i + 2 < tokens.size() &&
                is_curated_name(token.folded) && !is_job_or_relation(token.folded) &&
                listed(kWorkplacePrepositions, tokens[i + 1].folded) &&
                t.substr(token.word_end, tokens[i + 1].begin - token.word_end) == " " &&
                workplace_after(t, tokens, i + 2))
                return true;
            return is_curated_name(token.folded) && is_proper_noun(token.folded) && ambiguous_is_name(t, tokens, i);
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
    if ((first == last || last == first + 1) && before_place_noun(t, tokens, first)) return true;
    // An organisation's or a building's name does not open with a first name that is nothing else
    // ("Sarah Jones Team Leader", "Sarah Church", "Jenny Hall" are people; "Hope Church" is not).
    const bool person_first = is_first_name(fold_of(tokens[first])) && tokens[first].kind == Class::name;
    // "Hope Church", "St Mary's Chapel", "Jamia Mosque": a place of worship.
    static constexpr std::array<std::string_view, 7> kWorship{"church", "chapel",    "mosque", "temple",
                                                              "gurdwara", "cathedral", "abbey"};
    if (!person_first && first != last && listed(kWorship, fold_of(tokens[last]))) return true;
    if (!person_first && last + 1 < tokens.size() && joined(t, tokens[last], tokens[last + 1]) &&
        capital(tokens[last + 1]) && listed(kWorship, fold_of(tokens[last + 1])))
        return true;
    // An organisation: "Blakey Joinery", "Radford Advice Centre", "Hackney Welfare Rights", with
    // at most two more capitalised words before its last ("Sue Ryder Care" is public already).
    const bool person_opens = is_first_name(fold_of(tokens[first])) && tokens[first].kind == Class::name;
    if (!person_opens && last != first && listed(kOrganisationWords, fold_of(tokens[last]))) return true;
    for (std::size_t k = last + 1; !person_opens && k < tokens.size() && k <= last + 3 &&
                                   joined(t, tokens[k - 1], tokens[k]) && capital(tokens[k]) &&
                                   tokens[k - 1].end == tokens[k - 1].word_end;
         ++k) {
        if (listed(kOrganisationWords, fold_of(tokens[k]))) return true;
    }
    // "in Small Heath", "in Wester Hailes": two or more words after "in", none a first name's,
    // owning nothing ("in Dave Smith's car" is a person).
    if (first != last && first > 0 && tokens[first - 1].folded == "in" && joined(t, tokens[first - 1], tokens[first]) &&
        !is_first_name(fold_of(tokens[first])) && tokens[last].end == tokens[last].word_end)
        return true;
    // "the Royal Victoria", "Royal Glamorgan": a hospital or an institution.
    if (first > 0 && tokens[first - 1].folded == "royal" && capital(tokens[first - 1]) &&
        joined(t, tokens[first - 1], tokens[first]))
        return true;
    if (first != last && tokens[first].folded == "royal") return true;
    // "WP/COMP/2014/223": a part of a reference.
    if (first == last && tokens[first].shape == Shape::upper &&
        ((tokens[first].begin > 0 && t[tokens[first].begin - 1] == '/') ||
         (tokens[first].end < t.size() && t[tokens[first].end] == '/')))
        return true;
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
    // "Minister Mims Davies", "Our MP, Karen Doherty": a public role before. A "Secretary" only
    // of a department ("Work and Pensions Secretary Liz Kendall"), not a club's ("Secretary Jess").
    if (first > 0 && tokens[first - 1].end == tokens[first - 1].word_end) {
        const auto gap = t.substr(tokens[first - 1].word_end, tokens[first].begin - tokens[first - 1].word_end);
        const auto& role = fold_of(tokens[first - 1]);
        static constexpr std::array<std::string_view, 14> kDepartments{
            "state", "pensions", "home", "foreign", "health", "education", "justice", "defence", "transport",
            "treasury", "scotland", "wales", "ireland", "business"};
        const bool department = role != "secretary" ||
                                (first >= 2 && joined(t, tokens[first - 2], tokens[first - 1]) &&
                                 listed(kDepartments, fold_of(tokens[first - 2])));
        // "Our MP, Karen Doherty"; a comma after "minister" may be a church's.
        const bool spaced = gap == " " || (gap == ", " && role == "mp");
        if (spaced && listed(kPublicRoles, role) && department) return true;
    }
    return first != last && is_place(text::fold(t.substr(tokens[first].begin, tokens[last].end - tokens[first].begin)));
}

}  // namespace

void find_gazetteer_names(std::string_view t, const std::vector<ByteRange>& ranges, std::vector<Span>& out) {
    auto tokens = tokenise(t);
    mark_public(tokens, ranges);
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
        // "Big Dave", "Big Ally": a nickname's "Big" is part of it.
        if (first > done && first > 0 && tokens[first - 1].folded == "big" && tokens[first - 1].shape == Shape::capitalised &&
            joined(t, tokens[first - 1], tokens[first]))
            --first;
        // Forwards: surnames, with a particle between ("Siobhán Ní Bhriain").
        while (last + 1 < tokens.size() && tokens[last].end == tokens[last].word_end) {
            const auto& next = tokens[last + 1];
            // In capitals, capitals carry it on: "DAVID O'CONNOR".
            const bool shouted = tokens[i].shape == Shape::upper && next.shape == Shape::upper && !next.is_public &&
                                 (is_name_class(next.kind) || next.kind == Class::unknown);
            // A surname in capitals after a first name that is not: "John SMITH".
            const bool surname_shouted = tokens[last].shape == Shape::capitalised && next.shape == Shape::upper &&
                                         !next.is_public && next.end - next.begin >= 3 && is_name_class(next.kind) &&
                                         is_person_name(next.folded) && !is_shouted_word(next.folded);
            // "Cc: Neil Whitcombe Subject: ...": a word before a colon is a label, not a surname.
            const bool label = next.end == next.word_end && next.end < t.size() && t[next.end] == ':';
            if (joined(t, tokens[last], next) && (can_join(next) || shouted || surname_shouted) && next.kind != Class::never && !label) {
                ++last;
                continue;
            }
            // A particle first: "Seán Ó Murchú", whose "Ó" is no initial.
            if (last + 2 < tokens.size() && joined(t, tokens[last], next) && listed(kParticles, next.folded) &&
                joined(t, next, tokens[last + 2]) && can_join(tokens[last + 2])) {
                last += 2;
                continue;
            }
            // A surname's initial: "Dave R", "Claire D." (not "I", not "A").
            if (joined(t, tokens[last], next) && next.shape == Shape::initial && next.kind != Class::never &&
                next.folded != "a" && tokens[last].shape == Shape::capitalised) {
                last += 1;
                break;
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
