// Scanners for the structured kinds: emails, UK phone numbers, National Insurance numbers,
// full UK postcodes, and a moderator's censored phrases.
#include <algorithm>
#include <array>
#include <string>

#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {
bool local_char(char c) {
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool domain_char(char c) {
    return is_alnum(c) || c == '.' || c == '-';
}
}  // namespace

void find_emails(std::string_view t, std::vector<Span>& out) {
    for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
        std::size_t left = at;
        while (left > 0 && local_char(t[left - 1])) --left;
        while (left < at && (t[left] == '.' || t[left] == '\'')) ++left;
        std::size_t right = at + 1;
        while (right < t.size() && domain_char(t[right])) ++right;
        while (right > at + 1 && (t[right - 1] == '.' || t[right - 1] == '-')) --right;
        if (left == at) continue;  // "@handle" is not an email
        const auto domain = t.substr(at + 1, right - at - 1);
        const auto dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
        bool tld_alpha = true;
        for (char c : domain.substr(dot + 1)) tld_alpha = tld_alpha && is_alpha(c);
        if (!tld_alpha) continue;
        out.push_back({left, right, Kind::email});
        at = right - 1;
    }
}

namespace {
// A UK number is valid by its digits: 0 + 9 or 10 more digits at home, or +44 and the same
// without the leading 0 (an optional "(0)" is the trunk prefix, not part of the number).
bool valid_phone(const std::string& digits, bool international) {
    if (international) {
        if (!digits.starts_with("44")) return false;
        std::string national = digits.substr(2);
        if (national.starts_with("0")) national.erase(0, 1);  // "+44 (0)7700 ..."
        return (national.size() == 9 || national.size() == 10) && national[0] != '0';
    }
    if (digits.starts_with("0044")) return valid_phone(digits.substr(2), true);  // "0044 7700 900562"
    if (!digits.starts_with("0") || digits.size() < 2 || digits[1] == '0') return false;
    // A number mistyped a digit short or long is still someone's number: privacy first
    // ("01482 496 0233" has a digit too many).
    if (digits[1] == '7' || digits[1] == '1' || digits[1] == '2') return digits.size() >= 10 && digits.size() <= 12;
    return digits.size() == 10 || digits.size() == 11;
}

// A letter O typed for a zero inside a number: "O77OO 9OO 284".
bool zero_at(std::string_view t, std::size_t j) {
    if (t[j] == '0') return true;
    if (t[j] != 'O') return false;
    const bool digit_before = j > 0 && (is_digit(t[j - 1]) || t[j - 1] == 'O');
    const bool digit_after = j + 1 < t.size() && (is_digit(t[j + 1]) || t[j + 1] == 'O');
    return digit_before || digit_after;
}

// Separators people put between a number's groups: a space, a hyphen, a dot, an en dash, or a
// run of them (" - ", " – "). Returns where the next group starts, or npos.
std::size_t after_separator(std::string_view t, std::size_t j) {
    std::size_t k = j;
    int seen = 0;
    while (k < t.size() && seen < 3) {
        if (t[k] == ' ' || t[k] == '-' || t[k] == '.' || (t[k] == '\n' && seen == 0)) {  // a line may break it
            ++k;
        } else if (t.substr(k, 3) == "\u2013") {
            k += 3;
        } else {
            break;
        }
        ++seen;
    }
    if (k == j || k >= t.size()) return std::string_view::npos;
    if (t[k - 1] == '.' && seen > 1) return std::string_view::npos;  // "… 07700. 900": a sentence's end
    return is_digit(t[k]) || t[k] == '(' ? k : std::string_view::npos;
}

// " ext 214", " ext. 4402", " x214", " extension 214" after a number: part of it.
std::size_t extension_after(std::string_view t, std::size_t end) {
    for (std::string_view word : {" extension ", " ext. ", " ext ", " ext.", " x"}) {
        if (t.size() - end < word.size() || !equals_folded(t.substr(end, word.size()), word)) continue;
        std::size_t k = end + word.size();
        const auto start = k;
        while (k < t.size() && is_digit(t[k]) && k - start < 6) ++k;
        if (k > start && boundary_after(t, k)) return k;
    }
    return end;
}

// A number written without its first digits, where the words before it say it is one: "text me
// on 447700 900123" (the country code without its "+"), "her mobile 7700 900123" (without its
// 0). Without those words, such figures are as likely a reference ("Complaint reference 4471
// 2290 1133").
bool phone_cue_before(std::string_view t, std::size_t i) {
    return cue_before(t, i,
                      {"phone", "telephone", "mobile", "mob", "tel", "number", "call", "ring", "text", "whatsapp",
                       "contact", "line", "landline", "cell"});
}

bool valid_without_prefix(const std::string& digits, char first) {
    if (first == '4')
        return digits.size() == 12 && digits.starts_with("44") &&
               std::string_view("1237").find(digits[2]) != std::string_view::npos;
    return digits.size() == 10 && digits[0] == '7' && digits[1] != '0';
}

}  // namespace

bool cue_before(std::string_view t, std::size_t i, std::initializer_list<std::string_view> cues, int words) {
    const std::size_t from = std::min(i, t.size());
    std::size_t end = from;
    for (int n = 0; n < words; ++n) {
        while (end > 0 && !is_alpha(t[end - 1])) {
            if (from - end > 24) return false;  // a long run of figures or signs ends the phrase
            --end;
        }
        std::size_t begin = end;
        while (begin > 0 && (is_alpha(t[begin - 1]) || (t[begin - 1] == '.' && begin >= 2 && is_alpha(t[begin - 2]))))
            --begin;
        if (begin == end) return false;
        std::string word;
        for (char c : t.substr(begin, end - begin))
            if (c != '.') word += lower(c);
        for (auto cue : cues)
            if (word == cue) return true;
        end = begin;
    }
    return false;
}

void find_phones(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        const bool international = t[i] == '+' && i + 2 < t.size() && t[i + 1] == '4' && t[i + 2] == '4';
        const bool bracketed = t[i] == '(' && i + 1 < t.size() && t[i + 1] == '0';
        const bool letter_o = t[i] == 'O' && i + 1 < t.size() && t[i + 1] == '7';
        const bool no_prefix =
            ((t[i] == '4' && i + 1 < t.size() && t[i + 1] == '4') || t[i] == '7') && phone_cue_before(t, i);
        if (!(international || t[i] == '0' || bracketed || letter_o || no_prefix)) continue;
        if (!international && !boundary_before(t, i)) continue;
        if (i > 0 && (t[i - 1] == '+' || t[i - 1] == '(' || is_digit(t[i - 1]))) continue;
        std::string digits;
        std::size_t j = international ? i + 1 : i;
        std::size_t last_valid = std::string_view::npos;
        while (j < t.size() && digits.size() <= 13) {
            const char c = t[j];
            const char prev = j > i ? t[j - 1] : '\0';
            const char next = j + 1 < t.size() ? t[j + 1] : '\0';
            // A letter O typed for a zero, anywhere in the number: "O77OO 9OO 284", "077OO 9OO123".
            if (is_digit(c) || (c == 'O' && (letter_o || !digits.empty()) && zero_at(t, j))) {
                digits.push_back(c == 'O' ? '0' : c);
                ++j;
                // The longest number that ends where a word could: never half of the next one.
                const bool valid = no_prefix ? valid_without_prefix(digits, t[i]) : valid_phone(digits, international);
                if (valid && boundary_after(t, j)) last_valid = j;
                continue;
            }
            const bool after_digit = is_digit(prev) || prev == ')' || (prev == 'O' && !digits.empty());
            if (after_digit) {
                if (const auto k = after_separator(t, j); k != std::string_view::npos) {
                    j = k;
                    continue;
                }
            }
            if (c == '(' && is_digit(next)) {
                ++j;
                continue;
            }
            if (c == ')' && is_digit(prev)) {
                ++j;
                continue;
            }
            break;
        }
        if (last_valid == std::string_view::npos) continue;
        // "(0141 496 0777)": brackets around the whole number are punctuation, not part of it.
        const bool encloses = t[i] == '(' && t.substr(i, last_valid - i).find(')') == std::string_view::npos;
        const auto end = extension_after(t, last_valid);
        out.push_back({encloses ? i + 1 : i, end, Kind::phone});
        i = end - 1;
    }
}

namespace {

// A digit in words ("oh", "seven"), or "double"/"treble" before one; -1 if not.
int spoken_digit(std::string_view word) {
    static constexpr std::array<std::string_view, 10> kDigits{"zero", "one", "two",   "three", "four",
                                                              "five", "six", "seven", "eight", "nine"};
    if (equals_folded(word, "oh") || equals_folded(word, "o")) return 0;
    for (int d = 0; d < 10; ++d)
        if (equals_folded(word, kDigits[d])) return d;
    if (equals_folded(word, "double")) return 12;
    if (equals_folded(word, "treble") || equals_folded(word, "triple")) return 13;
    return -1;
}

}  // namespace

// A number spelled out to get past filters: "oh seven seven double oh nine double oh one two
// three", "zero one one three, four nine six ...": nine digits or more in words.
void find_spoken_phones(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_alpha(t[i]) || !boundary_before(t, i)) continue;
        std::size_t j = i;
        std::size_t end = i;
        int digits = 0;
        int repeat = 1;
        while (j < t.size()) {
            std::size_t k = j;
            while (k < t.size() && is_alpha(t[k])) ++k;
            const int d = k > j ? spoken_digit(t.substr(j, k - j)) : -1;
            if (d < 0) break;
            if (d >= 12) {
                repeat = d - 10;
            } else {
                digits += repeat;
                repeat = 1;
                end = k;
            }
            // Between words: spaces, a comma, a hyphen.
            std::size_t n = k;
            while (n < t.size() && (t[n] == ' ' || t[n] == ',' || t[n] == '-') && n - k < 3) ++n;
            if (n == k) break;
            j = n;
        }
        if (digits >= 9) {
            out.push_back({i, end, Kind::phone});
            i = end;
            continue;
        }
        // Too short to be a number: go on after the whole run, never through it again.
        i = std::max(i, j > i ? j - 1 : i);
        while (i + 1 < t.size() && is_alpha(t[i + 1])) ++i;
    }
}

namespace {
// HMRC never issues these prefixes, so a code that starts with one is some other reference
// (a claim, a job, a case) and is left alone: first letter D, F, I, Q, U or V; second letter
// D, F, I, O, Q, U or V; or BG, GB, NK, KN, TN, NT, ZZ.
bool issued_prefix(char first, char second) {
    const char a = lower(first);
    const char b = lower(second);
    if (std::string_view("dfiquv").find(a) != std::string_view::npos) return false;
    if (std::string_view("dfioquv").find(b) != std::string_view::npos) return false;
    for (std::string_view never : {"bg", "gb", "nk", "kn", "tn", "nt", "zz"}) {
        if (never[0] == a && never[1] == b) return false;
    }
    return true;
}
}  // namespace

namespace {
// Between an NI number's parts: a run of spaces, or the hyphen, slash or full stop that stands
// between all of them ("AB 12 34 56 C", "AB-12-34-56-C", "AB/12/34/56/C"; not "CR/2022/11",
// "CX-001947", a reference). Returns where the next part starts; j itself when none.
std::size_t ni_separator(std::string_view t, std::size_t j, char punctuation) {
    if (j >= t.size()) return j;
    if (punctuation) return t[j] == punctuation ? j + 1 : j;
    std::size_t k = j;
    while (k < t.size() && t[k] == ' ' && k - j < 3) ++k;
    return k;
}

// "AB-12-34-56": the prefix and every pair apart, by one character of punctuation.
bool punctuated_ni(std::string_view t, std::size_t i, char p) {
    for (std::size_t k = 0; k < 3; ++k) {
        const auto at = i + 2 + 3 * k;
        if (at + 2 >= t.size() || t[at] != p || !is_digit(t[at + 1]) || !is_digit(t[at + 2])) return false;
    }
    return true;
}
}  // namespace

void find_ni_numbers(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i + 8 <= t.size(); ++i) {
        if (!boundary_before(t, i) || !is_alpha(t[i]) || !is_alpha(t[i + 1])) continue;
        if (!issued_prefix(t[i], t[i + 1])) continue;
        std::size_t j = i + 2;
        const char punctuation =
            j < t.size() && (t[j] == '-' || t[j] == '/' || t[j] == '.') && punctuated_ni(t, i, t[j]) ? t[j] : 0;
        if (const auto k = ni_separator(t, j, punctuation); k < t.size() && is_digit(t[k])) j = k;
        int digits = 0;
        while (j < t.size() && digits < 6) {
            if (is_digit(t[j])) {
                ++digits;
                ++j;
            } else if (const auto k = ni_separator(t, j, punctuation);
                       k > j && digits > 0 && digits % 2 == 0 && k < t.size() && is_digit(t[k])) {
                j = k;
            } else {
                break;
            }
        }
        if (digits != 6) continue;
        std::size_t end = j;
        auto suffix = [](char c) { return (c >= 'A' && c <= 'D') || (c >= 'a' && c <= 'd'); };
        auto k = ni_separator(t, j, punctuation);
        if (k == j) k = ni_separator(t, j, 0);  // "AB-12-34-56 C"
        if (j < t.size() && suffix(t[j]) && boundary_after(t, j + 1)) {
            end = j + 1;  // "QQ123456C", "qq123456c"
        } else if (k > j && k < t.size() && suffix(t[k]) && boundary_after(t, k + 1) &&
                   (is_upper(t[k]) == is_upper(t[i]))) {
            end = k + 1;  // "QQ 12 34 56 C", "qq-12-34-56-c"; but "QQ 123456 a lot" keeps its English "a"
        }
        if (!boundary_after(t, end)) continue;
        out.push_back({i, end, Kind::ni_number});
        i = end - 1;
    }
}

namespace {
// Length of a full postcode starting at i (outward code, optional space, inward code), or 0.
// Letters must be all capitals or all small: "A4e 2nd" is a provider and a floor, not a postcode.
std::size_t postcode_at(std::string_view t, std::size_t i) {
    for (std::size_t letters = 2; letters >= 1; --letters) {
        std::size_t j = i;
        bool ok = true;
        for (std::size_t k = 0; k < letters; ++k, ++j) ok = ok && j < t.size() && is_alpha(t[j]);
        if (!ok || j >= t.size() || !is_digit(t[j])) continue;
        ++j;
        for (int extra = 1; extra >= 0; --extra) {
            std::size_t m = j;
            if (extra) {
                if (m >= t.size() || !is_alnum(t[m])) continue;
                ++m;
            }
            for (const auto outward_end = m; m < t.size() && t[m] == ' ' && m - outward_end < 3;) ++m;  // "SW1A  1AA"
            if (m + 3 > t.size() || !is_digit(t[m]) || !is_alpha(t[m + 1]) || !is_alpha(t[m + 2])) continue;
            const std::size_t end = m + 3;
            if (!boundary_after(t, end)) continue;
            bool upper = false;
            bool lower_case = false;
            for (std::size_t p = i; p < end; ++p) {
                upper = upper || is_upper(t[p]);
                lower_case = lower_case || is_lower(t[p]);
            }
            if (upper && lower_case) continue;
            return end - i;
        }
    }
    return 0;
}
}  // namespace

namespace {
// The last `n` words before byte i, nearest first, in small letters; a run of more than three
// characters that are not letters between two of them (or before the first) ends the list.
std::vector<std::string> words_before(std::string_view t, std::size_t i, int n) {
    std::vector<std::string> words;
    std::size_t end = std::min(i, t.size());
    while (static_cast<int>(words.size()) < n) {
        std::size_t gap = 0;
        while (end > 0 && !is_alpha(t[end - 1])) {
            if (++gap > 3) return words;
            --end;
        }
        std::size_t begin = end;
        while (begin > 0 && is_alpha(t[begin - 1])) --begin;
        if (begin == end) return words;
        std::string word;
        for (char c : t.substr(begin, end - begin)) word += lower(c);
        words.push_back(std::move(word));
        end = begin;
    }
    return words;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::ranges::find(list, word) != list.end();
}
}  // namespace

void find_staff_numbers(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_alnum(t[i]) || !boundary_before(t, i)) continue;
        // The token: letters, digits and inner hyphens or slashes, with at least 3 digits.
        std::size_t j = i, digits = 0;
        while (j < t.size() &&
               (is_alnum(t[j]) || ((t[j] == '-' || t[j] == '/') && j + 1 < t.size() && is_alnum(t[j + 1]) && j > i))) {
            digits += is_digit(t[j]) ? 1 : 0;
            ++j;
        }
        if (digits < 3 || j - i > 20) {
            i = j;
            continue;
        }
        // "<whose> <what> [is|was|:] TOKEN": whose is staff, employee, payroll, personnel or badge;
        // what is number, no, id, ref or reference.
        auto words = words_before(t, i, 4);
        if (!words.empty() && one_of(words.front(), {"is", "was"})) words.erase(words.begin());
        const bool named = words.size() >= 2 && one_of(words[0], {"number", "no", "num", "id", "ref", "reference"}) &&
                           one_of(words[1], {"staff", "employee", "payroll", "personnel", "badge", "employment"});
        if (named) out.push_back({i, j, Kind::staff_number});
        i = j;
    }
}

void find_postcodes(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!boundary_before(t, i) || !is_alpha(t[i])) continue;
        if (auto length = postcode_at(t, i)) {
            out.push_back({i, i + length, Kind::postcode});
            i += length - 1;
        }
    }
}

namespace {
bool word_char(char c) {
    return is_alnum(c) || c == '\'' || c == '-';
}

// End of a match of pattern p (case-insensitive; '*' is any run of word characters) starting
// at t[ti], or npos. Patterns are short phrases, so backtracking stays cheap.
std::size_t glob_end(std::string_view t, std::size_t ti, std::string_view p, std::size_t pi) {
    if (pi == p.size()) return ti;
    if (p[pi] == '*') {
        std::size_t run = ti;
        while (run < t.size() && word_char(t[run])) ++run;
        for (std::size_t k = run + 1; k-- > ti;) {
            if (auto end = glob_end(t, k, p, pi + 1); end != std::string_view::npos) return end;
        }
        return std::string_view::npos;
    }
    if (ti < t.size() && lower(t[ti]) == lower(p[pi])) return glob_end(t, ti + 1, p, pi + 1);
    return std::string_view::npos;
}
}  // namespace

void find_censored(std::string_view t, const std::vector<CensorRule>& rules, std::vector<Span>& out) {
    for (const auto& rule : rules) {
        if (rule.phrase.empty() || rule.phrase == "*") continue;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (!boundary_before(t, i)) continue;
            const auto end = glob_end(t, i, rule.phrase, 0);
            if (end == std::string_view::npos || end == i || !boundary_after(t, end)) continue;
            out.push_back({i, end, Kind::censored});
            i = end - 1;
        }
    }
}

}  // namespace pw::redaction::detail
