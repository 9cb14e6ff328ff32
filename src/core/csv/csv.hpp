#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, embedded newlines, UTF-8 BOM.
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace pw::csv {

struct Row {
    std::size_t line = 0;  // 1-based line on which the row starts, as an editor shows it
    std::vector<std::string> fields;
};

// A whole file: a structural fault (an unterminated quote, a NUL byte, invalid UTF-8)
// is an error for the whole file, with the line where it is.
Result<std::vector<Row>> parse(std::string_view text);

// One field for writing: quoted when needed, and a field that looks like a formula is
// prefixed with ' so a spreadsheet never runs an exported cell.
std::string escape_field(std::string_view field);
// True when a spreadsheet would read the field as a formula: a leading = + - @, tab or CR,
// unless the field is a plain number ("-0.25").
bool looks_like_formula(std::string_view field);
std::string format_row(const std::vector<std::string>& fields);

}  // namespace pw::csv
