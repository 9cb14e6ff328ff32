// Named staff: "my adviser John Smith", "the manager called Dave", "my work coach, Sarah,",
// "Mr Khan". A name after a role phrase, or a surname after a title. Family and friends are
// not staff and are left alone (no role phrase, no title).
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

constexpr std::array<std::string_view, 13> kDeterminers{"my",    "the",  "an",   "a",   "our",     "his", "her",
                                                        "their", "this", "that", "new", "another", "your"};
constexpr auto kModifiers = std::to_array<std::string_view>(
    {"new",  "old",  "last",   "first",    "current", "previous", "personal", "employment", "senior", "assigned",
     "main", "lead", "office", "line",     "deputy",  "assistant", "area",    "team",       "site",   "branch",
     "centre", "regional", "operations"});
// Longest first, so "work coach" wins over "coach".
constexpr std::array<std::string_view, 21> kRoles{"employment adviser",
                                                  "employment advisor",
                                                  "personal adviser",
                                                  "personal advisor",
                                                  "decision maker",
                                                  "case manager",
                                                  "case worker",
                                                  "team leader",
                                                  "work coach",
                                                  "job coach",
                                                  "key worker",
                                                  "caseworker",
                                                  "keyworker",
                                                  "adviser",
                                                  "advisor",
                                                  "coach",
                                                  "manager",
                                                  "mentor",
                                                  "supervisor",
                                                  "tutor",
                                                  "trainer"};
constexpr std::array<std::string_view, 6> kTitles{"mrs", "mr", "ms", "miss", "mx", "dr"};
// After a title these are brands, products or public figures, not the people the site protects.
constexpr std::array<std::string_view, 22> kPublicAfterTitle{
    "Martens", "Pepper",   "Oetker", "Word",  "Excel",  "Office", "Teams",   "Outlook", "Paint",   "Access",  "Duncan",
    "McVey",   "Grayling", "Gauke",  "Crabb", "Coffey", "Sunak",  "Starmer", "Corbyn",  "Cameron", "Osborne", "Creasy"};
// Words that follow "called" or "named" without being a name: "the coach called me back".
constexpr auto kNotIntroduced = std::to_array<std::string_view>(
    {"me",   "him",  "her",   "them",  "us",   "you", "it",   "back",     "again",    "off",    "out",
     "up",   "in",   "on",    "to",    "at",   "and", "but",  "so",       "the",      "a",      "an",
     "my",   "his",  "their", "our",   "your", "its", "this", "that",     "for",      "with",   "from",
     "by",   "as",   "if",    "when",  "all",  "no",  "some", "everyone", "security", "police", "about"});

// Capitalised words that follow a role without being a name.
constexpr std::array<std::string_view, 60> kNotNamesAfterCue{
    "I",      "I'm",      "I've",   "I'd",   "Jobcentre", "JCP",  "DWP",    "Plus",    "The",       "And",
    "But",    "So",       "Then",   "When",  "If",        "At",   "On",     "In",      "To",        "For",
    "He",     "She",      "They",   "We",    "You",       "It",   "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Said", "Told",   "Was",     "Is",        "Has",
    "Her",    "His",      "My",     "Our",   "Their",     "Your", "This",   "That",    "There",     "Here",
    "What",   "Please",   "First",  "Last",  "Surname",   "Name", "Full",   "Forename", "Middle",   "Family"};

// Common first names, so that "my adviser john said" is caught although it is not capitalised.
constexpr std::array<std::string_view, 120> kFirstNames{
    "adam",   "aisha",  "alan",   "alex",     "ali",    "alice",  "amanda",   "amy",    "andrew",  "andy",    "angela",
    "anna",   "anne",   "ben",    "beth",     "bob",    "carl",   "carol",    "chris",  "claire",  "craig",   "dan",
    "daniel", "darren", "dave",   "david",    "dean",   "debbie", "donna",    "emily",  "emma",    "fatima",  "gary",
    "gemma",  "george", "graham", "hannah",   "helen",  "ian",    "jack",     "james",  "jane",    "janet",   "jason",
    "jay",    "jen",    "jenny",  "jo",       "joanne", "joe",    "john",     "jon",    "julie",   "karen",   "kate",
    "kelly",  "kevin",  "kim",    "laura",    "lee",    "linda",  "lisa",     "liz",    "louise",  "lucy",    "mark",
    "martin", "mary",   "matt",   "michelle", "mike",   "mo",     "mohammed", "nadia",  "natalie", "neil",    "nick",
    "nicola", "paul",   "pete",   "peter",    "phil",   "priya",  "rachel",   "raj",    "rebecca", "richard", "rob",
    "ryan",   "sam",    "sandra", "sarah",    "scott",  "sharon", "simon",    "sophie", "stacey",  "steve",   "stuart",
    "sue",    "susan",  "tom",    "tony",     "tracy",  "vicky",  "wayne",    "zoe",    "gareth",  "kerry",   "leanne",
    "shaun",  "tina",   "jade",   "kieran",   "lewis",  "gail",   "dawn",     "bev",    "pam",     "ahmed"};

// The word starting at i (letters of any script, apostrophes, hyphens).
std::string_view word_at(std::string_view t, std::size_t i) {
    std::size_t j = i;
    while (j < t.size()) {
        const auto n = name_char_at(t, j);
        if (n == 0) break;
        j += n;
    }
    return t.substr(i, j - i);
}

bool starts_upper(std::string_view w) {
    return !w.empty() && text::is_upper_letter(text::code_point_at(w, 0).value);
}

bool starts_lower(std::string_view w) {
    return !w.empty() && text::is_lower_letter(text::code_point_at(w, 0).value);
}

bool has_lower_after_first(std::string_view w) {
    for (std::size_t i = w.empty() ? 0 : text::code_point_at(w, 0).bytes; i < w.size();) {
        const auto c = text::code_point_at(w, i);
        if (text::is_lower_letter(c.value)) return true;
        i += c.bytes;
    }
    return false;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word, bool fold = true) {
    return std::ranges::any_of(list, [&](std::string_view w) { return fold ? equals_folded(w, word) : w == word; });
}

bool capitalised_name(std::string_view w) {
    return w.size() >= 2 && starts_upper(w) && has_lower_after_first(w) && !in(kNotNamesAfterCue, w, false);
}

// A name in capitals where a name is expected ("my adviser JOHN SMITH", "John SMITH"): a word of
// capitals that the name lists hold and that is no word people shout ("my adviser NEVER calls").
bool shouted_name(std::string_view w) {
    if (w.size() < 2 || has_lower_after_first(w) || !starts_upper(w)) return false;
    const auto folded = text::fold(w);
    if (is_shouted_word(folded) || in(kNotNamesAfterCue, w)) return false;
    return is_first_name(folded) || is_curated_name(folded) || (is_person_name(folded) && !is_english_word(folded));
}

std::size_t skip_spaces(std::string_view t, std::size_t i) {
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

// A role word (or two) starting at i; returns its end or npos.
std::size_t role_end(std::string_view t, std::size_t i) {
    for (auto role : kRoles) {
        if (i + role.size() <= t.size() && equals_folded(t.substr(i, role.size()), role) &&
            boundary_after(t, i + role.size())) {
            return i + role.size();
        }
    }
    return std::string_view::npos;
}

// One or two name words starting at i; returns the end or npos. After "called"/"named" a
// small-letter word is a name too.
std::size_t name_end(std::string_view t, std::size_t i, bool introduced) {
    const auto first = word_at(t, i);
    if (first.empty()) return std::string_view::npos;
    const bool is_name = capitalised_name(first) || shouted_name(first) ||
                         (introduced && first.size() >= 2 && starts_lower(first) && !in(kNotIntroduced, first)) ||
                         (starts_lower(first) && in(kFirstNames, first));
    if (!is_name) return std::string_view::npos;
    std::size_t end = i + first.size();
    while (end > i && (t[end - 1] == '\'' || t[end - 1] == '-')) --end;  // a closing quote is not the name
    if (t.substr(i, end - i).ends_with("'s")) end -= 2;                  // "Dave's" -> "Dave"
    // A second capitalised word is the surname: "John Smith", "John SMITH", "JOHN SMITH".
    if ((capitalised_name(first) || shouted_name(first)) && end < t.size() && t[end] == ' ') {
        const auto second = word_at(t, end + 1);
        if (capitalised_name(second) || shouted_name(second)) {
            end = end + 1 + second.size();
            if (t.substr(0, end).ends_with("'s")) end -= 2;
        }
    }
    return end;
}

void find_role_names(std::string_view t, std::vector<Span>& out) {
    std::size_t word_end = 0;  // each word read once, not again after each apostrophe: linear time
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i < word_end || !boundary_before(t, i) || !is_alpha(t[i])) continue;
        const auto determiner = word_at(t, i);
        word_end = i + determiner.size();
        if (!in(kDeterminers, determiner)) continue;
        std::size_t j = skip_spaces(t, i + determiner.size());
        if (j == i + determiner.size()) continue;
        if (in(kModifiers, word_at(t, j))) {
            const auto modifier_end = j + word_at(t, j).size();
            if (role_end(t, skip_spaces(t, modifier_end)) != std::string_view::npos) j = skip_spaces(t, modifier_end);
        }
        const auto role = role_end(t, j);
        if (role == std::string_view::npos) continue;
        std::size_t k = role;
        if (k < t.size() && t[k] == ',') ++k;
        k = skip_spaces(t, k);
        if (k == role) continue;  // the name must be a separate word
        bool introduced = false;
        for (std::string_view lead : {"called", "named"}) {
            if (equals_folded(word_at(t, k), lead)) {
                k = skip_spaces(t, k + lead.size());
                introduced = true;
            }
        }
        // "my work coach Mr Patel": the title belongs to the name; a title alone is no name.
        if (!introduced && in(kTitles, word_at(t, k))) {
            auto after = k + word_at(t, k).size();
            if (after < t.size() && t[after] == '.') ++after;
            if (after == t.size() || t[after] != ' ') continue;
            k = after + 1;
        }
        const auto end = name_end(t, k, introduced);
        if (end == std::string_view::npos) continue;
        out.push_back({i, end, Kind::staff_name});
        i = end - 1;
    }
}

void find_titled_names(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    std::size_t word_end = 0;  // each word read once, not again after each apostrophe: linear time
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i < word_end || !boundary_before(t, i) || !is_upper(t[i])) continue;
        const auto title = word_at(t, i);
        word_end = i + title.size();
        if (!in(kTitles, title)) continue;
        std::size_t j = i + title.size();
        if (j < t.size() && t[j] == '.') ++j;
        if (j >= t.size() || t[j] != ' ') continue;
        // "MRS BRENNAN": in capitals after a title in capitals.
        const auto surname = word_at(t, j + 1);
        const bool shouting = title.size() >= 2 && std::ranges::all_of(title, is_upper) && surname.size() >= 2 &&
                              std::ranges::all_of(surname, [](char c) { return is_upper(c) || c == '\'' || c == '-'; });
        if (in(kPublicAfterTitle, surname, false)) continue;
        // "Mr van der Merwe", "Mrs de Souza": particles in small letters before the surname.
        static constexpr std::array<std::string_view, 10> kParticlesAfterTitle{"van", "von", "de",  "der", "den",
                                                                               "da",  "di",  "du",  "la",  "le"};
        std::size_t at = j + 1;
        for (int n = 0; n < 2 && in(kParticlesAfterTitle, word_at(t, at), false); ++n) {
            const auto next = at + word_at(t, at).size();
            if (next + 1 >= t.size() || t[next] != ' ') break;
            at = next + 1;
        }
        if (at != j + 1 && capitalised_name(word_at(t, at))) {
            const auto end = name_end(t, at, false);
            if (member_follows(t, end) || within(public_names, i, end)) continue;
            out.push_back({i, end, Kind::staff_name});
            i = end - 1;
            continue;
        }
        auto end = shouting ? j + 1 + surname.size() : name_end(t, j + 1, false);
        // "DEAR MS GRACE ABERNETHY-OKONJO,": in capitals, up to two more words in capitals.
        for (int more = 0; shouting && more < 2 && end + 2 < t.size() && t[end] == ' '; ++more) {
            const auto next = word_at(t, end + 1);
            if (next.size() < 2 ||
                !std::ranges::all_of(next, [](char c) { return is_upper(c) || c == '\'' || c == '-'; }) ||
                in(kNotNamesAfterCue, next))
                break;
            end += 1 + next.size();
        }
        if (end == std::string_view::npos || (!shouting && !capitalised_name(surname))) continue;
        if (member_follows(t, end)) continue;  // "Dear Mr Lavery MP": a member of parliament
        if (within(public_names, i, end)) continue;  // "Dear Mr Flynn, I am a constituent"
        out.push_back({i, end, Kind::staff_name});
        i = end - 1;
    }
}

// Words after which a capitalised word is a person's name, kept in the text while the name
// becomes "[name]": family and friends, "spoke to", a letter's sign-off, a form's name field.
constexpr std::array<std::string_view, 6> kKinOwners{"my", "me", "our", "his", "her", "their"};
constexpr std::array<std::string_view, 40> kKin{
    "mum",       "mam",        "mom",   "mother",   "dad",       "father",     "sister", "brother",
    "son",       "daughter",   "lad",   "wife",     "husband",   "partner",    "friend", "mate",
    "neighbour", "cousin",     "aunt",  "auntie",   "uncle",     "nan",        "nana",   "gran",
    "grandad",   "grandma",    "niece", "nephew",   "boyfriend", "girlfriend", "fiance", "fiancee",
    "carer",     "daughter's", "son's", "sister's", "kids",      "girl",       "boy",    "stepdad"};
constexpr std::array<std::string_view, 18> kLeadIns{
    "spoke to",   "speak to",     "speaking to",  "talked to",   "talking to",  "asked for", "ask for", "asking for",
    "my name is", "his name was", "her name was", "his name is", "her name is", "name was",  "name is", "dealt with",
    "signed by",  "signed"};
constexpr std::array<std::string_view, 13> kSignOffs{
    "kind regards",    "best regards",     "warm regards", "regards",     "many thanks", "thanks", "thank you",
    "yours sincerely", "yours faithfully", "sincerely",    "best wishes", "cheers",      "love"};
constexpr std::array<std::string_view, 14> kFields{"full name:", "name:",      "signed:",    "signature:", "sign:",
                                                   "contact:",   "surname:",   "forenames:", "forename:",  "surname",
                                                   "forenames",  "forename",   "first name", "last name"};

// A phrase from list at i, any case, ending at a word boundary; returns its end or npos.
template <std::size_t N>
std::size_t phrase_end(std::string_view t, std::size_t i, const std::array<std::string_view, N>& list) {
    for (auto phrase : list) {
        if (i + phrase.size() <= t.size() && equals_folded(t.substr(i, phrase.size()), phrase) &&
            (phrase.back() == ':' || boundary_after(t, i + phrase.size()))) {
            return i + phrase.size();
        }
    }
    return std::string_view::npos;
}

// A name after a cue: "Rhiannon", "F. Farrell", "J Smith", "Stuart Baird"; npos if none.
std::size_t cued_name_end(std::string_view t, std::size_t k) {
    if (k + 2 < t.size() && is_upper(t[k]) && !is_alnum(t[k + 1])) {  // an initial
        std::size_t j = k + 1;
        if (t[j] == '.') ++j;
        j = skip_spaces(t, j);
        if (j > k + 1 && capitalised_name(word_at(t, j))) return name_end(t, j, false);
    }
    const auto word = word_at(t, k);
    if (!capitalised_name(word) && !(starts_lower(word) && in(kFirstNames, word))) return std::string_view::npos;
    // A word never a name here opens none after a lead-in ("asked for Welsh language support").
    if (in_list(kNeverNames, text::fold(word))) return std::string_view::npos;
    return name_end(t, k, false);
}

void add_cued(std::string_view t, std::size_t k, const std::vector<ByteRange>& public_names, std::vector<Span>& out,
              std::size_t& i) {
    // "Contact: Mr A. Lindqvist": the title stays, the name after it goes.
    if (const auto title = word_at(t, k); in(kTitles, title)) {
        std::size_t after = k + title.size();
        if (after < t.size() && t[after] == '.') ++after;
        const auto name = skip_spaces(t, after);
        if (name > after) k = name;
    }
    const auto end = cued_name_end(t, k);
    if (end == std::string_view::npos) return;
    // "Kind regards, Restart Team": an organisation signs, not a person.
    const auto last_space = t.substr(k, end - k).rfind(' ');
    const auto last_word = t.substr(last_space == std::string_view::npos ? k : k + last_space + 1,
                                    last_space == std::string_view::npos ? end - k : end - k - last_space - 1);
    if (in_list(kOrganisationWords, text::fold(last_word))) return;
    // "Yours faithfully, Daniel Okoro MP": a public figure signs.
    if (within(public_names, k, end)) return;
    out.push_back({k, end, Kind::staff_name, "[name]"});
    i = end - 1;
}

void find_cued_names(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    const auto text_end = t.find_last_not_of(" .!x\r\n");  // the text's last letter, once, for linear time
    std::size_t word_end = 0;                     // a cue starts a word, not the part after its apostrophe or hyphen:
    for (std::size_t i = 0; i < t.size(); ++i) {  // each word is read once ("a'a'a'...", linear time)
        if (i < word_end || !boundary_before(t, i) || !is_alpha(t[i])) continue;
        std::size_t cue = std::string_view::npos;
        const auto owner = word_at(t, i);
        word_end = i + owner.size();
        if (in(kKinOwners, owner)) {
            const auto j = skip_spaces(t, i + owner.size());
            if (j > i + owner.size()) cue = phrase_end(t, j, kKin);
        }
        if (cue == std::string_view::npos) cue = phrase_end(t, i, kLeadIns);
        bool sign_off = false;
        if (cue == std::string_view::npos) {
            cue = phrase_end(t, i, kSignOffs);
            // A sign-off ends a letter: "Regards, Dave" or "Thanks - Dave", not "thanks to Dave"
            // or "love Dave's work". One word needs its comma or dash; "Kind regards Dave" not.
            if (cue != std::string_view::npos) {
                sign_off = true;
                const bool one_word = word_at(t, i).size() == cue - i;
                std::size_t j = cue;
                bool marked = false;
                if (j < t.size() && (t[j] == ',' || t[j] == '!' || t[j] == '.')) {
                    ++j;
                    marked = true;
                }
                j = skip_spaces(t, j);
                if (j < t.size() && t[j] == '-') {
                    j = skip_spaces(t, j + 1);
                    marked = true;
                }
                cue = j == cue || (one_word && !marked) ? std::string_view::npos : j;
                // "thank you. Her claim was...": after a full stop, the name must close the text.
                if (cue != std::string_view::npos && t[cue - 1] != ',' && t.substr(i, cue - i).find('.') != std::string_view::npos) {
                    const auto end = cued_name_end(t, cue);
                    if (end == std::string_view::npos || text_end == std::string_view::npos || end <= text_end)
                        cue = std::string_view::npos;
                }
            }
        }
        if (cue == std::string_view::npos) cue = phrase_end(t, i, kFields);
        if (cue == std::string_view::npos) continue;
        std::size_t k = cue;
        if (!sign_off && k < t.size() && t[k] == ',') ++k;
        k = skip_spaces(t, k);
        if (k == cue && !sign_off) continue;
        add_cued(t, k, public_names, out, i);
    }
}

}  // namespace

std::size_t name_char_at(std::string_view t, std::size_t i) {
    if (t[i] == '\'' || t[i] == '-') return 1;
    if (is_alpha(t[i])) return 1;
    if (static_cast<unsigned char>(t[i]) < 0x80) return 0;
    const auto c = text::code_point_at(t, i);
    return text::is_letter(c.value) || c.value == U'\u2019' ? c.bytes : 0;
}

void find_staff_names(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    find_role_names(t, out);
    find_titled_names(t, public_names, out);
    find_cued_names(t, public_names, out);
}

}  // namespace pw::redaction::detail
