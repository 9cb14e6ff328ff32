#include "core/registry/import_rows.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <map>
#include <span>

#include "core/text/text.hpp"

namespace pw::registry {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxText = 1000;
using csv::check_rows;
using csv::Column;

std::optional<int> cpa_number(const std::string& s) {
    auto n = text::parse_positive_int(s, 999);
    if (!n) return std::nullopt;
    return static_cast<int>(*n);
}

constexpr std::array kRegistryColumns{
    Column{"programme", true, kMaxName},      Column{"cpa_number", true, kMaxName}, Column{"cpa_name", true, kMaxName},
    Column{"prime_provider", true, kMaxName}, Column{"notes", false, kMaxText},     Column{"source", true, kMaxText},
};
constexpr std::array kProviderColumns{
    Column{"programme", true, kMaxName},      Column{"cpa_number", true, kMaxName},
    Column{"prime_provider", true, kMaxName}, Column{"subcontractor", true, kMaxName},
    Column{"source", true, kMaxText},
};
constexpr std::array kOfficeColumns{
    Column{"provider", true, kMaxName},   Column{"office_name", true, kMaxName}, Column{"town", true, kMaxName},
    Column{"postcode_district", true, 4}, Column{"source", true, kMaxText},
};
constexpr std::array kStandardColumns{
    Column{"provider", true, kMaxName},
    Column{"standard", true, kMaxText},
    Column{"source", true, kMaxText},
};

}  // namespace

std::optional<std::string> normalise_postcode_district(std::string_view s) {
    std::string up;
    for (char c : text::trim(s)) up.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    // Outward code: A9, A99, AA9, AA99, A9A, AA9A.
    auto alpha = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    while (i < up.size() && i < 2 && alpha(up[i])) ++i;
    if (i == 0 || i >= up.size() || !digit(up[i])) return std::nullopt;
    ++i;
    if (i < up.size() && (digit(up[i]) || alpha(up[i]))) ++i;
    if (i != up.size()) return std::nullopt;
    return up;
}

Checked<ContractRow> check_registry(const std::vector<csv::Row>& rows) {
    std::map<std::pair<std::string, int>, std::string> area_names;
    std::map<std::tuple<std::string, int, std::string>, std::size_t> contracts;
    return check_rows<ContractRow>(
        kRegistryColumns, rows,
        [&](std::size_t line, const std::vector<std::string>& f) -> std::expected<ContractRow, std::string> {
            auto number = cpa_number(f[1]);
            if (!number)
                return std::unexpected(fmt::format("cpa_number: '{}' is not a whole number from 1 to 999", f[1]));
            auto [area, fresh] = area_names.try_emplace({f[0], *number}, f[2]);
            if (!fresh && area->second != f[2]) {
                return std::unexpected(
                    fmt::format("cpa_name: CPA {} is called '{}' on an earlier line", *number, area->second));
            }
            auto [contract, new_contract] = contracts.try_emplace({f[0], *number, text::search_key(f[3])}, line);
            if (!new_contract) {
                return std::unexpected(fmt::format("prime_provider: '{}' already holds CPA {} (line {})", f[3], *number,
                                                   contract->second));
            }
            return ContractRow{line, f[0], *number, f[2], f[3], f[4], f[5]};
        });
}

Checked<SubcontractRow> check_providers(const std::vector<csv::Row>& rows) {
    return check_rows<SubcontractRow>(
        kProviderColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<SubcontractRow, std::string> {
            auto number = cpa_number(f[1]);
            if (!number)
                return std::unexpected(fmt::format("cpa_number: '{}' is not a whole number from 1 to 999", f[1]));
            if (text::search_key(f[2]) == text::search_key(f[3])) {
                return std::unexpected("subcontractor: a prime cannot be its own sub-contractor");
            }
            return SubcontractRow{line, f[0], *number, f[2], f[3], f[4]};
        });
}

Checked<OfficeRow> check_offices(const std::vector<csv::Row>& rows) {
    return check_rows<OfficeRow>(
        kOfficeColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<OfficeRow, std::string> {
            auto district = normalise_postcode_district(f[3]);
            if (!district) {
                return std::unexpected(
                    fmt::format("postcode_district: '{}' is not a postcode district (the first half of a postcode, "
                                "like LS1 or SW1A)",
                                f[3]));
            }
            return OfficeRow{line, f[0], f[1], f[2], *district, f[4]};
        });
}

Checked<StandardRow> check_standards(const std::vector<csv::Row>& rows) {
    return check_rows<StandardRow>(
        kStandardColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<StandardRow, std::string> {
            return StandardRow{line, f[0], f[1], f[2]};
        });
}

}  // namespace pw::registry
