// Names people go by online and in notes: forum user names ("Mags_1972", "LeedsLad22", "posted
// by wiganlass", "sparkyjoe wrote:") and initials that sign a note ("File closed. KJ"). Social
// handles with an @ are obfuscated.cpp's.
#include <algorithm>
#include <array>
#include <string>

#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/public_names.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {

bool username_char(char c) {
    return is_alnum(c) || c == '_';
}

// "u/pennine_pete": a user of a forum by its own mark, before i.
bool reddit_at(std::string_view t, std::size_t i) {
    return i >= 2 && t.substr(i - 2, 2) == "u/" && boundary_before(t, i - 2);
}

// The run of letters, digits and underscores at i, if it stands alone: not inside an address,
// a path or a file name.
// With dotted, a dot and more may follow it ("nadia.k"), which the caller takes only after a cue.
std::string_view user_token_at(std::string_view t, std::size_t i, bool& dotted) {
    dotted = false;
    const bool reddit = reddit_at(t, i);
    if (i > 0 && !reddit && (username_char(t[i - 1]) || t[i - 1] == '@' || t[i - 1] == '/' || t[i - 1] == '.'))
        return {};
    std::size_t end = i;
    while (end < t.size() && (username_char(t[end]) || (reddit && t[end] == '-'))) ++end;
    if (end < t.size() && (t[end] == '@' || t[end] == '/')) return {};
    dotted = end + 1 < t.size() && t[end] == '.' && is_alnum(t[end + 1]);
    return t.substr(i, end - i);
}

// "Mags_1972", "Tomasz_W", "LeedsLad22": an underscore between letters or digits, or small
// letters ending in two or more digits. ("ESA50" and "WP08" are forms, in capitals.)
bool looks_like_username(std::string_view w) {
    if (w.size() < 3 || !is_alpha(w.front())) return false;
    const auto underscore = w.find('_');
    if (underscore != std::string_view::npos && underscore > 0 && underscore + 1 < w.size()) {
        // Not a field's name in an export ("adviser_code", "start_date"): words in small letters,
        // one of them a field's ("angry_claimant" and "jobless_dad" are people).
        static constexpr std::array<std::string_view, 22> kFieldWords{
            "date", "code", "id",     "status",  "type",    "ref",   "no",  "num",    "number", "count", "flag",
            "time", "day",  "raised", "outcome", "contact", "start", "end", "reason", "result", "total", "level"};
        bool field = false;
        std::size_t from = 0;
        for (;;) {
            const auto to = std::min(w.find('_', from), w.size());
            std::string part;
            for (auto k = from; k < to; ++k) part.push_back(is_lower(w[k]) ? w[k] : '#');
            if (part.size() < 2 || !is_english_word(part) || is_first_name(part)) return true;
            field = field || std::ranges::find(kFieldWords, part) != kFieldWords.end();
            if (to == w.size()) return !field;
            from = to + 1;
        }
    }
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[w.size() - 1 - digits])) ++digits;
    const auto letters = w.substr(0, w.size() - digits);
    bool any_lower = false;
    for (char c : letters) {
        if (!is_alpha(c)) return false;
        any_lower = any_lower || is_lower(c);
    }
    return digits >= 2 && letters.size() >= 3 && any_lower;
}

// "posted by wiganlass", "update from sparkyjoe": a forum's words before a user name.
constexpr auto kBefore = std::to_array<std::string_view>(
    {"posted by ", "update from ", "reply from ", "quote from ", "quoting ", "message from ", "post by ", "reply to ",
     // Where people give their names on other sites: "add me on snap lil.sh4nnon", "insta its jaydee_x".
     "search ", "snap ", "snapchat ", "insta ", "instagram ", "tiktok ", "twitter ", "fb ", "dm me ", "snap its ",
     "insta its ", "insta is ", "snap is ", "tiktok is ", "snap: ", "insta: ", "tiktok: ", "twitter: "});
// "sparkyjoe wrote:", "wiganlass said:": after one.
constexpr std::array<std::string_view, 4> kAfter{" wrote:", " said:", " posted:", " replied:"};

// Initials that sign a note at its end: "KJ", "T.O.", "R.McG", after a full stop or on their own.
std::size_t initials_end(std::string_view t, std::size_t i) {
    std::size_t at = i;
    int capitals = 0;
    while (at < t.size() && is_upper(t[at])) {
        ++capitals;
        ++at;
        if (at < t.size() && t[at] == '.') ++at;
        while (at < t.size() && is_lower(t[at]) && capitals >= 2) ++at;  // "McG"
    }
    if (capitals < 2 || capitals > 4) return 0;
    std::size_t rest = at;
    while (rest < t.size() && (t[rest] == ' ' || t[rest] == '\t' || t[rest] == '\r')) ++rest;
    return rest == t.size() || t[rest] == '\n' ? at : 0;
}

}  // namespace

void find_usernames(std::string_view t, const std::vector<ByteRange>& public_names, std::vector<Span>& out) {
    const auto is_public = [&](std::size_t begin, std::size_t end) { return within(public_names, begin, end); };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_alpha(t[i]) || (i > 0 && (username_char(t[i - 1]) || t[i - 1] == '.'))) continue;
        // Initials alone at the end of a note, after its last full stop.
        std::size_t back = i;
        while (back > 0 && t[back - 1] == ' ') --back;
        const bool after_stop = back > 0 && back < i && (t[back - 1] == '.' || t[back - 1] == '\n');
        if (const auto initials = after_stop ? initials_end(t, i) : 0; initials > 0) {
            out.push_back({i, initials, Kind::staff_name, "[name]"});
            i = initials - 1;
            continue;
        }
        bool dotted = false;
        const auto token = user_token_at(t, i, dotted);
        if (token.empty()) continue;
        // A cue makes a name of a word no list would call one ("sparkyjoe"), but not of an
        // ordinary word, an organisation or letters in capitals ("the", "Seetec", "JCP").
        bool cued = false;
        for (auto phrase : kBefore) {
            cued = cued || (i >= phrase.size() && equals_folded(t.substr(i - phrase.size(), phrase.size()), phrase));
        }
        std::size_t line = i;
        while (line > 0 && (t[line - 1] == ' ' || t[line - 1] == '>')) --line;
        for (auto phrase : kAfter) {
            cued = cued || ((line == 0 || t[line - 1] == '\n') &&
                            equals_folded(t.substr(i + token.size(), phrase.size()), phrase));
        }
        std::string folded;
        for (char c : token) folded.push_back(lower(c));
        const bool plain = is_english_word(folded) || std::ranges::all_of(token, [](char c) { return !is_lower(c); }) ||
                           is_public(i, i + token.size());
        // After a cue, a name may have dots in it: "nadia.k", "lil.sh4nnon".
        auto end = i + token.size();
        if (dotted && !(cued && !plain)) {  // an address, a file or a web site: "cv.docx", "gov.uk"
            while (end < t.size() && (username_char(t[end]) || t[end] == '.')) ++end;
            i = end - 1;
            continue;
        }
        if (dotted) {
            while (end + 1 < t.size() && t[end] == '.' && username_char(t[end + 1])) {
                ++end;
                while (end < t.size() && username_char(t[end])) ++end;
            }
            if (end < t.size() && (t[end] == '@' || t[end] == '/')) {
                i = end - 1;
                continue;
            }
        }
        if (reddit_at(t, i) && token.size() >= 3) {
            out.push_back({i - 2, end, Kind::staff_name, "[name]"});
        } else if ((cued && !plain) || looks_like_username(token)) {
            out.push_back({i, end, Kind::staff_name, "[name]"});
        }
        i = end - 1;
    }
}

}  // namespace pw::redaction::detail
