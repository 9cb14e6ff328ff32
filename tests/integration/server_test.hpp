#pragma once
// HTTP suites: the real binary, on a free loopback port, against a temporary SQLite file and
// (in `make test`) a temporary PostgreSQL database.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_databases.hpp"

namespace pw::testing {

class ServerTest : public ::testing::TestWithParam<store::Engine> {
protected:
    void SetUp() override {
        PW_REQUIRE_ENGINE(test_db_, GetParam());
        expect_ok({"migrate", "--db", db()});
        expect_ok({"import", "registry", source_dir() + "/data/registry/work_programme_primes.csv", "--db", db()});
        expect_ok({"import", "providers", source_dir() + "/tests/data/test_subcontractors.csv", "--db", db()});
        expect_ok({"import", "offices", source_dir() + "/tests/data/test_offices.csv", "--db", db()});
        server_ = std::make_unique<ServerProcess>(db());
        ASSERT_TRUE(server_->started()) << server_->err();
    }

    void expect_ok(const std::vector<std::string>& args) {
        auto result = run_cli(args);
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }

    std::string db() const { return test_db_->url(); }
    unsigned short port() const { return server_->port(); }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<ServerProcess> server_;
};

}  // namespace pw::testing
