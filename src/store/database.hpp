#pragma once
// Opening a database named by --db: a file path (SQLite, the embedded default) or a
// postgresql:// URL. One code path over SOCI for both engines.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <soci/soci.h>

#include "core/common/error.hpp"

namespace pw::store {

enum class Engine { sqlite, postgresql };

struct DatabaseUrl {
    Engine engine = Engine::sqlite;
    std::string connect;  // SOCI connection string
    std::string display;  // safe to print: never contains a password
};

// Pure: classifies and checks the text given to --db.
Result<DatabaseUrl> parse_database_url(std::string_view text);

class Database {
public:
    // Opens pool_size sessions and applies the engine's settings (SQLite: WAL, synchronous=FULL,
    // foreign_keys, secure_delete, busy timeout). Errors are values with one clear line.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url, std::size_t pool_size = 1);

    Engine engine() const { return url_.engine; }
    const DatabaseUrl& url() const { return url_; }

    // A session borrowed from the pool for the current scope.
    soci::session session() { return soci::session(pool_); }

    // A connection of its own, outside the pool, opened with the same settings: the writer's,
    // which keeps statements prepared on it (store/writer/statement_cache.hpp). Throws when the
    // database cannot be reached.
    std::unique_ptr<soci::session> connect() const;

    // Runs a multi-statement SQL script with the engine's own executor (migrations).
    static void execute_script(soci::session& session, Engine engine, const std::string& sql);

    // Fails when the database cannot be written (read-only file, held lock).
    Result<void> check_writable();

    // Reconnects every idle pooled connection the server has dropped (PostgreSQL restarted, or
    // its backends killed); returns how many. A dropped connection fails the one request that
    // finds it, then this brings it back (and logs event=database_reconnected). Cheap: no
    // round trip for a healthy connection.
    int heal();

private:
    Database(DatabaseUrl url, std::size_t pool_size) : url_(std::move(url)), pool_(pool_size) {}
    DatabaseUrl url_;
    soci::connection_pool pool_;
    std::mutex healing_;
};

// One line for a person: the first line of a SOCI error, without the engine's noise.
std::string describe(const std::exception& e);

}  // namespace pw::store
