#include "store/database.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace pw::store {

Result<DatabaseUrl> parse_database_url(std::string_view text) {
    if (text.empty()) return fail(ErrorKind::invalid_input, "--db is empty: give a file path or a postgresql:// URL");
    if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
        const auto rest = text.substr(text.find("://") + 3);
        if (rest.empty() || rest.find_first_of(" \t\r\n'") != std::string_view::npos) {
            return fail(ErrorKind::invalid_input,
                        "--db: a PostgreSQL URL looks like postgresql://user:password@host:port/database");
        }
        // libpq understands the URL; SOCI's own parsing of it does not, so hand SOCI keywords.
        char* parse_error = nullptr;
        PQconninfoOption* options = PQconninfoParse(std::string(text).c_str(), &parse_error);
        if (!options) {
            std::string why = parse_error ? parse_error : "not a PostgreSQL URL";
            PQfreemem(parse_error);
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            return fail(ErrorKind::invalid_input, fmt::format("--db: {}", why));
        }
        std::string keywords;
        for (auto* o = options; o->keyword; ++o) {
            if (!o->val || !*o->val) continue;
            std::string value;
            for (const char* c = o->val; *c; ++c) {
                if (*c == '\'' || *c == '\\') value.push_back('\\');
                value.push_back(*c);
            }
            keywords += fmt::format("{}{}='{}'", keywords.empty() ? "" : " ", o->keyword, value);
        }
        PQconninfoFree(options);
        // A server that cannot be reached must not hold a thread for minutes (Database::heal).
        if (keywords.find("connect_timeout=") == std::string::npos) keywords += " connect_timeout='5'";
        DatabaseUrl url{Engine::postgresql, keywords, {}};
        // Hide a password: postgresql://user:secret@host -> postgresql://user:***@host
        std::string shown(text);
        const auto scheme_end = shown.find("://") + 3;
        const auto at = shown.find('@', scheme_end);
        const auto colon = shown.find(':', scheme_end);
        if (at != std::string::npos && colon != std::string::npos && colon < at) {
            shown.replace(colon + 1, at - colon - 1, "***");
        }
        url.display = shown;
        return url;
    }
    if (text.find("://") != std::string_view::npos) {
        return fail(ErrorKind::invalid_input,
                    fmt::format("--db: unsupported database URL '{}': use a file path (SQLite) or postgresql://...",
                                text.substr(0, text.find("://") + 3)));
    }
    std::string_view path = text;
    if (path.starts_with("sqlite:")) path.remove_prefix(7);
    if (path.empty() || path.find_first_of(" \t\r\n\"'=") != std::string_view::npos) {
        return fail(ErrorKind::invalid_input,
                    "--db: a SQLite file path must not be empty or contain spaces, quotes or '='");
    }
    return DatabaseUrl{Engine::sqlite, fmt::format("db={} timeout=5", path), std::string(path)};
}

std::string describe(const std::exception& e) {
    // Not what(): SOCI adds the statement and its bound values to it ("while executing ... with
    // :n=..."), and those can be what a person wrote. The engine's own message names no value.
    const auto* soci = dynamic_cast<const soci::soci_error*>(&e);
    std::string message = soci ? soci->get_error_message() : e.what();
    if (auto newline = message.find('\n'); newline != std::string::npos) message.resize(newline);
    while (!message.empty() && (message.back() == ' ' || message.back() == '.')) message.pop_back();
    return message;
}

namespace {
void configure(soci::session& session, Engine engine) {
    if (engine == Engine::sqlite) {
        session << "PRAGMA journal_mode=WAL";
        session << "PRAGMA synchronous=FULL";
        session << "PRAGMA foreign_keys=ON";
        session << "PRAGMA secure_delete=ON";
    } else {
        session << "SET client_min_messages TO WARNING";
    }
    int one = 0;
    session << "SELECT 1", soci::into(one);
}
}  // namespace

namespace {
// Each SQLite connection is used by one thread at a time (the pool sees to it), so SQLite's own
// per-connection mutexes and its global allocation statistics are pure contention. Must run
// before the first connection opens.
void configure_sqlite_once() {
    static const bool done = [] {
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}

// The database holds ratings, stories waiting for moderation and sanction cases: its owner's
// only. A file made before this rule (0644) is brought into it; SQLite gives its WAL and
// shared-memory files the database's own mode.
void owner_only(const std::string& path) {
    namespace fs = std::filesystem;
    for (const auto& file : {path, path + "-wal", path + "-shm"}) {
        std::error_code error;
        const auto status = fs::status(file, error);
        if (error || !fs::is_regular_file(status)) continue;
        if ((status.permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none) continue;
        fs::permissions(file, fs::perms::group_all | fs::perms::others_all, fs::perm_options::remove, error);
    }
}
}  // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url, std::size_t pool_size) {
    if (url.engine == Engine::sqlite) configure_sqlite_once();
    std::unique_ptr<Database> db(new Database(url, pool_size));
    const char* backend = url.engine == Engine::sqlite ? "sqlite3" : "postgresql";
    try {
        for (std::size_t i = 0; i < pool_size; ++i) {
            auto& session = db->pool_.at(i);
            session.open(backend, url.connect);
            configure(session, url.engine);
        }
    } catch (const std::exception& e) {
        return fail(ErrorKind::unavailable, fmt::format("cannot open database {}: {}", url.display, describe(e)));
    }
    if (url.engine == Engine::sqlite) owner_only(url.display);
    return db;
}

std::unique_ptr<soci::session> Database::connect() const {
    auto session = std::make_unique<soci::session>();
    session->open(url_.engine == Engine::sqlite ? "sqlite3" : "postgresql", url_.connect);
    configure(*session, url_.engine);
    return session;
}

int Database::heal() {
    if (url_.engine != Engine::postgresql) return 0;
    std::unique_lock one_at_a_time(healing_, std::try_to_lock);
    if (!one_at_a_time.owns_lock()) return 0;  // another thread is at it already
    // Every idle connection once, each held only while its status is read (no round trip);
    // the healthy go straight back, and only the dropped stay out while they reconnect.
    std::vector<std::size_t> leased;
    std::vector<std::size_t> dropped;
    for (std::size_t pos = 0; pool_.try_lease(pos, 0);) {
        leased.push_back(pos);
        auto* backend = static_cast<soci::postgresql_session_backend*>(pool_.at(pos).get_backend());
        if (!backend || PQstatus(backend->conn_) != CONNECTION_OK) dropped.push_back(pos);
    }
    for (auto pos : leased) {
        if (std::find(dropped.begin(), dropped.end(), pos) == dropped.end()) pool_.give_back(pos);
    }
    int healed = 0;
    for (auto pos : dropped) {
        try {
            pool_.at(pos).reconnect();  // at most connect_timeout (parse_database_url sets one)
            configure(pool_.at(pos), url_.engine);
            ++healed;
        } catch (const std::exception&) {
            // Still down: the next failure or snapshot round tries again.
        }
        pool_.give_back(pos);
    }
    if (healed > 0) spdlog::warn("event=database_reconnected connections={}", healed);
    return healed;
}

void Database::execute_script(soci::session& session, Engine engine, const std::string& sql) {
    if (engine == Engine::sqlite) {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        char* error = nullptr;
        if (sqlite_api::sqlite3_exec(backend->conn_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown SQLite error";
            sqlite_api::sqlite3_free(error);
            throw soci::soci_error(message);
        }
        return;
    }
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* result = PQexec(backend->conn_, sql.c_str());
    const auto status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw soci::soci_error(message);
}

Result<void> Database::check_writable() {
    try {
        auto s = session();
        if (url_.engine == Engine::sqlite) {
            // Takes the write lock and gives it back: fails on a read-only file or a held lock.
            s << "BEGIN IMMEDIATE";
            s << "ROLLBACK";
        } else {
            std::string read_only;
            s << "SHOW transaction_read_only", soci::into(read_only);
            if (read_only == "on") return fail(ErrorKind::unavailable, "the database is read-only");
        }
    } catch (const std::exception& e) {
        return fail(ErrorKind::unavailable,
                    fmt::format("database {} cannot be written: {}", url_.display, describe(e)));
    }
    return {};
}

}  // namespace pw::store
