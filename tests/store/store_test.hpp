#pragma once
// Every store test runs once per engine: SQLite always, PostgreSQL in `make test`.
#include <gtest/gtest.h>

#include "core/common/month.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "support/test_databases.hpp"

namespace pw::testing {

class StoreTest : public ::testing::TestWithParam<store::Engine> {
protected:
    void SetUp() override {
        PW_REQUIRE_ENGINE(test_db_, GetParam());
        db_ = open_db();
        auto applied = store::migrate(*db_);
        ASSERT_TRUE(applied) << applied.error().message;
    }

    std::unique_ptr<store::Database> open_db(std::size_t pool = 1) {
        auto url = store::parse_database_url(test_db_->url());
        EXPECT_TRUE(url);
        auto db = store::Database::open(*url, pool);
        EXPECT_TRUE(db) << db.error().message;
        return std::move(*db);
    }

    long long count(const std::string& table) {
        auto s = db_->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table, soci::into(n);
        return n;
    }

    static Month month() { return *Month::parse("2026-11"); }

    // Rows many tests need: a provider called Seetec, and a codename (not a real hash); their ids.
    long long add_provider() {
        auto s = db_->session();
        long long id = 0;
        s << "INSERT INTO providers (name, name_key, source) VALUES ('Seetec', 'seetec', 'test') RETURNING id",
            soci::into(id);
        return id;
    }
    long long add_codename() {
        auto s = db_->session();
        long long id = 0;
        s << "INSERT INTO codenames (lookup_key, hash, created_month) VALUES (1, 'x', '2026-11') RETURNING id",
            soci::into(id);
        return id;
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace pw::testing
