// The command line: what a script can rely on (exit codes, one clear error line, no crash).
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <soci/soci.h>

#include "integration/server_test.hpp"

using namespace pw::testing;
namespace fs = std::filesystem;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = fs::temp_directory_path() / ("providerwatch-cli-" + std::to_string(getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::string registry_csv() {
    return source_dir() + "/data/registry/work_programme_primes.csv";
}

int lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST(Cli, EverySubcommandHasHelp) {
    for (std::string sub : {"serve", "migrate", "import", "export"}) {
        auto r = run_cli({sub, "--help"});
        EXPECT_EQ(r.exit_code, 0) << sub;
        EXPECT_NE(r.out.find("--db"), std::string::npos) << sub;
    }
    auto top = run_cli({"--help"});
    EXPECT_EQ(top.exit_code, 0);
    EXPECT_NE(top.out.find("serve"), std::string::npos);
}

TEST(Cli, UsageMistakesExitWith2) {
    EXPECT_EQ(run_cli({}).exit_code, 2);
    EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(run_cli({"migrate"}).exit_code, 2);                                      // no --db
    EXPECT_EQ(run_cli({"import", "nonsense", "x.csv", "--db", "x.db"}).exit_code, 2);  // unknown kind
}

TEST(Cli, ABadDatabaseUrlIsOneClearLine) {
    auto r = run_cli({"migrate", "--db", "mysql://root@localhost/x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err,
              "providerwatch: error: --db: unsupported database URL 'mysql://': use a file path (SQLite) or "
              "postgresql://...\n");
    auto unreachable = run_cli({"migrate", "--db", "postgresql://nobody@127.0.0.1:1/none"});
    EXPECT_EQ(unreachable.exit_code, 1);
    EXPECT_EQ(lines(unreachable.err), 1) << unreachable.err;
    EXPECT_NE(unreachable.err.find("cannot open database postgresql://nobody@127.0.0.1:1/none"), std::string::npos);
    auto no_dir = run_cli({"migrate", "--db", "/nonexistent-dir/x.db"});
    EXPECT_EQ(no_dir.exit_code, 1);
    EXPECT_EQ(lines(no_dir.err), 1) << no_dir.err;
}

class CliWithDatabase : public ServerTest {
protected:
    void SetUp() override { PW_REQUIRE_ENGINE(test_db_, GetParam()); }
};
PW_ENGINE_SUITE(CliWithDatabase);

TEST_P(CliWithDatabase, ServeRefusesADatabaseThatIsNotMigrated) {
    ServerProcess server(db());
    EXPECT_FALSE(server.started());
    EXPECT_EQ(server.wait(5000), 1);
    EXPECT_EQ(lines(server.err()), 1) << server.err();
    EXPECT_NE(server.err().find("has no schema yet: run `providerwatch migrate --db"), std::string::npos);
}

TEST_P(CliWithDatabase, MigrateTwiceThenImportExportRoundTrips) {
    auto first = run_cli({"migrate", "--db", db()});
    EXPECT_EQ(first.exit_code, 0);
    EXPECT_NE(first.out.find("applied 001_registry"), std::string::npos);
    auto second = run_cli({"migrate", "--db", db()});
    EXPECT_EQ(second.exit_code, 0);
    EXPECT_NE(second.out.find("is up to date"), std::string::npos);

    auto imported = run_cli({"import", "registry", registry_csv(), "--db", db()});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("40 rows, 40 added, 0 already present, 0 skipped"), std::string::npos) << imported.out;
    auto again = run_cli({"import", "registry", registry_csv(), "--db", db()});
    EXPECT_NE(again.out.find("40 rows, 0 added, 40 already present"), std::string::npos) << again.out;

    auto exported = run_cli({"export", "registry", "--db", db()});
    EXPECT_EQ(exported.exit_code, 0);
    EXPECT_EQ(lines(exported.out), 41);
    EXPECT_NE(exported.out.find("Newcastle College Group (Intraining),\"contract terminated"), std::string::npos);
}

TEST_P(CliWithDatabase, ABadCsvListsEveryBadRowAndImportsNothing) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    const auto file = write_temp("bad.csv",
                                 "programme,cpa_number,cpa_name,prime_provider,notes,source\n"
                                 "WP,1,East,Seetec,,src\n"
                                 "WP,zero,East,A4e,,src\n"
                                 "WP,2,Mids,,,src\n");
    auto r = run_cli({"import", "registry", file, "--db", db()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(
        r.err.find(file +
                   ":3: cpa_number: 'zero' is not an area number like 5 or 1a (1 to 999, then at most two letters)"),
        std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(file + ":4: prime_provider: is empty"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing imported: 2 bad rows"), std::string::npos) << r.err;
    auto exported = run_cli({"export", "registry", "--db", db()});
    EXPECT_EQ(lines(exported.out), 1);  // the header only

    auto skipped = run_cli({"import", "registry", file, "--db", db(), "--skip-bad"});
    EXPECT_EQ(skipped.exit_code, 0);
    EXPECT_NE(skipped.out.find("1 added, 0 already present, 2 skipped"), std::string::npos) << skipped.out;

    const auto broken = write_temp("broken.csv", "programme,cpa_number\n\"unclosed,1\n");
    auto structural = run_cli({"import", "registry", broken, "--db", db()});
    EXPECT_EQ(structural.exit_code, 3);
    EXPECT_NE(structural.err.find("line 2: a quoted field is never closed; nothing imported"), std::string::npos);
    auto missing = run_cli({"import", "registry", "/nonexistent.csv", "--db", db()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.err, "providerwatch: error: cannot read /nonexistent.csv\n");
}

// File permissions and file locks are SQLite matters: these run on SQLite only.
class CliWithSqliteFile : public ::testing::Test {
protected:
    void SetUp() override { PW_REQUIRE_ENGINE(test_db_, pw::store::Engine::sqlite); }
    std::string db() const { return test_db_->url(); }
    std::unique_ptr<TestDatabase> test_db_;
};

TEST_F(CliWithSqliteFile, ServeRefusesAReadOnlyDatabaseFile) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    const auto dir = fs::path(db()).parent_path();
    fs::permissions(db(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    ServerProcess server(db(), {}, RunOptions{.as_nobody = true});  // root ignores permissions; nobody does not
    EXPECT_FALSE(server.started());
    EXPECT_EQ(server.wait(10000), 1);
    EXPECT_EQ(lines(server.err()), 1) << server.err();
    EXPECT_NE(server.err().find("providerwatch: error: "), std::string::npos) << server.err();
    std::cout << "read-only database: " << server.err();
    fs::permissions(dir, fs::perms::owner_all);
}

TEST_F(CliWithSqliteFile, ServeRefusesADatabaseAnotherProcessHoldsLocked) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    soci::session holder("sqlite3", "db=" + db());
    holder << "PRAGMA locking_mode=EXCLUSIVE";
    holder << "BEGIN EXCLUSIVE";
    holder << "INSERT INTO events (what, object_kind, actor_role, month) VALUES ('x', 'y', 'system', '2026-11')";
    ServerProcess server(db());
    EXPECT_FALSE(server.started());
    EXPECT_EQ(server.wait(15000), 1);
    EXPECT_EQ(lines(server.err()), 1) << server.err();
    EXPECT_NE(server.err().find("locked"), std::string::npos) << server.err();
    holder << "ROLLBACK";
}

TEST_P(CliWithDatabase, ExportsDefuseSpreadsheetFormulasFromImportedNames) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    const auto file = write_temp("formula.csv",
                                 "programme,cpa_number,cpa_name,prime_provider,notes,source\n"
                                 "WP,1,East,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(A1),+1 source\n");
    ASSERT_EQ(run_cli({"import", "registry", file, "--db", db()}).exit_code, 0);
    auto exported = run_cli({"export", "registry", "--db", db()});
    EXPECT_NE(exported.out.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), std::string::npos) << exported.out;
    EXPECT_NE(exported.out.find(",'@SUM(A1),'+1 source"), std::string::npos) << exported.out;
    // The export is the format import reads: imported again, it changes nothing.
    const auto again = write_temp("exported.csv", exported.out);
    auto reimported = run_cli({"import", "registry", again, "--db", db()});
    EXPECT_EQ(reimported.exit_code, 0) << reimported.err;
    EXPECT_EQ(run_cli({"export", "registry", "--db", db()}).out, exported.out);
}

TEST_P(CliWithDatabase, GenerateWritesTheSameProgrammeForTheSameSeedAndItPublishes) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    const std::vector<std::string> sizes{
        "--contracts", "4",  "--subcontractors", "10", "--offices",     "20", "--ratings", "3000",
        "--stories",   "30", "--complaints",     "40", "--suggestions", "50", "--now",     "2026-06"};
    auto args = std::vector<std::string>{"generate", "--db", db(), "--seed", "7"};
    args.insert(args.end(), sizes.begin(), sizes.end());
    auto generated = run_cli(args);
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    EXPECT_NE(generated.out.find("generated 4 contracts, 10 sub-contractors, 20 offices, 3000 ratings, 30 published "
                                 "stories, 40 complaints and 50 suggestions"),
              std::string::npos)
        << generated.out;
    auto published = run_cli({"publish", "--db", db(), "--now", "2026-06"});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    EXPECT_NE(published.out.find("published snapshot 1 for May 2026"), std::string::npos) << published.out;
    EXPECT_EQ(run_cli({"generate", "--db", db(), "--contracts", "0"}).exit_code, 2);  // a clear usage error

    // The same seed on a fresh database writes the same registry.
    std::string reason;
    auto other = TestDatabase::create(GetParam(), reason);
    ASSERT_TRUE(other) << reason;
    ASSERT_EQ(run_cli({"migrate", "--db", other->url()}).exit_code, 0);
    args[2] = other->url();
    ASSERT_EQ(run_cli(args).exit_code, 0);
    EXPECT_EQ(run_cli({"export", "registry", "--db", other->url()}).out,
              run_cli({"export", "registry", "--db", db()}).out);
}

namespace {
// Runs `providerwatch ARGS < input`; returns its exit code and what it wrote to stdout.
std::pair<int, std::string> run_with_input(const std::string& args, const std::string& input) {
    const auto in = write_temp("stdin", input);
    const auto out = in + ".out";
    const int status = std::system((binary_path() + " " + args + " < " + in + " > " + out + " 2>&1").c_str());
    std::ifstream read(out);
    std::string printed((std::istreambuf_iterator<char>(read)), std::istreambuf_iterator<char>());
    fs::remove(in);
    fs::remove(out);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, printed};
}
}  // namespace

TEST(Cli, RedactSpansGivesCodePointOffsetsAndTypesForEachJsonLine) {
    const auto [code, out] =
        run_with_input("redact --spans",
                       "{\"id\": 1, \"text\": \"Łódź: mail jo@example.com or ring 07700 900123\"}\n"
                       "\n"
                       "{\"id\": \"b-2\", \"text\": \"Nothing to remove here.\"}\n");
    EXPECT_EQ(code, 0) << out;
    // "Łódź: mail " is 11 code points (14 bytes): offsets count characters, not bytes.
    EXPECT_NE(
        out.find(R"({"id":1,"spans":[{"start":11,"end":25,"type":"email"},{"start":34,"end":46,"type":"phone"}]})"),
        std::string::npos)
        << out;
    EXPECT_NE(out.find(R"({"id":"b-2","spans":[]})"), std::string::npos) << out;

    for (const std::string bad : {"not json", "{\"text\": \"no id\"}", "{\"id\": 3, \"text\": 4}", "[1, 2]"}) {
        const auto [bad_code, said] =
            run_with_input("redact --spans", "{\"id\": 1, \"text\": \"fine\"}\n" + bad + "\n");
        EXPECT_EQ(bad_code, 3) << bad;
        EXPECT_NE(said.find("line 2: "), std::string::npos) << said;
    }
    // The plain filter still works.
    const auto [plain_code, plain] = run_with_input("redact", "ring 07700 900123 please\n");
    EXPECT_EQ(plain_code, 0);
    EXPECT_EQ(plain, "ring [phone number] please\n");
}

// The secrets file a SQLite server makes beside its database holds the key every codename is
// found by: losing it must stop the server, not quietly make a new key that finds none of them.
TEST_F(CliWithSqliteFile, ServeRefusesToReplaceAMissingSecretsFileWhenCodenamesNeedIt) {
    ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
    const std::string secrets = db() + ".secrets";
    {
        ServerProcess first(db());  // makes the file, readable by its owner only
        ASSERT_TRUE(first.started()) << first.err();
        EXPECT_NE(first.err().find("made " + secrets), std::string::npos) << first.err();
    }
    EXPECT_EQ(fs::status(secrets).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    {
        soci::session s("sqlite3", "db=" + db());
        s << "INSERT INTO codenames (lookup_key, keyed, hash, created_month) VALUES (1, 1, 'x', '2026-11')";
    }
    fs::remove(secrets);
    ServerProcess again(db());
    EXPECT_FALSE(again.started());
    EXPECT_EQ(again.wait(10000), 1);
    EXPECT_NE(again.err().find(secrets + " is missing, and the database holds 1 codenames made under it"),
              std::string::npos)
        << again.err();
    EXPECT_FALSE(fs::exists(secrets));
}

// The database holds what participants wrote: its owner's only, whether migrate makes it or
// finds it made by an older version readable by everyone.
TEST(Cli, TheDatabaseIsReadableByItsOwnerOnly) {
    const auto dir = fs::temp_directory_path() / ("providerwatch-mode-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const auto mode = [](const fs::path& p) {
        struct stat st {};
        return ::stat(p.c_str(), &st) == 0 ? (st.st_mode & 0777) : 07777u;
    };
    const auto fresh = dir / "fresh.db";
    ASSERT_EQ(run_cli({"migrate", "--db", fresh.string()}).exit_code, 0);
    EXPECT_EQ(mode(fresh), 0600u);
    const auto old = dir / "old.db";
    { std::ofstream(old.string()) << ""; }
    ::chmod(old.c_str(), 0644);
    ASSERT_EQ(mode(old), 0644u);
    ASSERT_EQ(run_cli({"migrate", "--db", old.string()}).exit_code, 0);
    EXPECT_EQ(mode(old), 0600u);
    fs::remove_all(dir);
}
