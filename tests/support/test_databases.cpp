#include "support/test_databases.hpp"

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <soci/soci.h>

namespace pw::testing {

namespace fs = std::filesystem;

const char* engine_name(store::Engine engine) {
    return engine == store::Engine::sqlite ? "SQLite" : "PostgreSQL";
}

std::unique_ptr<TestDatabase> TestDatabase::create(store::Engine engine, std::string& reason) {
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
    s << "CREATE DATABASE " + db->name_;
    db->url_ = db->admin_url_.substr(0, db->admin_url_.rfind('/') + 1) + db->name_;
    return db;
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
