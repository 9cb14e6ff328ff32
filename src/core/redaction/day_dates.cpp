// Days that name no month or no year ("Tues 4th", "on the 23rd cos", "4/6, 11/6"), days
// written in words ("the twenty-second of March") and days with names ("boxing day"). Part of
// the date scanner (dates.cpp); the parts they share are in date_parts.hpp.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/redaction/date_parts.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {

bool has_ordinal_suffix(std::string_view t, std::size_t day_end) {
    return day_end >= 2 && is_alpha(t[day_end - 1]);
}

// Words after "the 8th" that leave it a date; any other word makes it something else ("the 8th
// floor", "the 5th time").
constexpr std::array<std::string_view, 30> kAfterDay{
    "and",  "or",  "to", "when", "at",     "i",     "we",    "he",   "she",   "they",    "but", "so",
    "then", "was", "is", "as",   "before", "after", "until", "till", "which", "because", "for", "with",
    "now",  "wtf", "lol", "cos", "innit",  "instead"};

bool day_ends_here(std::string_view t, std::size_t end) {
    const auto at = skip_spaces(t, end);
    if (at >= t.size() || !is_alpha(t[at])) return at >= t.size() || t[at] != '%';
    std::size_t word_end = at;
    std::string word;
    while (word_end < t.size() && is_alpha(t[word_end])) word.push_back(lower(t[word_end++]));
    return std::ranges::find(kAfterDay, word) != kAfterDay.end();
}

// "on the 23rd cos", "dated the 14th", "till the 16th lol": after these "the 23rd" is a day,
// whatever follows, unless a noun does ("on the 5th floor").
bool after_time_word(std::string_view t, std::size_t the_start) {
    std::size_t end = the_start;
    while (end > 0 && t[end - 1] == ' ') --end;
    const auto [word, start] = word_before(t, end);
    return end < the_start && (time_word(word) || word == "after" || word == "til" || word == "for");
}

bool day_names_a_thing(std::string_view t, std::size_t day_end) {
    static constexpr std::array<std::string_view, 30> kThings{
        "floor",   "time",    "attempt", "century", "anniversary", "birthday",    "year",  "week",
        "day",     "month",   "place",   "try",     "row",         "round",       "grade", "person",
        "visit",   "one",     "go",      "call",    "letter",      "appointment", "appt",  "interview",
        "meeting", "session", "job",     "stage",   "hold",        "warning"};
    const auto at = skip_spaces(t, day_end);
    std::string word;
    for (auto k = at; k < t.size() && is_alpha(t[k]); ++k) word.push_back(lower(t[k]));
    // "the 2nd and 4th Wednesday of the month": a weekday after a day makes it a week's number.
    return std::ranges::find(kThings, word) != kThings.end() ||
           (word.size() > 3 && std::ranges::find(kWeekdays, word) != kWeekdays.end());
}

// "the 3rd inst.", "the 2nd of this month": the month is named by when it was written; the
// whole is the date. Returns where it ends, or day_end.
std::size_t relative_month_after(std::string_view t, std::size_t day_end) {
    for (std::string_view tail : {" inst.", " inst", " of this month", " of last month", " of next month"}) {
        if (t.substr(day_end, tail.size()) == tail && boundary_after(t, day_end + tail.size()))
            return day_end + tail.size();
    }
    return day_end;
}

// "2nd, 5th and 9th", "the 8th and 9th", "5th/6th": more days after one already found.
std::size_t more_days(std::string_view t, std::size_t end, std::vector<Span>& out) {
    for (;;) {
        std::size_t at = end;
        at = skip_spaces(t, at);  // "10th - 12th - ill": a range with spaces round its dash
        if (at < t.size() && (t[at] == ',' || t[at] == '-' || t[at] == '&' || t[at] == '/')) ++at;
        at = skip_spaces(t, at);
        for (std::string_view joint : {"and ", "or ", "to ", "& "}) {
            if (t.substr(at, joint.size()) == joint) at = skip_spaces(t, at + joint.size());
        }
        if (t.substr(at, 4) == "the ") at += 4;
        const auto day = day_at(t, at);
        if (at == end || !day || !has_ordinal_suffix(t, day->second)) return end;
        // A range, "4th-6th", is one span with its dash; a list, "3rd, 10th", a span a day.
        const bool range = t.substr(end, at - end) == "-" || t.substr(end, at - end) == " - ";
        if (range && !out.empty() && out.back().end == end) {
            out.back().end = day->second;
        } else if (range) {
            out.push_back({end, day->second, Kind::date, ""});
        } else {
            add_day(t, at, day->second, out);
        }
        end = day->second;
    }
}

// A dash or a colon after a diary entry's day: "1st – UC paid", "6/3 - rang them", "1.3: letter".
bool entry_dash_after(std::string_view t, std::size_t end) {
    const auto rest = t.substr(end);
    return rest.starts_with(" -") || rest.starts_with(" \u2013") || rest.starts_with(" \u2014") ||
           rest.starts_with(":");
}

// Whether the text keeps a diary by ordinal days: an entry "9th – attended" past the 3rd, so its
// "1st – UC paid" is a day too, and a numbered list ("1st - housing / 2nd - money") is not one.
bool diary_of_ordinals(std::string_view t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_digit(t[i]) || !boundary_before(t, i)) continue;
        const auto day = day_at(t, i);
        if (day && day->first > 3 && has_ordinal_suffix(t, day->second) && entry_starts_at(t, i) &&
            entry_dash_after(t, day->second))
            return true;
        while (i + 1 < t.size() && is_alnum(t[i + 1])) ++i;
    }
    return false;
}

}  // namespace

// "the twenty-second of March", "fourteenth of May": a day in words, then its month.
std::optional<std::size_t> day_in_words_at(std::string_view t, std::size_t i) {
    static constexpr std::array<std::string_view, 19> kOrdinals{
        "first",     "second",    "third",       "fourth",     "fifth",     "sixth",      "seventh",
        "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    std::size_t at = i;
    for (std::string_view tens : {"twenty-", "twenty ", "thirty-", "thirty "}) {
        if (t.size() - at >= tens.size() &&
            std::equal(tens.begin(), tens.end(), t.begin() + at, [](char a, char b) { return a == lower(b); })) {
            at += tens.size();
            break;
        }
    }
    std::string word;
    std::size_t end = at;
    while (end < t.size() && is_alpha(t[end])) word.push_back(lower(t[end++]));
    if (at > i && word == "tieth") return std::nullopt;
    const bool ordinal = std::ranges::find(kOrdinals, word) != kOrdinals.end() ||
                         (at == i && (word == "twentieth" || word == "thirtieth"));
    if (!ordinal || !boundary_after(t, end)) return std::nullopt;
    return end;
}

// Days that name no month, or no year: a weekday and an ordinal ("Tues 4th"), "the 8th" at the
// end of a phrase, and a day and month in figures where a date is expected ("on 12/03", a
// diary's "6/3 - rang them").
void find_day_only(std::string_view t, std::vector<Span>& out) {
    std::size_t last_numeric = std::string_view::npos;  // where the last "12/03" found ends
    bool dotted_diary = false;                          // an entry "1.3 – letter" was found
    const bool ordinal_diary = diary_of_ordinals(t);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_digit(t[i]) || !boundary_before(t, i)) continue;
        const auto [before, before_start] = word_before(t, i > 0 && t[i - 1] == ' ' ? i - 1 : i);
        const bool weekday = i > 0 && std::ranges::find(kWeekdays, before) != kWeekdays.end();
        if (const auto day = day_at(t, i); day && has_ordinal_suffix(t, day->second)) {
            // "Tues 4th", "Tuesday the 4th", "on the 8th.", and lists and ranges of days: "3rd,
            // 10th, 17th", "the 12th-14th".
            std::vector<Span> listed;
            const auto list_end = more_days(t, day->second, listed);
            // "the 1st/2nd floor", "the 3rd and 4th time": a list of days before a thing is no date.
            const bool thing_after_list = list_end > day->second && day_names_a_thing(t, list_end);
            const bool list = list_end > day->second && !thing_after_list;
            const bool weekday_the = before == "the" && weekday_before(t, before_start) < before_start;
            if (thing_after_list && !weekday && !weekday_the) {  // past the whole list at once: linear time
                i = list_end - 1;
                continue;
            }
            // "Volunteer rota November: 4th Tomasz and Fiona; 11th Ade": a day after a label or in
            // a list of entries.
            std::size_t back = i;
            while (back > 0 && t[back - 1] == ' ') --back;
            const bool entry =
                (back < i && back > 0 && (t[back - 1] == ':' || t[back - 1] == ';') &&
                 !day_names_a_thing(t, day->second)) ||
                (entry_starts_at(t, i) && entry_dash_after(t, day->second) && (day->first > 3 || ordinal_diary));
            if (weekday || weekday_the || list || entry ||
                (before == "the" && !thing_after_list && day_ends_here(t, day->second)) ||
                (before == "the" && after_time_word(t, before_start) && !day_names_a_thing(t, day->second)) ||
                relative_month_after(t, day->second) > day->second) {
                add_day(t, i, relative_month_after(t, day->second), out);
                i = more_days(t, day->second, out) - 1;
                continue;
            }
        }
        // "Mon 3 – Fri 7 June", "Thursday 13, when": a weekday and a bare day, where the phrase
        // ends or a range goes on (not "Monday 3 people", "Mon 3.30", "Tues 10am").
        if (const auto day = day_at(t, i); day && weekday && !has_ordinal_suffix(t, day->second)) {
            const auto rest = t.substr(day->second);
            // A range goes on to a weekday or a month, not to an hour ("Mon-Fri 9 to 5").
            const auto range_to = [&](std::string_view joint) {
                if (!rest.starts_with(joint)) return false;
                const auto next = skip_spaces(t, day->second + joint.size());
                return next < t.size() && is_alpha(t[next]);
            };
            const bool hours = before_start > 0 && (t[before_start - 1] == '-' || t[before_start - 1] == '/');
            const bool ends = !hours && (rest.empty() || rest.starts_with(", ") || range_to(" -") ||
                              range_to(" \u2013") || range_to(" to ") || rest.starts_with(" and ") ||
                              rest.starts_with(" until ") || rest.starts_with(";") || rest.starts_with(")") ||
                              rest.starts_with(" I ") || rest.starts_with(" i ") ||
                              (rest.starts_with(".") && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\n')));
            if (ends) {
                add_day(t, i, day->second, out);
                i = day->second - 1;
                continue;
            }
        }
        // "12/03": day and month, no year, where a date is expected.
        std::size_t at = i;
        int day = 0, month = 0;
        while (at < t.size() && is_digit(t[at]) && at - i < 3) day = day * 10 + (t[at++] - '0');
        if (at - i > 2 || at >= t.size() || (t[at] != '/' && t[at] != '.')) continue;
        const bool dotted = t[at] == '.';  // "1.3 – letter from Restart": a diary's day and month
        const std::size_t month_start = ++at;
        while (at < t.size() && is_digit(t[at]) && at - month_start < 3) month = month * 10 + (t[at++] - '0');
        if (at == month_start || at - month_start > 2 || day < 1 || day > 31 || month < 1 || month > 12) continue;
        if (at < t.size() && (t[at] == '/' || is_alnum(t[at]))) continue;
        if ((i > 0 && (t[i - 1] == '/' || t[i - 1] == '.' || is_digit(t[i - 1])))) continue;
        if (dotted) {
            // A figure with a decimal point ("1.5 miles", "£3.10", "version 2.1") is a day and a
            // month only in a diary of them: an entry's day with a dash after it, one listed after
            // it, or any after such an entry in the same text.
            const bool decimal = (at + 1 < t.size() && t[at] == '.' && is_digit(t[at + 1])) ||
                                 (i > 0 && static_cast<unsigned char>(t[i - 1]) >= 0x80);
            // "wtorek 23.04", "Tues 4.3": a weekday before says so too.
            const bool entry = (entry_starts_at(t, i) && entry_dash_after(t, at)) || weekday_before(t, i) < i;
            const bool listed =
                last_numeric != std::string_view::npos && (t.substr(last_numeric, i - last_numeric) == ", " ||
                                                           t.substr(last_numeric, i - last_numeric) == " and ");
            // After a diary's entry, a day needs a word of time before it ("come back 10.3"):
            // "1.1 - Background" may be a heading, and "3.5 hours" later is no day.
            const auto time_before = i > 0 && t[i - 1] == ' ' ? word_before(t, i - 1).first : std::string{};
            const bool timed = time_word(time_before) || time_before == "back";
            // "on 17.02 they said", "termin 3.10 o 10:00": a month with its nought and a word of
            // time, or an hour after it.
            const bool padded_month = at - month_start == 2 && t[month_start] == '0';
            const auto rest = t.substr(at);
            const bool hour_after = at - month_start == 2 && (rest.starts_with(" at ") || rest.starts_with(" o ")) &&
                                    rest.find(':') != std::string_view::npos && rest.find(':') <= 7 &&
                                    is_digit(rest[std::min(rest.size() - 1, rest.find(':') + 1)]);
            if (!decimal && (entry || listed || (dotted_diary && timed) || (padded_month && timed) || hour_after)) {
                add(t, i, at, month, std::nullopt, out);
                dotted_diary = dotted_diary || entry;
                last_numeric = at;
            }
            i = at - 1;
            continue;
        }
        static constexpr std::array<std::string_view, 19> kBefore{
            "on",  "from", "until", "till",     "by",       "dated", "since", "before", "after", "of",
            "the", "wc",   "date",  "referred", "decision", "dates", "appt",  "sent",   "signed"};
        // "4/6, 11/6 and 18/6": days listed after one already found.
        const auto between =
            last_numeric == std::string_view::npos ? std::string_view{} : t.substr(last_numeric, i - last_numeric);
        const bool listed = between == ", " || between == " and " || between == ", and " || between == " & ";
        // "Dates: 4/6", "Date: 12/05": a label says so.
        std::size_t label = i;
        while (label > 0 && t[label - 1] == ' ') --label;
        const bool labelled = label > 0 && t[label - 1] == ':' &&
                              std::ranges::find(kBefore, word_before(t, label - 1).first) != kBefore.end();
        std::size_t line = i;
        while (line > 0 && (t[line - 1] == ' ' || t[line - 1] == '-' || t[line - 1] == '*' || t[line - 1] == '"'))
            --line;
        const bool starts_line = line == 0 || t[line - 1] == '\n';
        const auto after = skip_spaces(t, at);
        // A diary's line: "6/6 interview at Tesco", "12/03 - rang them".
        const bool diary = starts_line && after < t.size();
        const bool week_of = i >= 4 && t.substr(i - 4, 4) == "w/c ";  // "w/c 10/3": the week beginning
        const bool cue =
            weekday || week_of || listed || labelled || std::ranges::find(kBefore, before) != kBefore.end();
        // A rating out of 5 or 10 at a diary line's start is not a date ("5/5 for shaw trust",
        // "3/5 stars"), unless something says it is one ("on 2/5", "dated 4/10").
        const auto rest = t.substr(at);
        const bool rating = (month == 5 || month == 10) && day <= month &&
                            (rest.empty() || rest.starts_with(" for ") || rest.starts_with(" star") ||
                             rest.starts_with(".") || rest.starts_with(" from "));
        // With no cue, "20/06" and "7/6" are still days, but not what is written as a fraction or
        // a score: any figure out of 5 or 10 ("3/5", "8/10"), a half, a third or a quarter ("1/2",
        // "2/3", "3/4"), or "24/7".
        // "01/02 - review": a day written with its nought is no fraction.
        const bool padded = t[i] == '0';
        const bool score = !padded && (((month == 5 || month == 10) && day <= month) || (month <= 4 && day < month) ||
                                       (day == 24 && month == 7));
        // "flat 4/2", "4/2, 112 Dumbarton Road": a Glasgow flat's floor and door.
        // Not "6/1, 13/1": a list of days.
        const auto next_number = rest.substr(std::min(rest.size(), std::size_t{2}));
        const auto next_end = std::ranges::find_if_not(next_number, is_digit) - next_number.begin();
        const bool flat =
            before == "flat" || (rest.size() > 2 && rest[0] == ',' && rest[1] == ' ' && is_digit(rest[2]) &&
                                 next_number.substr(static_cast<std::size_t>(next_end), 1) != "/");
        // A diary line's score is a day only with a dash or a colon after it ("3/5 - rang them").
        const bool diary_day = diary && (!score || rest.starts_with(" -") || rest.starts_with(":") ||
                                         rest.starts_with(" \u2013"));
        if (cue || (diary_day && !rating) || (!score && !flat)) {
            add(t, i, at, month, std::nullopt, out);
            last_numeric = at;
            i = at - 1;
        }
    }
}

// Days with names: "boxing day", "christmas eve", "Valentine's Day": each is one day of a month.
void find_named_days(std::string_view t, std::vector<Span>& out) {
    // Month 0: a feast whose month moves with the year, so the whole becomes "[date]".
    static constexpr std::array<std::pair<std::string_view, int>, 33> kDays{{
        {"christmas day", 12},      {"christmas eve", 12},   {"xmas day", 12},        {"xmas eve", 12},
        {"mothers day", 0},         {"mother's day", 0},     {"fathers day", 6},      {"father's day", 6},
        {"boxing day", 12},         {"new year's day", 1},   {"new year's eve", 12},  {"new years day", 1},
        {"new years eve", 12},      {"valentine's day", 2},  {"valentines day", 2},   {"halloween", 10},
        {"bonfire night", 11},      {"st patrick's day", 3}, {"st david's day", 3},   {"good friday", 0},
        {"easter monday", 0},       {"easter sunday", 0},    {"shrove tuesday", 0},   {"pancake day", 0},
        {"mothering sunday", 0},    {"hogmanay", 12},        {"st andrew's day", 11}, {"st george's day", 4},
        {"eid al-fitr", 0},         {"eid ul-fitr", 0},      {"eid al-adha", 0},      {"eid ul-adha", 0},
        {"remembrance sunday", 11},
    }};
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_alpha(t[i]) || !boundary_before(t, i)) continue;
        for (const auto& [name, month] : kDays) {
            if (!phrase_at(t, i, name)) continue;
            if (month == 0) {
                const auto end = with_year(t, i + name.size()).second;
                out.push_back({i, end, Kind::date, ""});
                i = end - 1;
            } else {
                i = add_with_year(t, i, i + name.size(), month, out) - 1;
            }
            break;
        }
    }
}

}  // namespace pw::redaction::detail
