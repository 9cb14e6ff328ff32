#include "core/csv/csv.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "core/text/text.hpp"

namespace pw::csv {

Result<std::vector<Row>> parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!text::is_valid_utf8(text)) {
        return fail(ErrorKind::invalid_input, "The file is not valid UTF-8 text. Save it as CSV UTF-8 and try again.");
    }
    std::vector<Row> rows;
    Row row;
    std::string field;
    std::size_t line = 1;
    bool in_quotes = false;
    bool field_was_quoted = false;
    std::size_t quote_line = 0;
    row.line = 1;

    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        field_was_quoted = false;
    };
    auto end_row = [&] {
        end_field();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0')
            return fail(ErrorKind::invalid_input, fmt::format("line {}: the file contains a NUL byte", line));
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        switch (c) {
            case '"':
                if (!field.empty() || field_was_quoted) {
                    return fail(ErrorKind::invalid_input,
                                fmt::format("line {}: a quote in the middle of a field (wrap the whole field in quotes "
                                            "and double any quote inside it)",
                                            line));
                }
                in_quotes = true;
                field_was_quoted = true;
                quote_line = line;
                break;
            case ',':
                end_field();
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the LF ends the row
                ++line;
                end_row();
                break;
            case '\n':
                ++line;
                end_row();
                break;
            default:
                if (field_was_quoted) {
                    return fail(ErrorKind::invalid_input, fmt::format("line {}: text after a closing quote", line));
                }
                field.push_back(c);
        }
    }
    if (in_quotes) {
        return fail(ErrorKind::invalid_input, fmt::format("line {}: a quoted field is never closed", quote_line));
    }
    if (!field.empty() || field_was_quoted || !row.fields.empty()) end_row();
    return rows;
}

bool looks_like_formula(std::string_view field) {
    if (field.empty() || std::string_view("=+-@\t\r").find(field.front()) == std::string_view::npos) return false;
    // A plain negative number ("-0.25", "-1e-05") is a number to a spreadsheet, not a formula:
    // left as it is, so a column of effects stays numeric. Plain means digits, a point and an
    // exponent only (from_chars also reads "-inf" and "-nan(x)"), read whole by from_chars.
    const auto rest = field.substr(1);
    const bool plain = !rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '.') &&
                       rest.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
    double number = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), number);
    return !plain || field[0] != '-' || error != std::errc{} || end != field.data() + field.size();
}

std::string escape_field(std::string_view field) {
    std::string value;
    if (looks_like_formula(field)) value.push_back('\'');
    value.append(field);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string format_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(',');
        out += escape_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

}  // namespace pw::csv
