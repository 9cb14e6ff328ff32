#include "analytics/referrals/columns.hpp"

#include <algorithm>

#include "core/text/text.hpp"
#include "core/text/unicode.hpp"

namespace pw::analytics {
namespace {

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string printable(std::string_view text) {
    std::string out;
    for (unsigned char c : text.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return out;
}

}  // namespace

std::string column_list(const ColumnSpec* specs, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        out += specs[i].name;
    }
    return out;
}

Result<int> find_columns(const Record& header, const ColumnSpec* specs, std::size_t n, int* at) {
    const std::string expected = "the first line must name the columns, for example: " + column_list(specs, n);
    if (header.too_many) return fail(ErrorKind::invalid_input, "the first line has too many columns; " + expected);
    std::fill(at, at + n, -1);
    for (std::size_t f = 0; f < header.count; ++f) {
        const std::string name = lower_trimmed(header.fields[f]);
        const auto* spec = std::find_if(specs, specs + n, [&](const ColumnSpec& s) { return s.name == name; });
        if (spec == specs + n)
            return fail(ErrorKind::invalid_input, "unknown column \"" + printable(name) + "\" on line 1; " + expected);
        const auto index = static_cast<std::size_t>(spec - specs);
        if (at[index] >= 0) return fail(ErrorKind::invalid_input, "column \"" + name + "\" appears twice on line 1");
        at[index] = static_cast<int>(f);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (specs[i].required && at[i] < 0)
            return fail(ErrorKind::invalid_input,
                        "the column \"" + std::string(specs[i].name) + "\" is missing from line 1; " + expected);
    return static_cast<int>(header.count);
}

std::optional<std::string> name_problem(std::string_view name, std::string_view what) {
    if (name.empty()) return std::string(what) + " is empty";
    if (!text::is_valid_utf8(name)) return std::string(what) + " is not valid UTF-8 text";
    // Characters, not bytes: "é" is two bytes, and a name in another script three a letter.
    if (text::character_count(name) > 200) return std::string(what) + " is longer than 200 characters";
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return std::string(what) + " contains a control character";
    if (name.front() == ' ' || name.back() == ' ') return std::string(what) + " starts or ends with a space";
    return std::nullopt;
}

}  // namespace pw::analytics
