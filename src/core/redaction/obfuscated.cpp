// Addresses written to get past filters: "jo at example dot com", "jo[at]example[dot]co[dot]uk",
// "rachel dot okoro at gmail dot com", "jo @ gmail . com". A plain "jo@example.com" is the
// e-mail scanner's.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

namespace {

bool label_char(char c) {
    return is_alnum(c) || c == '_' || c == '-' || c == '+' || c == '%' || c == '\'';
}

// At i, a word w (any case) standing alone or in brackets: "at", " at ", "[at]", "(at)". Returns
// where it ends and whether it was bracketed.
std::optional<std::pair<std::size_t, bool>> word_token(std::string_view t, std::size_t i, std::string_view w) {
    std::size_t at = i;
    const bool bracketed = at < t.size() && (t[at] == '[' || t[at] == '(' || t[at] == '<');
    if (bracketed) ++at;
    if (at + w.size() > t.size()) return std::nullopt;
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (lower(t[at + k]) != w[k]) return std::nullopt;
    }
    at += w.size();
    if (bracketed) {
        if (at >= t.size() || (t[at] != ']' && t[at] != ')' && t[at] != '>')) return std::nullopt;
        ++at;
    } else if (!boundary_before(t, i) || !boundary_after(t, at)) {
        return std::nullopt;
    }
    return std::pair{at, bracketed};
}

struct Separator {
    std::size_t end = 0;
    bool disguised = false;  // a word or brackets, not the character itself
};

// A separator ("@"/"at" or "."/"dot") at i, with the spaces around it: "jo at", " . ", "[dot]".
std::optional<Separator> separator_at(std::string_view t, std::size_t i, char symbol, std::string_view word) {
    std::size_t at = i;
    while (at < t.size() && t[at] == ' ') ++at;
    const bool spaced_before = at > i;
    if (at < t.size() && t[at] == symbol) {
        std::size_t end = at + 1;
        while (end < t.size() && t[end] == ' ') ++end;
        if (symbol == '@' && !spaced_before && end == at + 1) return std::nullopt;  // a plain address
        if (symbol == '.' && spaced_before != (end > at + 1)) return std::nullopt;  // "end. Then"
        return Separator{end, false};
    }
    auto token = word_token(t, at, word);
    if (!token) return std::nullopt;
    std::size_t end = token->first;
    if (!token->second && (!spaced_before || end >= t.size() || t[end] != ' ')) return std::nullopt;
    while (end < t.size() && t[end] == ' ') ++end;
    return Separator{end, true};
}

bool listed_ending(std::string_view ending) {
    static constexpr std::array<std::string_view, 8> kEndings{"com", "uk", "org", "net", "ie", "io", "info", "scot"};
    return std::ranges::find(kEndings, ending) != kEndings.end();
}

std::size_t label_end(std::string_view t, std::size_t i) {
    while (i < t.size() && label_char(t[i])) ++i;
    return i;
}

}  // namespace

void find_obfuscated_emails(std::string_view t, std::vector<Span>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!label_char(t[i]) || !boundary_before(t, i) || (i > 0 && (t[i - 1] == '@' || t[i - 1] == '.'))) continue;
        // The local part: labels joined by dots, disguised or not.
        std::size_t at = label_end(t, i);
        bool disguised = false;
        while (true) {
            auto dot = separator_at(t, at, '.', "dot");
            if (!dot || dot->end >= t.size() || !label_char(t[dot->end])) break;
            if (separator_at(t, at, '@', "at")) break;
            disguised = disguised || dot->disguised;
            at = label_end(t, dot->end);
        }
        // Starting later in the same local part would reach this same point and fail the same
        // way, so a failure skips past it: linear time on "a dot a dot a dot ...".
        const std::size_t resume = std::max(label_end(t, i), at) - 1;
        auto separator = separator_at(t, at, '@', "at");
        if (!separator || separator->end >= t.size() || !is_alnum(t[separator->end])) {
            i = resume;
            continue;
        }
        // The domain: at least two labels, the last all letters.
        std::size_t end = label_end(t, separator->end);
        std::size_t last_label = separator->end;
        int dots = 0;
        while (true) {
            auto dot = separator_at(t, end, '.', "dot");
            if (!dot || dot->end >= t.size() || !is_alnum(t[dot->end])) break;
            const auto next = label_end(t, dot->end);
            disguised = disguised || dot->disguised;
            last_label = dot->end;
            end = next;
            ++dots;
        }
        bool tld = end - last_label >= 2 && dots > 0;
        for (auto k = last_label; k < end && tld; ++k) tld = is_alpha(t[k]);
        // "me at t dot okonjo at example dot co dot uk": what looked like the domain is the local
        // part of the address that follows.
        if (const auto again = separator_at(t, end, '@', "at");
            again && again->end < t.size() && is_alnum(t[again->end])) {
            i = separator->end - 1;
            continue;
        }
        // "write to me at k.asante" is not an address: the bare word "at" needs a disguised dot too
        // ("dot", "[dot]"); "[at]" and a spaced "@" are disguises enough.
        const auto at_text = t.substr(at, separator->end - at);
        const bool bare_word_at =
            at_text.find('@') == std::string_view::npos && at_text.find_first_of("[(<") == std::string_view::npos;
        // "kofi.mensah at example.com": a bare "at" between a local part with a dot, a digit or an
        // underscore in it and a domain with a common ending ("looked at gov.uk" is no address).
        std::string ending;
        for (auto k = last_label; k < end; ++k) ending.push_back(lower(t[k]));
        const auto local = t.substr(i, at - i);
        const bool plain_address = local.find_first_of("._0123456789") != std::string_view::npos &&
                                   std::ranges::any_of(local, [](char c) { return is_alpha(c); }) &&
                                   listed_ending(ending);
        if (!tld || (bare_word_at && !disguised && !plain_address)) {
            i = resume;
            continue;
        }
        out.push_back({i, end, Kind::email});
        i = end - 1;
    }
}

// A social-media handle names a person as surely as a name: "@jobloggs77" becomes "[name]".
// Not the "@" inside an address, and not a lone "@" or "@ 9am".
void find_handles(std::string_view t, std::vector<Span>& out) {
    for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
        if (at > 0 && (is_alnum(t[at - 1]) || t[at - 1] == '.' || t[at - 1] == '_' || t[at - 1] == '-')) continue;
        std::size_t end = at + 1;
        while (end < t.size() && (is_alnum(t[end]) || t[end] == '_') && end - at <= 30) ++end;
        const auto handle = t.substr(at + 1, end - at - 1);
        bool has_letter = false;
        for (char c : handle) has_letter = has_letter || is_alpha(c);
        if (handle.size() < 2 || !has_letter || !boundary_after(t, end) || (end < t.size() && t[end] == '@')) continue;
        // "@example.com" is a domain; "@kazza.b_" and "@lil.sh4nnon" are handles with dots in them.
        bool domain = false;
        while (end < t.size() && t[end] == '.' && end + 1 < t.size() && (is_alnum(t[end + 1]) || t[end + 1] == '_')) {
            std::size_t next = end + 1;
            while (next < t.size() && (is_alnum(t[next]) || t[next] == '_') && next - at <= 30) ++next;
            std::string part;
            for (char c : t.substr(end + 1, next - end - 1)) part.push_back(lower(c));
            static constexpr std::array<std::string_view, 12> kDomainEnds{"com", "co", "uk", "org", "net", "gov",
                                                                          "ac", "io", "ie", "info", "biz", "me"};
            if (std::ranges::find(kDomainEnds, part) != kDomainEnds.end()) {
                domain = true;
                break;
            }
            end = next;
        }
        if (domain) continue;
        out.push_back({at, end, Kind::staff_name, "[name]"});
        at = end - 1;
    }
}

}  // namespace pw::redaction::detail
