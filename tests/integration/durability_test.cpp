// Crash durability: concurrent ratings with stories while the server is killed with SIGKILL at
// random moments. Every submission the server acknowledged must be on disk, whole, after a
// restart. `make test` runs 3 cycles; `make bench` runs 50 (PW_DURABILITY_CYCLES).
#include <signal.h>

#include <soci/soci.h>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include "integration/server_test.hpp"

using namespace pw::testing;

namespace {

std::string csrf_token(unsigned short port, const std::string& path) {
    auto form = get(port, path);
    std::smatch m;
    return std::regex_search(form.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")) ? m[1].str() : "";
}

int cycles() {
    const char* text = std::getenv("PW_DURABILITY_CYCLES");
    return text ? std::max(1, std::atoi(text)) : 3;
}

}  // namespace

TEST(Durability, EveryAcknowledgedRatingSurvivesSigkill) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    ASSERT_EQ(
        run_cli({"import", "registry", source_dir() + "/tests/data/one_area.csv", "--db", test_db->url()}).exit_code,
        0);
    std::mt19937 random(20261123);
    std::set<std::string> acknowledged;
    std::mutex mutex;
    long long attempts = 0;
    for (int cycle = 0; cycle < cycles(); ++cycle) {
        // Four clients writing as fast as they can from one address: the rate limit is off here.
        ServerProcess server(test_db->url(), {"--limit-writes", "0"});
        ASSERT_TRUE(server.started()) << server.err();
        const auto port = server.port();
        const std::string path = "/providers/1/rate";
        const auto token = csrf_token(port, path);
        ASSERT_FALSE(token.empty());
        std::atomic<bool> stop{false};
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c) {
            clients.emplace_back([&, c] {
                for (int n = 0; !stop; ++n) {
                    const auto marker =
                        "durability-" + std::to_string(cycle) + "-" + std::to_string(c) + "-" + std::to_string(n);
                    auto r = request(port, "POST", path, "Content-Type: application/x-www-form-urlencoded\r\n",
                                     "csrf=" + token + "&stars=4&get_codename=no&confirm=yes&story=" + marker);
                    std::lock_guard lock(mutex);
                    ++attempts;
                    if (r.status == 200 && r.body.find("Your rating is saved") != std::string::npos) {
                        acknowledged.insert(marker);
                    }
                    if (r.status == 0) break;  // the server is gone
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 300));
        server.signal(SIGKILL);
        stop = true;
        for (auto& t : clients) t.join();
        server.wait(5000);
    }
    // Restarting must work on what was left, and every acknowledged story must be there, whole.
    ServerProcess restarted(test_db->url());
    ASSERT_TRUE(restarted.started()) << restarted.err();
    restarted.signal(SIGTERM);
    restarted.wait(10000);
    soci::session db("sqlite3", "db=" + test_db->url());
    std::set<std::string> stored;
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT s.body FROM stories s JOIN ratings r ON r.id = s.rating_id WHERE r.stars = 4");
    for (const auto& row : rows) stored.insert(row.get<std::string>(0));
    long long orphans = 0;
    db << "SELECT COUNT(*) FROM stories WHERE rating_id IS NULL OR rating_id NOT IN (SELECT id FROM ratings)",
        soci::into(orphans);
    long long lost = 0;
    for (const auto& marker : acknowledged) lost += stored.contains(marker) ? 0 : 1;
    std::printf("durability: %d SIGKILL cycles, %lld submissions tried, acknowledged %zu, lost %lld\n", cycles(),
                attempts, acknowledged.size(), lost);
    EXPECT_GT(acknowledged.size(), 0u);
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(orphans, 0);  // nothing half-written: no story without its rating
}

// SIGKILL cannot show a missing fsync (the kernel still writes the page cache out), so the
// setting behind it is checked on every pooled connection and on the writer's own, the way the
// server opens them: with
// synchronous=FULL in WAL mode, SQLite fsyncs the log before a commit returns.
TEST(Durability, EveryPooledSqliteConnectionSyncsBeforeACommitReturns) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    constexpr std::size_t kPool = 6;
    auto db = pw::store::Database::open(*pw::store::parse_database_url(test_db->url()), kPool);
    ASSERT_TRUE(db) << db.error().message;
    // Each borrow is held while the next is made, so every check is on a different connection.
    int checked = 0;
    std::function<void(std::size_t)> check = [&](std::size_t left) {
        if (left == 0) return;
        auto s = (*db)->session();
        int synchronous = 0;
        std::string journal;
        int foreign_keys = 0;
        s << "PRAGMA synchronous", soci::into(synchronous);
        s << "PRAGMA journal_mode", soci::into(journal);
        s << "PRAGMA foreign_keys", soci::into(foreign_keys);
        EXPECT_EQ(synchronous, 2);  // FULL
        EXPECT_EQ(journal, "wal");
        EXPECT_EQ(foreign_keys, 1);
        ++checked;
        check(left - 1);
    };
    check(kPool);
    EXPECT_EQ(checked, static_cast<int>(kPool));
    // And the writer's own connection, outside the pool, which every change is written on.
    auto writer = (*db)->connect();
    int synchronous = 0;
    std::string journal;
    *writer << "PRAGMA synchronous", soci::into(synchronous);
    *writer << "PRAGMA journal_mode", soci::into(journal);
    EXPECT_EQ(synchronous, 2);
    EXPECT_EQ(journal, "wal");
}
