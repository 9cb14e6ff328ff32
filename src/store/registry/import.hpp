#pragma once
// The import commands: one CSV file, one transaction, all or nothing unless skip_bad.
#include <soci/soci.h>

#include <expected>
#include <vector>

#include "core/common/month.hpp"
#include "core/registry/import_rows.hpp"
#include "store/database.hpp"

namespace pw::store {

struct ImportOptions {
    bool skip_bad = false;  // import the good rows and report the bad ones, instead of refusing the file
    Month month;            // for the events row
};

struct ImportReport {
    std::size_t rows = 0;             // data rows read
    std::size_t created = 0;          // rows that added something
    std::size_t already_present = 0;  // rows already in the registry, left as they are
    std::vector<registry::RowError> skipped;
};

// On failure: every bad row with its line and reason; the database is unchanged.
using ImportResult = std::expected<ImportReport, std::vector<registry::RowError>>;

// Each importer twice: in a transaction of its own (the command line), and on a session whose
// transaction the caller owns (the admin's import page, through the writer), which rolls back on
// failure.
ImportResult import_registry(Database& db, const registry::Checked<registry::ContractRow>& rows,
                             const ImportOptions& options);
ImportResult import_registry(soci::session& s, const registry::Checked<registry::ContractRow>& rows,
                             const ImportOptions& options);
ImportResult import_subcontracts(Database& db, const registry::Checked<registry::SubcontractRow>& rows,
                                 const ImportOptions& options);
ImportResult import_subcontracts(soci::session& s, const registry::Checked<registry::SubcontractRow>& rows,
                                 const ImportOptions& options);
ImportResult import_offices(Database& db, const registry::Checked<registry::OfficeRow>& rows,
                            const ImportOptions& options);
ImportResult import_offices(soci::session& s, const registry::Checked<registry::OfficeRow>& rows,
                            const ImportOptions& options);
// A provider's standards in the file replace those it had: the file is the published list.
ImportResult import_standards(Database& db, const registry::Checked<registry::StandardRow>& rows,
                              const ImportOptions& options);
ImportResult import_standards(soci::session& s, const registry::Checked<registry::StandardRow>& rows,
                              const ImportOptions& options);
// A provider's complaints procedure in the file replaces the one it had; once per provider a file.
ImportResult import_procedures(Database& db, const registry::Checked<registry::ProcedureRow>& rows,
                               const ImportOptions& options);
ImportResult import_procedures(soci::session& s, const registry::Checked<registry::ProcedureRow>& rows,
                               const ImportOptions& options);

}  // namespace pw::store
