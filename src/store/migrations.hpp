#pragma once
// Numbered migrations (store/migrations/NNN_what.sql), embedded in the binary, applied in order
// and recorded in schema_migrations. See store/migrations/README.md for the dialect rules.
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "store/database.hpp"

namespace pw::store {

struct Migration {
    int version = 0;
    std::string name;  // "001_registry"
    std::string sql;
};

// The migrations this build knows, in order. Throws on a malformed embedded file name (a bug).
const std::vector<Migration>& known_migrations();

// The SQL of a migration for one engine: @ID@ becomes the engine's auto-increment key.
std::string dialect_sql(const std::string& sql, Engine engine);

// Applies what is missing, each migration in its own transaction; returns the names applied.
// Idempotent. Fails if the database holds a migration this build does not know.
Result<std::vector<std::string>> migrate(Database& db);

// For serve: fails unless the database is at exactly this build's schema.
Result<void> check_schema_current(Database& db);

}  // namespace pw::store
