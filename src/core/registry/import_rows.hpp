#pragma once
// The documented CSV formats of the registry (docs/csv-formats.md), checked row by row.
// Pure: references to existing rows (a parent prime, a provider) are resolved by the store,
// which reports what it cannot find with the same line numbers.
#include <optional>
#include <string>
#include <vector>

#include "core/csv/table.hpp"

namespace pw::registry {

using csv::RowError;

// An area's code within its programme: a number of 1 to 3 digits, then at most two letters, as
// the programmes name them ("5" in the Work Programme, "1a" and "5c" in the Restart Scheme).
// Lower case; nullopt for anything else.
struct AreaCode {
    std::string text;  // "1a"
    int number = 0;    // 1: the areas of a programme are listed by it, then by the text
};
std::optional<AreaCode> area_code(std::string_view typed);

// registry: programme,cpa_number,cpa_name,prime_provider,notes,source
struct ContractRow {
    std::size_t line = 0;
    std::string programme;
    AreaCode cpa;
    std::string cpa_name;
    std::string prime;
    std::string notes;
    std::string source;
};

// providers: programme,cpa_number,prime_provider,subcontractor,source
struct SubcontractRow {
    std::size_t line = 0;
    std::string programme;
    AreaCode cpa;
    std::string prime;
    std::string subcontractor;
    std::string source;
};

// offices: provider,office_name,town,postcode_district,source
struct OfficeRow {
    std::size_t line = 0;
    std::string provider;
    std::string name;
    std::string town;
    std::string postcode_district;  // normalised: upper case, e.g. "LS1"
    std::string source;
};

// standards: provider,standard,source
struct StandardRow {
    std::size_t line = 0;
    std::string provider;
    std::string text;
    std::string source;
};

// procedures: provider,how_to_complain,contact,url,source — a provider's own complaints procedure
struct ProcedureRow {
    std::size_t line = 0;
    std::string provider;
    std::string how;      // how to complain, in the provider's published words
    std::string contact;  // optional: where complaints go (address, e-mail, phone)
    std::string url;      // optional: the procedure's page, https only
    std::string source;
};

template <class T>
using Checked = csv::Checked<T>;

Checked<ContractRow> check_registry(const std::vector<csv::Row>& rows);
Checked<SubcontractRow> check_providers(const std::vector<csv::Row>& rows);
Checked<OfficeRow> check_offices(const std::vector<csv::Row>& rows);
Checked<StandardRow> check_standards(const std::vector<csv::Row>& rows);
Checked<ProcedureRow> check_procedures(const std::vector<csv::Row>& rows);

// "ls1" -> "LS1"; nullopt unless it is a UK outward code (postcode district).
std::optional<std::string> normalise_postcode_district(std::string_view s);

}  // namespace pw::registry
