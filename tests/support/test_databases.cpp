#include "support/test_databases.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include <fmt/format.h>
#include <soci/soci.h>

namespace pw::testing {

namespace fs = std::filesystem;

const char* engine_name(store::Engine engine) {
    return engine == store::Engine::sqlite ? "SQLite" : "PostgreSQL";
}

namespace {

// The URL of database `name` on the server of the admin URL.
std::string database_url(const std::string& admin_url, const std::string& name) {
    return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::create(store::Engine engine, std::string& reason) {
    return create_from(engine, reason, "");
}

std::unique_ptr<TestDatabase> TestDatabase::create_from(store::Engine engine, std::string& reason,
                                                        const std::string& from) {
    static std::atomic<int> counter{0};
    auto db = std::unique_ptr<TestDatabase>(new TestDatabase());
    db->engine_ = engine;
    const int n = counter++;
    if (engine == store::Engine::sqlite) {
        db->name_ = (fs::temp_directory_path() / fmt::format("providerwatch-test-{}-{}", getpid(), n)).string();
        fs::remove_all(db->name_);
        fs::create_directories(db->name_);
        db->url_ = db->name_ + "/test.db";
        return db;
    }
    const char* admin = std::getenv("PW_TEST_POSTGRES_URL");
    if (!admin || !*admin) {
        reason =
            "PW_TEST_POSTGRES_URL is not set: run through `make test` (scripts/with-postgres.sh) to test PostgreSQL";
        return nullptr;
    }
    db->admin_url_ = admin;
    db->name_ = fmt::format("pw_test_{}_{}", getpid(), n);
    soci::session s("postgresql", store::parse_database_url(db->admin_url_)->connect);
    s << "CREATE DATABASE " + db->name_ + (from.empty() ? "" : " TEMPLATE " + from);
    db->url_ = database_url(db->admin_url_, db->name_);
    return db;
}

namespace {

std::string seed_name(const TestDatabase::Seed& seed) {
    return fmt::format("{:016x}", std::hash<std::string>{}(seed.key));
}

// An exclusive lock on a file, for as long as it lives: one process at a time makes a seed.
class FileLock {
public:
    explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
        if (fd_ >= 0) ::flock(fd_, LOCK_EX);
    }
    ~FileLock() {
        if (fd_ >= 0) ::close(fd_);  // closing releases the lock
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_;
};

// The seed as an SQLite file in the temporary directory, made if it is not there yet. Seeds of
// other keys (older builds) are removed once a day old.
bool sqlite_seed(const TestDatabase::Seed& seed, fs::path& file, std::string& error) {
    const fs::path dir = fs::temp_directory_path();
    file = dir / fmt::format("providerwatch-seed-{}.db", seed_name(seed));
    FileLock lock(dir / "providerwatch-seed.lock");
    if (fs::exists(file)) return true;
    const fs::path building = dir / fmt::format("providerwatch-seed-{}-building", getpid());
    fs::remove_all(building);
    fs::create_directories(building);
    const fs::path made = building / "test.db";
    bool ok = seed.make(made.string(), error);
    if (ok && fs::exists(made.string() + "-wal") && fs::file_size(made.string() + "-wal") > 0) {
        error = "the seed's write-ahead log was not checkpointed when its last command ended";
        ok = false;
    }
    if (ok) fs::rename(made, file);
    fs::remove_all(building);
    std::error_code ignored;
    const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : fs::directory_iterator(dir, ignored)) {
        const auto name = entry.path().filename().string();
        if (name.starts_with("providerwatch-seed-") && name.ends_with(".db") && entry.path() != file &&
            entry.last_write_time(ignored) < day_ago)
            fs::remove(entry.path(), ignored);
    }
    return ok;
}

// The seed as a PostgreSQL database (named for its key) to copy others from, made under an
// advisory lock if it is not there yet. It lives as long as the server, which `make test` throws away.
bool postgresql_seed(const std::string& admin_url, const TestDatabase::Seed& seed, std::string& name,
                     std::string& error) {
    name = "pw_seed_" + seed_name(seed);
    soci::session s("postgresql", store::parse_database_url(admin_url)->connect);
    const long long key = static_cast<long long>(std::hash<std::string>{}(seed.key) >> 1);
    int locked = 0;
    s << "SELECT 1 FROM (SELECT pg_advisory_lock(:k)) AS l", soci::into(locked), soci::use(key);
    int exists = 0;
    s << "SELECT count(*) FROM pg_database WHERE datname = :n", soci::into(exists), soci::use(name);
    bool ok = true;
    if (!exists) {
        const std::string building = name + "_building";
        s << "DROP DATABASE IF EXISTS " + building;
        s << "CREATE DATABASE " + building;
        ok = seed.make(database_url(admin_url, building), error);
        if (ok)
            s << "ALTER DATABASE " + building + " RENAME TO " + name;
        else
            s << "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)";
    }
    s << "SELECT 1 FROM (SELECT pg_advisory_unlock(:k)) AS l", soci::into(locked), soci::use(key);
    return ok;
}

}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::create_seeded(store::Engine engine, const Seed& seed, std::string& reason,
                                                          std::string& error) {
    if (engine == store::Engine::sqlite) {
        fs::path file;
        if (!sqlite_seed(seed, file, error)) return nullptr;
        auto db = create(engine, reason);
        if (db) fs::copy_file(file, db->url_);
        return db;
    }
    const char* admin = std::getenv("PW_TEST_POSTGRES_URL");
    if (!admin || !*admin) return create(engine, reason);  // says why PostgreSQL is not run
    std::string from;
    if (!postgresql_seed(admin, seed, from, error)) return nullptr;
    return create_from(engine, reason, from);
}

TestDatabase::~TestDatabase() {
    try {
        if (engine_ == store::Engine::sqlite) {
            fs::remove_all(name_);
        } else {
            soci::session s("postgresql", store::parse_database_url(admin_url_)->connect);
            s << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
        }
    } catch (...) {
        // Cleaning up a temporary database must never fail a test.
    }
}

}  // namespace pw::testing
