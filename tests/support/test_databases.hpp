#pragma once
// Throw-away databases for store and HTTP tests: a temporary SQLite file, or a fresh database
// on the PostgreSQL server that scripts/with-postgres.sh starts (PW_TEST_POSTGRES_URL).
#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace pw::testing {

class TestDatabase {
public:
    // nullptr with reason set when the engine is not available in this run.
    static std::unique_ptr<TestDatabase> create(store::Engine engine, std::string& reason);

    // What a seeded database starts with: `make` fills an empty database at the URL it is given
    // (false, with error set, if it could not). `key` names that content, and must change whenever
    // what `make` would write changes (its binary, its files).
    struct Seed {
        std::string key;
        std::function<bool(const std::string& url, std::string& error)> make;
    };
    // A database that starts as `seed` made it: made once per engine and key, by whichever test
    // process comes first (the others wait for it), then copied for each test. nullptr with reason
    // set when the engine is not available; nullptr with error set when the seed could not be made.
    static std::unique_ptr<TestDatabase> create_seeded(store::Engine engine, const Seed& seed, std::string& reason,
                                                       std::string& error);
    ~TestDatabase();
    const std::string& url() const { return url_; }  // what --db takes

private:
    // As create, a PostgreSQL database copied from `from` when it is not empty.
    static std::unique_ptr<TestDatabase> create_from(store::Engine engine, std::string& reason,
                                                     const std::string& from);
    store::Engine engine_ = store::Engine::sqlite;
    std::string url_;
    std::string admin_url_;
    std::string name_;  // PostgreSQL database name, or the SQLite directory
};

const char* engine_name(store::Engine engine);

inline std::string engine_param_name(const ::testing::TestParamInfo<store::Engine>& info) {
    return engine_name(info.param);
}

}  // namespace pw::testing

// For TEST_P suites parameterised by engine: skips (visibly, with the reason) when the engine
// is not configured. `make test` always configures PostgreSQL.
#define PW_REQUIRE_ENGINE(holder, engine)                              \
    do {                                                               \
        std::string reason_;                                           \
        holder = ::pw::testing::TestDatabase::create(engine, reason_); \
        if (!holder) GTEST_SKIP() << reason_;                          \
    } while (0)

// Instantiates a TEST_P suite once per engine: SQLite always, PostgreSQL in `make test`.
#define PW_ENGINE_SUITE(Suite)                                                                                \
    INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                                  \
                             ::testing::Values(::pw::store::Engine::sqlite, ::pw::store::Engine::postgresql), \
                             ::pw::testing::engine_param_name)
