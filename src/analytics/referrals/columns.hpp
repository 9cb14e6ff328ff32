#pragma once
// The header line of a referral file: which column is which, checked once.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "analytics/referrals/records.hpp"
#include "core/common/error.hpp"

namespace pw::analytics {

struct ColumnSpec {
    std::string_view name;
    bool required;
};

template <std::size_t N>
struct Columns {
    std::array<int, N> at{};  // position of each spec'd column in the file, or -1
    std::size_t width = 0;    // number of columns in the file
    bool has(std::size_t spec) const { return at[spec] >= 0; }
    std::string_view get(const Record& r, std::size_t spec) const {
        return at[spec] >= 0 ? r.fields[static_cast<std::size_t>(at[spec])] : std::string_view{};
    }
};

std::string column_list(const ColumnSpec* specs, std::size_t n);
Result<int> find_columns(const Record& header, const ColumnSpec* specs, std::size_t n, int* at);

template <std::size_t N>
Result<Columns<N>> read_header(const Record& header, const std::array<ColumnSpec, N>& specs) {
    Columns<N> columns;
    auto width = find_columns(header, specs.data(), N, columns.at.data());
    if (!width) return std::unexpected(width.error());
    columns.width = static_cast<std::size_t>(*width);
    return columns;
}

// A name (unit, provider, area, reason): non-empty after trimming, UTF-8, no control characters,
// at most 200 bytes. Returns why not, or nullopt when fine.
std::optional<std::string> name_problem(std::string_view name, std::string_view what);

}  // namespace pw::analytics
