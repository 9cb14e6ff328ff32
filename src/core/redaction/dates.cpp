// Exact dates become months: "on 3rd June 2013" -> "in June 2013", "23/09/1979" -> "September
// 1979". A date names a day; a day can identify a person to whoever saw them that day, and the
// site keeps its own records to the month for the same reason. Months, years, weekdays alone and
// durations are left as they are.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/redaction/date_parts.hpp"
#include "core/redaction/name_lexicon.hpp"
#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
// Letters in Welsh: "5 Mehefin 2014".
constexpr std::array<std::string_view, 12> kWelshMonths{"ionawr", "chwefror", "mawrth",     "ebrill",
                                                        "mai",    "mehefin",  "gorffennaf", "awst",
                                                        "medi",   "hydref",   "tachwedd",   "rhagfyr"};
// The same after "o" ("o Fai", "o Dachwedd"), where Welsh mutates a month's first letter.
constexpr std::array<std::string_view, 12> kWelshMutated{"ionawr", "chwefror", "fawrth",    "ebrill",
                                                         "fai",    "fehefin",  "orffennaf", "awst",
                                                         "fedi",   "hydref",   "dachwedd",  "rhagfyr"};

}  // namespace

namespace {

// A year in two figures: "1/1/80" was born in 1980, "3/6/14" written in 2014.
int full_year(int two_figures) {
    return two_figures > 30 ? 1900 + two_figures : 2000 + two_figures;
}

}  // namespace

// A month's name or its usual short form ("sep", "sept"), any case, as a whole word at i.
std::optional<std::pair<int, std::size_t>> month_at(std::string_view t, std::size_t i) {
    if (!boundary_before(t, i)) return std::nullopt;
    std::size_t end = i;
    while (end < t.size() && is_alpha(t[end])) ++end;
    if (end - i < 3) return std::nullopt;
    std::string word;  // ("mai" is Welsh for May)
    for (auto k = i; k < end; ++k) word.push_back(lower(t[k]));
    if (word == "mawrth" && i > 0 && t[i - 1] == ' ') {  // "Dydd Mawrth" is Tuesday
        const auto [before, start] = word_before(t, i - 1);
        if (before == "dydd" || before == "ddydd") return std::nullopt;
    }
    for (int m = 0; m < 12; ++m) {
        std::string full;
        for (char c : kMonths[m]) full.push_back(lower(c));
        const bool short_form = word.size() == 3 && full.starts_with(word);
        const bool mutated = word == kWelshMutated[m] && i >= 2 && t.substr(i - 2, 2) == "o ";
        // As people spell them: "Febuary 3rd", "Janurary".
        const bool misspelt = (m == 1 && (word == "febuary" || word == "feburary" || word == "febrary")) ||
                              (m == 0 && (word == "janurary" || word == "janruary" || word == "januray")) ||
                              (m == 3 && word == "apirl") || (m == 7 && word == "agust") ||
                              (m == 8 && word == "septmber") || (m == 10 && word == "novmber") ||
                              (m == 11 && word == "decmber");
        if (word == full || short_form || (m == 8 && word == "sept") || word == kWelshMonths[m] || mutated ||
            misspelt) {
            std::size_t after = end;
            // "Oct.", "Sept. 14th", not "May."
            if ((short_form || word == "sept") && word != full && after < t.size() && t[after] == '.') ++after;
            return std::pair{m + 1, after};
        }
    }
    return std::nullopt;
}

// A month in another language people here write in, after a day: "3 października 1988",
// "12 martie", "3 de marzo", "3 janvier", "3. März". Only after a day: alone, "mars", "mayo"
// or "luglio" may be anything.
std::optional<std::pair<int, std::size_t>> foreign_month_at(std::string_view t, std::size_t i) {
    static constexpr std::array<std::array<std::string_view, 12>, 13> kNames{{
        {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrze\u015bnia",
         "pa\u017adziernika", "listopada", "grudnia"},  // Polish
        {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie",
         "noiembrie", "decembrie"},  // Romanian
        {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
         "diciembre"},  // Spanish
        {"janeiro", "fevereiro", "mar\u00e7o", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
         "novembro", "dezembro"},  // Portuguese
        {"janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre", "octobre",
         "novembre", "d\u00e9cembre"},  // French
        {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
         "novembre", "dicembre"},  // Italian
        {"januar", "februar", "m\u00e4rz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
         "dezember"},  // German
        {"janaayo", "febraayo", "maarso", "abriil", "maajo", "juun", "luuliyo", "agoosto", "sebteembar", "oktoobar",
         "nofeembar", "diseembar"},  // Somali
        {"am faoilleach", "an gearran", "am m\u00e0rt", "an giblean", "an c\u00e8itean", "an t-\u00f2gmhios",
         "an t-iuchar", "an l\u00f9nastal", "an t-sultain", "an d\u00e0mhair", "an t-samhain",
         "an d\u00f9bhlachd"},  // Scottish Gaelic, as written after a day
        {"ean\u00e1ir", "feabhra", "m\u00e1rta", "aibre\u00e1n", "bealtaine", "meitheamh", "i\u00fail",
         "l\u00fanasa", "me\u00e1n f\u00f3mhair", "deireadh f\u00f3mhair", "samhain", "nollaig"},  // Irish
        {"\u00e7ile", "sibat", "adar", "n\u00eesan", "gulan", "hez\u00eeran", "t\u00eermeh", "tebax",
         "\u00eelon", "cotmeh", "mijdar", "berfanbar"},  // Kurdish (Kurmanji)
        {"ocak", "\u015fubat", "mart", "nisan", "may\u0131s", "haziran", "temmuz", "a\u011fustos", "eyl\u00fcl", "ekim",
         "kas\u0131m", "aral\u0131k"},  // Turkish
        {"\u062c\u0646\u0648\u0631\u06cc", "\u0641\u0631\u0648\u0631\u06cc", "\u0645\u0627\u0631\u0686",
         "\u0627\u067e\u0631\u06cc\u0644", "\u0645\u0626\u06cc", "\u062c\u0648\u0646",
         "\u062c\u0648\u0644\u0627\u0626\u06cc", "\u0627\u06af\u0633\u062a", "\u0633\u062a\u0645\u0628\u0631",
         "\u0627\u06a9\u062a\u0648\u0628\u0631", "\u0646\u0648\u0645\u0628\u0631",
         "\u062f\u0633\u0645\u0628\u0631"},  // Urdu
    }};
    if (t.substr(i, 3) == "de ") i += 3;  // "3 de marzo"
    for (const auto& language : kNames) {
        for (int m = 0; m < 12; ++m) {
            const auto name = language[m];
            if (i + name.size() <= t.size() && equals_folded(t.substr(i, name.size()), name) &&
                boundary_after(t, i + name.size())) {
                auto end = i + name.size();
                if (t.substr(end, 2) == "\u00ea") end += 2;  // Kurdish: "12ê Gulanê"
                return std::pair{m + 1, end};
            }
        }
    }
    return std::nullopt;
}

std::size_t skip_spaces(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    return i;
}

// 1 to 31 with an optional "st", "nd", "rd" or "th", as a whole token at i: the day and where it ends.
std::optional<std::pair<int, std::size_t>> day_at(std::string_view t, std::size_t i) {
    if (i >= t.size() || !is_digit(t[i]) || !boundary_before(t, i)) return std::nullopt;
    std::size_t end = i;
    int day = 0;
    while (end < t.size() && is_digit(t[end]) && end - i < 3) day = day * 10 + (t[end++] - '0');
    if (end - i > 2 || day < 1 || day > 31) return std::nullopt;
    if (end + 1 < t.size()) {
        const std::string suffix{lower(t[end]), lower(t[end + 1])};
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") end += 2;
    }
    // Welsh ordinals: "1af", "2il", "3ydd", "5ed", "8fed", "14eg".
    for (std::string_view welsh : {"af", "il", "ydd", "ed", "fed", "eg"}) {
        if (boundary_after(t, end)) break;
        if (end + welsh.size() <= t.size() && equals_folded(t.substr(end, welsh.size()), welsh) &&
            boundary_after(t, end + welsh.size())) {
            end += welsh.size();
        }
    }
    if (!boundary_after(t, end)) return std::nullopt;
    return std::pair{day, end};
}

namespace {

// ", 2013" or " 2013" or " '13" after a date: the year and where it ends.
std::optional<std::pair<int, std::size_t>> year_after(std::string_view t, std::size_t i) {
    std::size_t at = i;
    if (at < t.size() && t[at] == ',') ++at;
    at = skip_spaces(t, at);
    if (at == i) return std::nullopt;
    if (at < t.size() && t[at] == '\'') ++at;
    std::size_t end = at;
    int year = 0;
    while (end < t.size() && is_digit(t[end]) && end - at < 5) year = year * 10 + (t[end++] - '0');
    if (!boundary_after(t, end)) return std::nullopt;
    if (end - at == 4 && year >= 1900 && year <= 2099) return std::pair{year, end};
    if (end - at == 2 && t[at - 1] == '\'') return std::pair{full_year(year), end};
    return std::nullopt;
}

}  // namespace

// The word ending just before `end` (letters only), lower case, and where it starts.
std::pair<std::string, std::size_t> word_before(std::string_view t, std::size_t end) {
    std::size_t start = end;
    while (start > 0 && is_alpha(t[start - 1])) --start;
    std::string word;
    for (auto k = start; k < end; ++k) word.push_back(lower(t[k]));
    return {word, start};
}

namespace {

// A weekday in another language people here write in, ending at `end`, and where it starts (with
// the Polish "w" before it): "w piątek 8 września", "vineri 19 ianuarie", "Diluain 4 Samhain".
std::optional<std::size_t> other_weekday_before(std::string_view t, std::size_t end) {
    static constexpr auto kOtherDays = std::to_array<std::string_view>(
        {"poniedzia\u0142ek", "wtorek", "\u015broda", "\u015brod\u0119", "czwartek", "pi\u0105tek", "sobota",
         "sobot\u0119", "niedziela", "niedziel\u0119",  // Polish
         "luni", "mar\u021bi", "marti", "miercuri", "joi", "vineri", "s\u00e2mb\u0103t\u0103", "sambata",
         "duminic\u0103", "duminica",  // Romanian
         "diluain", "dim\u00e0irt", "diciadain", "diardaoin", "dihaoine", "disathairne", "did\u00f2mhnaich",  // Gaelic
         "isniin", "talaado", "arbaco", "khamiis", "jimco", "sabti", "axad",  // Somali
         "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",  // German
         "pazartesi", "sal\u0131", "\u00e7ar\u015famba", "per\u015fembe", "cuma", "cumartesi", "pazar"});  // Turkish
    for (auto day : kOtherDays) {
        if (end < day.size() || !equals_folded(t.substr(end - day.size(), day.size()), day)) continue;
        auto start = end - day.size();
        if (!boundary_before(t, start)) continue;
        if (start >= 2 && (t.substr(start - 2, 2) == "w " || t.substr(start - 2, 2) == "W ") &&
            boundary_before(t, start - 2))
            start -= 2;
        return start;
    }
    return std::nullopt;
}

}  // namespace

// "Monday ", "mon ", "Tues, " before a date is part of it: the day of the week is as exact.
std::size_t weekday_before(std::string_view t, std::size_t begin) {
    const auto& kDays = kWeekdays;
    std::size_t end = begin;
    if (end >= 4 && t.substr(end - 4, 4) == "the ") end -= 4;  // "Tuesday the 4th"
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == ',')) --end;
    std::size_t start = end;
    while (start > 0 && is_alpha(t[start - 1])) --start;
    if (start == end || !boundary_before(t, start)) return begin;
    std::string word;
    for (auto k = start; k < end; ++k) word.push_back(lower(t[k]));
    if (std::ranges::find(kDays, word) != kDays.end()) return start;
    if (const auto other = other_weekday_before(t, end)) return *other;
    // Welsh: "Dydd Llun 4 Mawrth", "ddydd Mawrth 14eg Tachwedd".
    static constexpr std::array<std::string_view, 7> kWelshDays{"llun",   "mawrth", "mercher", "iau",
                                                                "gwener", "sadwrn", "sul"};
    if (std::ranges::find(kWelshDays, word) == kWelshDays.end() || start < 2 || t[start - 1] != ' ') return begin;
    const auto [dydd, dydd_start] = word_before(t, start - 1);
    return dydd == "dydd" || dydd == "ddydd" ? dydd_start : begin;
}

namespace {

std::string month_text(int month, std::optional<int> year) {
    std::string out(kMonths[month - 1]);
    if (year) {
        out += ' ';
        out += std::to_string(*year);
    }
    return out;
}

// A range's first day belongs to the date: "18th-22nd Feb", "12 to 14 March".
std::size_t range_start(std::string_view t, std::size_t begin) {
    std::size_t at = begin;
    if (at >= 1 && t[at - 1] == '-') {
        --at;
    } else if (at >= 4 && t.substr(at - 4, 4) == " to ") {
        at -= 4;
    } else if (at >= 3 && t.substr(at - 3, 3) == "\u2013") {  // an en dash
        at -= 3;
    } else {
        return begin;
    }
    std::size_t start = at;
    while (start > 0 && is_alnum(t[start - 1])) --start;
    const auto day = day_at(t, start);
    return day && day->second == at ? start : begin;
}

}  // namespace

// The span grows over "on " before it so the text still reads: "on 3 June" -> "in June".
void add(std::string_view t, std::size_t begin, std::size_t end, int month, std::optional<int> year,
         std::vector<Span>& out) {
    begin = weekday_before(t, range_start(t, begin));
    std::string replacement = month_text(month, year);
    if (begin >= 3 && lower(t[begin - 3]) == 'o' && lower(t[begin - 2]) == 'n' && t[begin - 1] == ' ' &&
        boundary_before(t, begin - 3)) {
        begin -= 3;
        replacement = (is_upper(t[begin]) ? "In " : "in ") + replacement;
    }
    out.push_back({begin, end, Kind::date, std::move(replacement)});
}

namespace {

// 23/09/1979, 07.11.2013, 1-2-24, 2013-06-03: day first, as written in the UK.
bool numeric_at(std::string_view t, std::size_t i, std::vector<Span>& out, std::size_t& next) {
    if (!boundary_before(t, i) || (i > 0 && (t[i - 1] == '.' || t[i - 1] == '/' || t[i - 1] == '-'))) return false;
    std::array<int, 3> parts{};
    std::array<std::size_t, 3> lengths{};
    std::size_t at = i;
    char separator = 0;
    for (int p = 0; p < 3; ++p) {
        const auto start = at;
        while (at < t.size() && is_digit(t[at]) && at - start < 4) parts[p] = parts[p] * 10 + (t[at++] - '0');
        lengths[p] = at - start;
        if (lengths[p] == 0) return false;
        if (p < 2) {
            // "2024–03–12": an en dash, three bytes, stands for a hyphen.
            const bool en_dash = t.substr(at, 3) == "\u2013";
            const char here = en_dash ? '-' : at < t.size() ? t[at] : '\0';
            if (here != '/' && here != '.' && here != '-') return false;
            if (separator && here != separator) return false;
            separator = here;
            at += en_dash ? 3 : 1;
        }
    }
    if (!boundary_after(t, at) || (at < t.size() && (t[at] == '/' || t[at] == '-')) ||
        (at + 1 < t.size() && t[at] == '.' && is_digit(t[at + 1])))
        return false;
    int day = parts[0], month = parts[1], year = parts[2];
    if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) {  // ISO: 2013-06-03
        year = parts[0];
        month = parts[1];
        day = parts[2];
    } else if (lengths[0] > 2 || lengths[1] > 2 || (lengths[2] != 2 && lengths[2] != 4)) {
        return false;
    } else if (lengths[2] == 2) {
        year = full_year(year);
    }
    if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2099) return false;
    add(t, i, at, month, year, out);
    next = at;
    return true;
}

// A date of birth in eight figures with nothing between them, after the words that say so: "DOB
// 23091979", "born: 19790923". Alone, eight figures are as likely an account or a reference.
bool compact_birth_date_at(std::string_view t, std::size_t i, std::vector<Span>& out, std::size_t& next) {
    if (!boundary_before(t, i) || i + 8 > t.size() || !boundary_after(t, i + 8)) return false;
    int value[8];
    for (std::size_t k = 0; k < 8; ++k) {
        if (!is_digit(t[i + k])) return false;
        value[k] = t[i + k] - '0';
    }
    // Whole words: "stubborn" and "Osborne" are no cue.
    if (!cue_before(t, i, {"dob", "birth", "birthdate", "born", "birthday"}, 4)) return false;
    const auto number = [&](int from, int digits) {
        int n = 0;
        for (int k = from; k < from + digits; ++k) n = n * 10 + value[k];
        return n;
    };
    int day = number(0, 2), month = number(2, 2), year = number(4, 4);
    if (const int first = number(0, 4);
        first >= 1900 && first <= 2099 && !(day >= 1 && day <= 31 && month >= 1 && month <= 12)) {
        year = first;  // 19790923
        month = number(4, 2);
        day = number(6, 2);
    }
    if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2099) return false;
    add(t, i, i + 8, month, year, out);
    next = i + 8;
    return true;
}

// Days listed before the one that names the month: "on 4, 11 and 18 June", "9 and 10 May".
void earlier_days(std::string_view t, std::size_t begin, std::vector<Span>& out) {
    std::size_t at = begin;
    for (;;) {
        std::size_t joint = at;
        for (std::string_view j : {", ", " and ", " & ", " or ", ","}) {
            if (at >= j.size() && t.substr(at - j.size(), j.size()) == j) {
                joint = at - j.size();
                break;
            }
        }
        if (joint == at) return;
        std::size_t start = joint;
        while (start > 0 && is_alnum(t[start - 1]) && joint - start < 4) --start;
        const auto day = day_at(t, start);
        if (!day || day->second != joint) return;
        out.push_back({start, joint, Kind::date, ""});
        at = start;
    }
}

}  // namespace

// The end of a date, over a year that follows it ("3 June, 2013"), and the year if there is one.
std::pair<std::optional<int>, std::size_t> with_year(std::string_view t, std::size_t end) {
    const auto year = year_after(t, end);
    return year ? std::pair{std::optional<int>(year->first), year->second} : std::pair{std::optional<int>(), end};
}

// Adds the date from begin to end, or to the end of a year after it; returns where it ends.
std::size_t add_with_year(std::string_view t, std::size_t begin, std::size_t end, int month, std::vector<Span>& out) {
    const auto [year, until] = with_year(t, end);
    add(t, begin, until, month, year, out);
    return until;
}

// A day without its month: "Mon 3rd", "on the 8th". The month is not in the text, so the whole
// becomes "[date]".
void add_day(std::string_view t, std::size_t begin, std::size_t end, std::vector<Span>& out) {
    out.push_back({weekday_before(t, begin), end, Kind::date, ""});
}

namespace {

// "3月15日", "2013年3月15日": a date written in Chinese or Japanese.
void find_cjk_dates(std::string_view t, std::vector<Span>& out) {
    static constexpr std::string_view kYear = "\u5e74", kMonth = "\u6708", kDay = "\u65e5";
    const auto digits_before = [&](std::size_t end, std::size_t most) {
        std::size_t start = end;
        while (start > 0 && is_digit(t[start - 1]) && end - start < most) --start;
        return start;
    };
    for (auto at = t.find(kMonth); at != std::string_view::npos; at = t.find(kMonth, at + 1)) {
        const auto month_start = digits_before(at, 2);
        auto day_end = at + kMonth.size();
        while (day_end < t.size() && is_digit(t[day_end]) && day_end - at - kMonth.size() < 2) ++day_end;
        if (month_start == at || day_end == at + kMonth.size() || t.substr(day_end, kDay.size()) != kDay) continue;
        const int month = std::stoi(std::string(t.substr(month_start, at - month_start)));
        const int day = std::stoi(std::string(t.substr(at + kMonth.size(), day_end - at - kMonth.size())));
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        std::size_t begin = month_start;
        std::optional<int> year;
        if (begin >= kYear.size() && t.substr(begin - kYear.size(), kYear.size()) == kYear) {
            const auto year_start = digits_before(begin - kYear.size(), 4);
            if (begin - kYear.size() - year_start == 4) {
                year = std::stoi(std::string(t.substr(year_start, 4)));
                begin = year_start;
            }
        }
        add(t, begin, day_end + kDay.size(), month, year, out);
    }
}

}  // namespace

void find_dates(std::string_view t, std::vector<Span>& out) {
    find_cjk_dates(t, out);
    find_day_only(t, out);
    find_named_days(t, out);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (is_digit(t[i])) {
            std::size_t next = i;
            if (numeric_at(t, i, out, next) || compact_birth_date_at(t, i, out, next)) {
                i = next;
                continue;
            }
            // "3rd June 2013", "the 5th of May", "14 Oct"
            if (auto day = day_at(t, i)) {
                std::size_t at = skip_spaces(t, day->second);
                const bool of = t.substr(at, 3) == "of " || t.substr(at, 3) == "Of ";
                if (of) at = skip_spaces(t, at + 3);
                if (t.substr(at, 2) == "o ") at += 2;  // Welsh: "y 1af o Fai"
                // "the 3rd of the 4th 1990": a month by its number.
                // Not "the 1st of the 2nd floor flat": a year or the phrase's end after it.
                const auto nth = of && t.substr(at, 4) == "the " ? day_at(t, at + 4) : std::nullopt;
                const auto after_nth = nth ? skip_spaces(t, nth->second) : 0;
                if (nth && nth->first <= 12 && is_alpha(t[nth->second - 1]) &&
                    (with_year(t, nth->second).first || after_nth >= t.size() || !is_alpha(t[after_nth]))) {
                    const auto begin = i >= 4 && t.substr(i - 4, 4) == "the " && boundary_before(t, i - 4) ? i - 4 : i;
                    i = add_with_year(t, begin, nth->second, nth->first, out) - 1;
                    continue;
                }
                const bool hyphens = at == day->second && at < t.size() && t[at] == '-';  // "4-Jun-13"
                if (hyphens) ++at;
                auto month = month_at(t, at);
                if (!month && !hyphens) {
                    std::size_t after_day = day->second;
                    if (t.substr(after_day, 2) == ". ") ++after_day;  // "3. März"
                    if (t.substr(after_day, 2) == "\u00ea") after_day += 2;  // Kurdish: "12ê Gulanê"
                    const auto from = skip_spaces(t, after_day);
                    if (from > after_day) month = foreign_month_at(t, from);
                    // "2 Mars bars", "3 mayo sandwiches": a name that is also an English word is a
                    // month only with a year after it or a weekday before it.
                    if (month) {
                        std::string name;
                        for (auto k = from; k < month->second; ++k) name.push_back(lower(t[k]));
                        const bool ascii = std::ranges::all_of(name, [](char c) { return is_lower(c); });
                        const bool plain_word = ascii && (is_english_word(name) || is_first_name(name));
                        if (plain_word && !with_year(t, month->second).first && weekday_before(t, i) == i)
                            month.reset();
                    }
                }
                if (month) {
                    if (hyphens && month->second + 2 < t.size() && t[month->second] == '-') {
                        std::size_t end = month->second + 1;
                        int year = 0;
                        while (end < t.size() && is_digit(t[end]) && end - month->second <= 4)
                            year = year * 10 + (t[end++] - '0');
                        if (boundary_after(t, end) && (end - month->second == 3 || end - month->second == 5)) {
                            add(t, i, end, month->first, year < 100 ? full_year(year) : year, out);
                            i = end - 1;
                            continue;
                        }
                    }
                    std::size_t begin = i;
                    if (begin >= 4 && t.substr(begin - 4, 4) == "the " && boundary_before(t, begin - 4)) begin -= 4;
                    earlier_days(t, begin, out);
                    i = add_with_year(t, begin, month->second, month->first, out) - 1;
                    continue;
                }
            }
            while (i + 1 < t.size() && is_alnum(t[i + 1])) ++i;
            continue;
        }
        if (!is_alpha(t[i]) || !boundary_before(t, i)) continue;
        // "the twenty-second of March 2013"
        if (auto words_end = day_in_words_at(t, i)) {
            const auto of = skip_spaces(t, *words_end);
            if (t.substr(of, 3) == "of ") {
                if (auto month = month_at(t, skip_spaces(t, of + 3))) {
                    std::size_t begin = i;
                    if (begin >= 4 && t.substr(begin - 4, 4) == "the " && boundary_before(t, begin - 4)) begin -= 4;
                    i = add_with_year(t, begin, month->second, month->first, out) - 1;
                    continue;
                }
            }
            // "Tuesday the eighth", "on the twenty-third": a weekday or a word of time before.
            const bool the = i >= 4 && t.substr(i - 4, 4) == "the ";
            const auto time_before = the && i >= 5 && t[i - 5] == ' ' ? word_before(t, i - 5).first : std::string{};
            const bool timed = time_word(time_before) || time_before == "after";
            // ... and the phrase ends there ("on the first day", "Friday second week" are no days).
            const auto next = skip_spaces(t, *words_end);
            const bool ends = next >= t.size() || !is_alpha(t[next]);
            // After a word of time only a day past the tenth: "living on the third" is a count.
            std::string word;
            for (auto k = i; k < *words_end; ++k) word.push_back(lower(t[k]));
            static constexpr std::array<std::string_view, 10> kCounts{
                "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
            const bool count = std::ranges::find(kCounts, word) != kCounts.end();
            if (ends && ((the && weekday_before(t, i) < i) || (timed && !count))) {
                add_day(t, i, *words_end, out);
                i = *words_end - 1;
                continue;
            }
        }
        // "June 3", "aug 9th", "June 3rd, 2013"
        if (auto month = month_at(t, i)) {
            std::size_t at = skip_spaces(t, month->second);
            if (at > month->second && t.substr(at, 4) == "the ") at += 4;  // "September the 3rd"
            if (at > month->second) {
                if (auto day = day_at(t, at)) {
                    i = add_with_year(t, i, day->second, month->first, out) - 1;
                    continue;
                }
                if (auto words_end = day_in_words_at(t, at)) {  // "June third"
                    i = add_with_year(t, i, *words_end, month->first, out) - 1;
                    continue;
                }
            }
        }
        while (i + 1 < t.size() && is_alnum(t[i + 1])) ++i;
    }
}

}  // namespace pw::redaction::detail
