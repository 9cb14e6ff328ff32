#pragma once
// What several subcommands share: opening --db, and today's month.
#include <memory>
#include <string>

#include "core/common/month.hpp"
#include "store/database.hpp"

namespace pw::cli {

// Parses and opens --db; on failure prints one line and returns nullptr.
std::unique_ptr<store::Database> open_database(const std::string& url, std::size_t pool_size = 1);

// Opens --db and refuses to go on unless the schema is current (a missing migration).
std::unique_ptr<store::Database> open_current_database(const std::string& url, std::size_t pool_size = 1);

// The month now, in UTC: the only clock reading the store ever sees.
Month current_month();

}  // namespace pw::cli
