#pragma once
// Checking a CSV file against named columns, row by row: every bad row is reported with its
// line and reason, the good ones are built. Shared by every importer.
#include <fmt/format.h>

#include <expected>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv/csv.hpp"
#include "core/text/text.hpp"

namespace pw::csv {

struct RowError {
    std::size_t line = 0;
    std::string reason;
};

template <class T>
struct Checked {
    std::vector<T> rows;           // the good rows
    std::vector<RowError> errors;  // one per bad row (or for the header, line 1)
};

struct Column {
    std::string_view name;
    bool required;
    std::size_t max_bytes;
};

// Maps the header to column positions; columns may come in any order, extra ones are refused
// so a typo in a column name is not silently ignored.
class Layout {
public:
    Layout(std::span<const Column> columns, const std::vector<csv::Row>& rows, std::vector<RowError>& errors)
        : columns_(columns) {
        if (rows.empty()) {
            errors.push_back({1, "the file is empty: it needs a header line and at least one row"});
            return;
        }
        const auto& header = rows.front();
        std::map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            const std::string name(text::trim(header.fields[i]));
            if (seen.contains(name)) {
                errors.push_back({header.line, fmt::format("column '{}' appears twice in the header", name)});
                return;
            }
            seen[name] = i;
        }
        for (const auto& column : columns) {
            auto it = seen.find(std::string(column.name));
            if (it == seen.end()) {
                errors.push_back({header.line, fmt::format("the header has no '{}' column (expected: {})", column.name,
                                                           expected())});
                return;
            }
            positions_.push_back(it->second);
            seen.erase(it);
        }
        if (!seen.empty()) {
            errors.push_back({header.line, fmt::format("unknown column '{}' in the header (expected: {})",
                                                       seen.begin()->first, expected())});
            return;
        }
        width_ = header.fields.size();
        ok_ = true;
    }

    bool ok() const { return ok_; }

    // The row's cleaned fields in column order, or the reason it is bad.
    std::expected<std::vector<std::string>, std::string> fields(const csv::Row& row) const {
        if (row.fields.size() != width_) {
            return std::unexpected(fmt::format("expected {} fields, found {}", width_, row.fields.size()));
        }
        std::vector<std::string> out;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const auto& column = columns_[c];
            auto value = text::clean_line(row.fields[positions_[c]], column.max_bytes);
            if (!value) {
                return std::unexpected(
                    fmt::format("{}: must be one line of at most {} characters, without "
                                "control characters",
                                column.name, column.max_bytes));
            }
            if (column.required && value->empty()) return std::unexpected(fmt::format("{}: is empty", column.name));
            // A cell this site wrote with a ' in front so a spreadsheet would not run it reads back
            // as it was: an export imports again unchanged.
            if (value->starts_with('\'') && looks_like_formula(std::string_view(*value).substr(1))) value->erase(0, 1);
            out.push_back(std::move(*value));
        }
        return out;
    }

private:
    std::string expected() const {
        std::string list;
        for (const auto& column : columns_) {
            if (!list.empty()) list += ',';
            list += column.name;
        }
        return list;
    }

    std::span<const Column> columns_;
    std::vector<std::size_t> positions_;
    std::size_t width_ = 0;
    bool ok_ = false;
};

// Runs build(line, fields) over every data row; build returns the row or a reason.
template <class T, class Build>
Checked<T> check_rows(std::span<const Column> columns, const std::vector<csv::Row>& rows, Build build) {
    Checked<T> result;
    Layout layout(columns, rows, result.errors);
    if (!layout.ok()) return result;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        auto fields = layout.fields(rows[i]);
        if (!fields) {
            result.errors.push_back({rows[i].line, fields.error()});
            continue;
        }
        std::expected<T, std::string> row = build(rows[i].line, *fields);
        if (!row) {
            result.errors.push_back({rows[i].line, row.error()});
            continue;
        }
        result.rows.push_back(std::move(*row));
    }
    if (rows.size() == 1) result.errors.push_back({rows[0].line, "the file has a header but no rows"});
    return result;
}

}  // namespace pw::csv
