#pragma once
// HTTP suites: the real binary, on a free loopback port, against a temporary SQLite file and
// (in `make test`) a temporary PostgreSQL database.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "crypto/id_mask.hpp"
#include "crypto/secrets.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_databases.hpp"

namespace pw::testing {

class ServerTest : public ::testing::TestWithParam<store::Engine> {
protected:
    void SetUp() override {
        // The registry every suite starts from, made by the real commands once per engine (and
        // binary) and copied for each test: making it for each took about 0.6 s on PostgreSQL.
        std::string reason, error;
        test_db_ = TestDatabase::create_seeded(GetParam(), registry_seed(), reason, error);
        ASSERT_TRUE(test_db_ || error.empty()) << "making the registry every test starts from: " << error;
        if (!test_db_) GTEST_SKIP() << reason;
        // Publication only when a test asks for it, and a new snapshot picked up within 0.1 s.
        server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--publish", "off", "--reload-ms", "100", "--trusted-proxy", "127.0.0.1"});
        ASSERT_TRUE(server_->started()) << server_->err();
    }

    // migrate, then the real registry's primes and the test sub-contractors and offices. Named
    // for the binary and the files, so a new build or a changed file makes it again.
    static TestDatabase::Seed registry_seed() {
        const std::vector<std::string> files{binary_path(), source_dir() + "/data/registry/work_programme_primes.csv",
                                             source_dir() + "/tests/data/test_subcontractors.csv",
                                             source_dir() + "/tests/data/test_offices.csv"};
        std::string key = "registry";
        for (const auto& file : files) {
            std::error_code ignored;
            key += "|" + file + "|" + std::to_string(std::filesystem::file_size(file, ignored)) + "|" +
                   std::to_string(std::filesystem::last_write_time(file, ignored).time_since_epoch().count());
        }
        return {key, [files](const std::string& url, std::string& error) {
                    const std::vector<std::vector<std::string>> steps{{"migrate", "--db", url},
                                                                      {"import", "registry", files[1], "--db", url},
                                                                      {"import", "providers", files[2], "--db", url},
                                                                      {"import", "offices", files[3], "--db", url}};
                    for (const auto& step : steps) {
                        const auto result = run_cli(step);
                        if (result.exit_code != 0) {
                            error = step[0] + " " + step[1] + ": " + result.err;
                            return false;
                        }
                    }
                    return true;
                }};
    }

    // The id a page shows for a row (crypto/id_mask.hpp), from the server's own secrets: for a
    // test that makes a row in the database and then names it as a page does; and back.
    std::string shown_id(crypto::IdKind kind, const std::string& row_id) {
        return id_mask().show(kind, std::stoll(row_id));
    }
    std::string row_id(crypto::IdKind kind, const std::string& shown) {
        const auto id = id_mask().read(kind, shown);
        if (!id) ADD_FAILURE() << shown << " is not an id the server shows";
        return id ? std::to_string(*id) : "";
    }
    crypto::IdMask id_mask() {
        // SQLite's server finds its secrets beside the database; PostgreSQL's is given the shared file.
        std::ifstream in(GetParam() == store::Engine::sqlite ? db() + ".secrets" : shared_secrets_file());
        std::stringstream text;
        text << in.rdbuf();
        const auto secrets = crypto::parse_secrets(text.str());
        if (!secrets) ADD_FAILURE() << "the server's secrets could not be read";
        return crypto::IdMask(secrets ? secrets->lookup_key : crypto::Key{});
    }

    void expect_ok(const std::vector<std::string>& args) {
        auto result = run_cli(args);
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }

    // Publishes everything up to this month (as if it were next month) and waits until the server
    // shows the new snapshot.
    void publish_this_month() { publish_at(next_month()); }

    // Publishes as if it were `now` (YYYY-MM) and waits until the server shows that snapshot.
    void publish_at(const std::string& now) {
        const auto published = run_cli({"publish", "--db", db(), "--now", now});
        ASSERT_EQ(published.exit_code, 0) << published.err;
        const auto at = published.out.find("published snapshot ");
        ASSERT_NE(at, std::string::npos) << published.out;
        const auto id = published.out.substr(at + 19, published.out.find(' ', at + 19) - at - 19);
        for (int i = 0; i < 100; ++i) {
            if (get(port(), "/api/v1/areas/1").body.find("\"snapshot\":" + id + ",") != std::string::npos) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        ADD_FAILURE() << "the server did not load snapshot " << id;
    }

    // GET path until its page contains text, for up to 20 s (a loaded 2-core CI machine once took
    // over 5 s): what another process imports shows on the server within its --reload-ms.
    HttpResponse get_once_it_shows(const std::string& path, const std::string& text) {
        auto page = get(port(), path);
        for (int i = 0; i < 400 && page.body.find(text) == std::string::npos; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            page = get(port(), path);
        }
        return page;
    }

    // "2027-01" when it is December 2026: the month after the server's.
    static std::string next_month() {
        const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
        const auto next = std::chrono::year_month{today.year(), today.month()} + std::chrono::months{1};
        char text[8];
        std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(next.year()), static_cast<unsigned>(next.month()));
        return text;
    }

    // The newest snapshot's id, "" before the first.
    std::string latest_snapshot_id() {
        const auto list = get(port(), "/open-data/snapshots").body;
        const auto at = list.find("\"id\":");
        if (at == std::string::npos) return "";
        const auto end = list.find_first_not_of("0123456789", at + 5);
        return list.substr(at + 5, end - at - 5);
    }

    std::string db() const { return test_db_->url(); }
    unsigned short port() const { return server_->port(); }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<ServerProcess> server_;
};

}  // namespace pw::testing
