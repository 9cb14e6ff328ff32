// Infrastructure failing under the server: a full disk, and a database that goes away in the
// middle of requests. Each request still gets a clear page within its deadline and a log line,
// nothing is half-written, and no connection is held.
#include <sys/mount.h>
#include <unistd.h>

#include <soci/soci.h>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "integration/form_helpers.hpp"
#include "store/database.hpp"
#include "support/test_databases.hpp"

using namespace pw::testing;
namespace fs = std::filesystem;

namespace {

// A directory on a 3 MB tmpfs, or (where this process may not mount) nothing: then the server
// gets a file-size limit instead, which fails its writes the same way.
class SmallDisk {
public:
    SmallDisk() : path_(fs::temp_directory_path() / ("providerwatch-full-" + std::to_string(getpid()))) {
        fs::create_directories(path_);
        mounted_ = ::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=3m") == 0;
    }
    ~SmallDisk() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    bool mounted() const { return mounted_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
    bool mounted_ = false;
};

std::string rate_body(const std::string& token, const std::string& story) {
    return "csrf=" + token + "&stars=2&get_codename=no&confirm=yes&story=" + story;
}

}  // namespace

TEST(Faults, AFullDiskRefusesChangesWithAClearPageAndLosesNothingAcknowledged) {
    SmallDisk disk;
    const std::string db = disk.file("full.db");
    ASSERT_EQ(run_cli({"migrate", "--db", db}).exit_code, 0);
    ASSERT_EQ(run_cli({"import", "registry", source_dir() + "/tests/data/one_area.csv", "--db", db}).exit_code, 0);
    RunOptions options;
    if (!disk.mounted()) options.file_size_limit = static_cast<long>(fs::file_size(db)) + 1024 * 1024;
    std::printf("full disk: %s\n", disk.mounted() ? "a 3 MB tmpfs" : "a 1 MB file-size limit (no mount here)");
    ServerProcess server(
        db, {"--publish", "off", "--limit-writes", "0", "--no-access-log", "--secrets", shared_secrets_file()},
        options);
    ASSERT_TRUE(server.started()) << server.err();
    const std::string path = "/providers/1/rate";
    const auto token = csrf_in(get(server.port(), path).body, path);
    std::set<std::string> acknowledged;
    int refused = 0;
    // Stories of 4,900 characters (nearly the most a story may have) fill 3 MB within a few hundred.
    for (int n = 0; n < 1000 && refused < 5; ++n) {
        const std::string marker = "fullness" + std::to_string(n) + "x";
        const std::string story = marker + std::string(4'900, 'a');
        const auto r = request(server.port(), "POST", path, kForm, rate_body(token, story));
        ASSERT_NE(r.status, 0) << "no answer: the connection was dropped or held";
        if (r.status == 200) {
            acknowledged.insert(marker);
        } else {
            EXPECT_EQ(r.status, 503) << r.body.substr(0, 300);
            EXPECT_NE(r.body.find("Sorry, the service is unavailable"), std::string::npos);
            ++refused;
        }
    }
    EXPECT_GT(acknowledged.size(), 0u);
    EXPECT_EQ(refused, 5) << "the disk never filled";
    EXPECT_EQ(get(server.port(), "/").status, 200);  // reading still works
    server.signal(SIGTERM);
    server.wait(10000);
    EXPECT_NE(server.err().find("event=write_batch_failed"), std::string::npos) << server.err().substr(0, 2000);

    // Nothing half-written: every acknowledged story is there, whole, beside its rating.
    soci::session s("sqlite3", "db=" + db);
    std::set<std::string> stored;
    soci::rowset<std::string> bodies = (s.prepare << "SELECT body FROM stories");
    for (const auto& body : bodies) {
        const auto end = body.find('x');
        stored.insert(body.substr(0, end + 1));
        EXPECT_EQ(body.size(), 4'900u + end + 1) << "a story was cut short";
    }
    long long orphans = 0;
    s << "SELECT COUNT(*) FROM stories WHERE rating_id NOT IN (SELECT id FROM ratings)", soci::into(orphans);
    for (const auto& marker : acknowledged) EXPECT_TRUE(stored.contains(marker)) << marker << " was lost";
    EXPECT_EQ(stored.size(), acknowledged.size());  // and nothing refused was kept
    EXPECT_EQ(orphans, 0);
    std::printf("full disk: %zu changes acknowledged and kept, then %d refused with a 503 page\n", acknowledged.size(),
                refused);
}

// Every connection the server holds to PostgreSQL is cut while it serves: a page read, a change
// and /healthz each get a clear answer, the server logs why, and it reconnects by itself.
TEST(Faults, ADatabaseThatGoesAwayMidRequestGetsAClearPageAndALogLine) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::postgresql);
    const std::string db = test_db->url();
    ASSERT_EQ(run_cli({"migrate", "--db", db}).exit_code, 0);
    ASSERT_EQ(run_cli({"import", "registry", source_dir() + "/tests/data/one_area.csv", "--db", db}).exit_code, 0);
    const auto password = create_account(db, "mod1", "moderator");
    ServerProcess server(db, {"--publish", "off", "--limit-writes", "0", "--reload-ms", "3600000"});
    ASSERT_TRUE(server.started()) << server.err();
    const auto session = sign_in(server.port(), "mod1", password);
    const std::string path = "/providers/1/rate";
    const auto token = csrf_in(get(server.port(), path).body, path);
    ASSERT_EQ(request(server.port(), "POST", path, kForm, rate_body(token, "before")).status, 200);

    const auto name = db.substr(db.rfind('/') + 1);
    soci::session admin("postgresql", pw::store::parse_database_url(db)->connect);
    admin << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + name +
                 "' AND pid <> pg_backend_pid()";

    std::set<int> seen;
    int rounds = 0;
    bool recovered = false;
    for (; rounds < 10 && !recovered; ++rounds) {  // each failure brings its connection back
        const auto page = request(server.port(), "GET", "/moderate", session);
        const auto change = request(server.port(), "POST", path, kForm, rate_body(token, "during"));
        const auto health = get(server.port(), "/healthz");
        for (const auto* r : {&page, &change}) {  // a person's pages: the site's error page
            ASSERT_NE(r->status, 0) << "no answer";
            seen.insert(r->status);
            if (r->status >= 500) {
                EXPECT_NE(r->body.find("Sorry"), std::string::npos) << r->body.substr(0, 300);
            }
        }
        ASSERT_NE(health.status, 0);  // a monitor's: one plain line
        if (health.status != 200) {
            EXPECT_EQ(health.body, "database unavailable\n");
        }
        recovered = page.status == 200 && change.status == 200 && health.status == 200;
    }
    std::string statuses;
    for (int status : seen) statuses += std::to_string(status) + " ";
    std::printf("database connections cut: answers seen %sand every answer 200 again after %d rounds\n",
                statuses.c_str(), rounds);
    EXPECT_TRUE(seen.contains(500) || seen.contains(503));
    EXPECT_TRUE(recovered) << "the server did not reconnect";
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(15000), 0);
    const auto& log = server.err();
    EXPECT_TRUE(log.find("event=handler_failed") != std::string::npos ||
                log.find("event=write_batch_failed") != std::string::npos ||
                log.find("event=health_check_failed") != std::string::npos)
        << log.substr(0, 3000);
    EXPECT_NE(log.find("event=database_reconnected"), std::string::npos);
    // Nothing half-written: every rating has its own story or none, and no story lost its rating.
    long long orphans = 0;
    admin << "SELECT COUNT(*) FROM stories WHERE rating_id NOT IN (SELECT id FROM ratings)", soci::into(orphans);
    EXPECT_EQ(orphans, 0);
}
