#include "core/registry/import_rows.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <span>

#include "core/text/text.hpp"

namespace pw::registry {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxText = 1000;
using csv::check_rows;
using csv::Column;

// Providers are matched by their name's key (text::search_key: letters A to Z and digits), so
// two spellings of one name are one provider. A name with neither has an empty key, and every
// such name would be one provider.
std::optional<std::string> unmatchable(std::string_view column, std::string_view name) {
    if (!text::search_key(name).empty()) return std::nullopt;
    return fmt::format("{}: '{}' has no letter A to Z and no digit, which a provider's name needs so that it can be "
                       "told from others",
                       column, name);
}

std::string bad_code(std::string_view typed) {
    return fmt::format("cpa_number: '{}' is not an area number like 5 or 1a (1 to 999, then at most two letters)",
                       typed);
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

constexpr std::size_t kMaxContact = 300;
constexpr std::array kProcedureColumns{
    Column{"provider", true, kMaxName},    Column{"how_to_complain", true, kMaxText},
    Column{"contact", false, kMaxContact}, Column{"url", false, kMaxContact},
    Column{"source", true, kMaxText},
};

// A link shown to participants: https, printable ASCII only (no spaces, quotes, control or
// right-to-left characters), and a plain host name with no "user@" in front to disguise it.
bool plain_https_link(std::string_view url) {
    if (!url.starts_with("https://") || url.size() <= 8) return false;
    const auto printable = [](char c) { return c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\'; };
    if (!std::ranges::all_of(url, printable)) return false;
    const auto rest = url.substr(8);
    const auto host = rest.substr(0, rest.find_first_of("/?#"));
    const auto port = host.find(':');
    const auto name = host.substr(0, port);
    const auto host_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    };
    if (name.empty() || name.find('.') == std::string_view::npos || !std::ranges::all_of(name, host_char)) return false;
    if (port != std::string_view::npos) {
        const auto digits = host.substr(port + 1);
        if (digits.empty() || !std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; })) return false;
    }
    return true;
}

}  // namespace

std::optional<AreaCode> area_code(std::string_view typed) {
    const auto s = text::trim(typed);
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || digits > 3 || s.size() - digits > 2) return std::nullopt;
    AreaCode code;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (i >= digits) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c < 'a' || c > 'z') return std::nullopt;
        }
        code.text.push_back(c);
    }
    code.number = std::stoi(std::string(s.substr(0, digits)));
    if (code.number < 1) return std::nullopt;
    // "05" and "5" are one area: the number is kept without leading zeros.
    code.text = std::to_string(code.number) + code.text.substr(digits);
    return code;
}

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
    std::map<std::pair<std::string, std::string>, std::string> area_names;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> contracts;
    return check_rows<ContractRow>(
        kRegistryColumns, rows,
        [&](std::size_t line, const std::vector<std::string>& f) -> std::expected<ContractRow, std::string> {
            auto code = area_code(f[1]);
            if (!code) return std::unexpected(bad_code(f[1]));
            auto [area, fresh] = area_names.try_emplace({f[0], code->text}, f[2]);
            if (!fresh && area->second != f[2]) {
                return std::unexpected(
                    fmt::format("cpa_name: CPA {} is called '{}' on an earlier line", code->text, area->second));
            }
            if (auto error = unmatchable("prime_provider", f[3])) return std::unexpected(*error);
            auto [contract, new_contract] = contracts.try_emplace({f[0], code->text, text::search_key(f[3])}, line);
            if (!new_contract) {
                return std::unexpected(fmt::format("prime_provider: '{}' already holds CPA {} (line {})", f[3],
                                                   code->text, contract->second));
            }
            return ContractRow{line, f[0], *code, f[2], f[3], f[4], f[5]};
        });
}

Checked<SubcontractRow> check_providers(const std::vector<csv::Row>& rows) {
    return check_rows<SubcontractRow>(
        kProviderColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<SubcontractRow, std::string> {
            auto code = area_code(f[1]);
            if (!code) return std::unexpected(bad_code(f[1]));
            if (auto error = unmatchable("prime_provider", f[2])) return std::unexpected(*error);
            if (auto error = unmatchable("subcontractor", f[3])) return std::unexpected(*error);
            if (text::search_key(f[2]) == text::search_key(f[3])) {
                return std::unexpected("subcontractor: a prime cannot be its own sub-contractor");
            }
            return SubcontractRow{line, f[0], *code, f[2], f[3], f[4]};
        });
}

Checked<OfficeRow> check_offices(const std::vector<csv::Row>& rows) {
    return check_rows<OfficeRow>(
        kOfficeColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<OfficeRow, std::string> {
            if (auto error = unmatchable("provider", f[0])) return std::unexpected(*error);
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
            if (auto error = unmatchable("provider", f[0])) return std::unexpected(*error);
            return StandardRow{line, f[0], f[1], f[2]};
        });
}

Checked<ProcedureRow> check_procedures(const std::vector<csv::Row>& rows) {
    return check_rows<ProcedureRow>(
        kProcedureColumns, rows,
        [](std::size_t line, const std::vector<std::string>& f) -> std::expected<ProcedureRow, std::string> {
            if (auto error = unmatchable("provider", f[0])) return std::unexpected(*error);
            if (!f[3].empty() && !plain_https_link(f[3])) {
                return std::unexpected(fmt::format("url: '{}' is not an https:// address", f[3]));
            }
            return ProcedureRow{line, f[0], f[1], f[2], f[3], f[4]};
        });
}

}  // namespace pw::registry
