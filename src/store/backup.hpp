#pragma once
// Backup and restore: a consistent snapshot of every table, as JSON lines, that restores into
// an empty database of either engine at the same schema version.
#include <iosfwd>
#include <vector>

#include "store/database.hpp"

namespace pw::store {

// The tables in an order that respects their foreign keys.
const std::vector<std::string>& backed_up_tables();

struct BackupSummary {
    std::size_t tables = 0;
    std::size_t rows = 0;
};

// One read transaction (a snapshot: writers carry on meanwhile).
Result<BackupSummary> backup(Database& db, std::ostream& out);
// Into a freshly migrated, empty database; all or nothing.
Result<BackupSummary> restore(Database& db, std::istream& in);

}  // namespace pw::store
