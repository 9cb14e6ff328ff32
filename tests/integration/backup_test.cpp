// Backup and restore round-trip a populated database, table by table, on SQLite and PostgreSQL.
#include <unistd.h>

#include <filesystem>
#include <regex>

#include <soci/soci.h>

#include "integration/server_test.hpp"
#include "store/backup.hpp"
#include "store/row.hpp"

using namespace pw::testing;

namespace {
// Every table as text, row by row, in id order.
std::map<std::string, std::vector<std::string>> dump(const std::string& url) {
    auto db = std::move(*pw::store::Database::open(*pw::store::parse_database_url(url)));
    auto s = db->session();
    std::map<std::string, std::vector<std::string>> tables;
    for (const auto& table : pw::store::backed_up_tables()) {
        soci::rowset<soci::row> rows = (s.prepare << "SELECT * FROM " + table + " ORDER BY id");
        auto& lines = tables[table];
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row.get_indicator(i) == soci::i_null) {
                    line += "NULL|";
                } else if (row.get_properties(i).get_data_type() == soci::dt_string) {
                    line += row.get<std::string>(i) + "|";
                } else {
                    line += std::to_string(pw::store::get_int(row, i)) + "|";
                }
            }
            lines.push_back(line);
        }
    }
    return tables;
}
}  // namespace

class Backup : public ServerTest {};
PW_ENGINE_SUITE(Backup);

// A table a migration adds and the backup forgets would be lost on restore: every table is listed.
TEST_P(Backup, EveryTableTheMigrationsMakeIsBackedUp) {
    auto database = std::move(*pw::store::Database::open(*pw::store::parse_database_url(db())));
    auto s = database->session();
    const std::string sql = GetParam() == pw::store::Engine::sqlite
                                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
    soci::rowset<std::string> tables = (s.prepare << sql);
    const auto& listed = pw::store::backed_up_tables();
    int checked = 0;
    for (const auto& table : tables) {
        // What migrate makes, the lock one publishing process holds for a moment, and sign-ins
        // (a restored site signs everyone in again): no data.
        if (table == "schema_migrations" || table == "publication_lock" || table == "sessions") continue;
        EXPECT_NE(std::find(listed.begin(), listed.end(), table), listed.end()) << table << " is not backed up";
        ++checked;
    }
    EXPECT_GT(checked, 20);
}

TEST_P(Backup, ARestoredDatabaseHasEveryRowOfEveryTable) {
    expect_ok({"import", "figures", source_dir() + "/data/published/sanction_aggregates.csv", "--db", db()});
    expect_ok({"account", "create", "--db", db(), "--username", "mod1", "--role", "moderator"});
    auto form = get(port(), "/providers/5/rate");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(form.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
    const std::string token = m[1].str();
    ASSERT_TRUE(std::regex_search(form.body, m, std::regex(R"re(name="area" type="radio" value="([0-9]+)")re")));
    const std::string area = m[1].str();
    auto saved = request(
        port(), "POST", "/providers/5/rate", "Content-Type: application/x-www-form-urlencoded\r\n",
        "csrf=" + token + "&area=" + area + "&stars=3&respect=2&get_codename=yes&confirm=yes&story=It+was+fine.");
    ASSERT_EQ(saved.status, 200);
    // A staff report, its message and event, under random ids as large as they come (2^59).
    {
        auto database = std::move(*pw::store::Database::open(*pw::store::parse_database_url(db())));
        auto s = database->session();
        s << "INSERT INTO staff_reports (id, prime_id, pressures, month, details_for_moderators, details_for_reporter, "
             "state, lookup_key, codename_hash, key_salt, public_key, locked_secret_key) VALUES (576460752303423000, "
             "1, 3, '2026-12', 'sealed', 'sealed', 'received', 12345, 'hash', 'salt', 'public', 'locked')";
        s << "INSERT INTO staff_report_messages (id, report_id, seq, author, month, for_moderators, for_reporter) "
             "VALUES (576460752303423001, 576460752303423000, 1, 'staff', '2026-12', 'sealed1', 'sealed2')";
        s << "INSERT INTO staff_report_events (id, what, report_id, to_state, actor_role, month) VALUES "
             "(576460752303423002, 'staff_report.received', 576460752303423000, 'received', 'staff', '2026-12')";
    }

    const auto file = std::filesystem::temp_directory_path() / ("providerwatch-backup-" + std::to_string(getpid()));
    auto backed = run_cli({"backup", "--db", db(), "--out", file.string()});
    ASSERT_EQ(backed.exit_code, 0) << backed.err;
    std::string reason;
    auto target = TestDatabase::create(GetParam(), reason);
    auto restored = run_cli({"restore", "--db", target->url(), "--in", file.string()});
    ASSERT_EQ(restored.exit_code, 0) << restored.err;
    EXPECT_NE(restored.out.find("restored"), std::string::npos);

    const auto before = dump(db());
    const auto after = dump(target->url());
    for (const auto& [table, rows] : before) EXPECT_EQ(after.at(table), rows) << table;
    EXPECT_GT(before.at("ratings").size(), 0u);
    EXPECT_GT(before.at("stories").size(), 0u);
    EXPECT_GT(before.at("accounts").size(), 0u);
    EXPECT_EQ(after.at("staff_report_events"),
              std::vector<std::string>{
                  "576460752303423002|staff_report.received|576460752303423000|NULL|received|staff|2026-12|"});

    // The restored database, served with the deployment's secrets file (backed up apart from the
    // database), takes new rows after the restored ids, finds the codename made before the backup,
    // and refuses a second restore.
    const std::string secrets = GetParam() == pw::store::Engine::sqlite ? db() + ".secrets" : shared_secrets_file();
    ServerProcess server(target->url(), {"--secrets", secrets});
    ASSERT_TRUE(server.started()) << server.err();
    ASSERT_TRUE(
        std::regex_search(saved.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    const auto lookup_form = get(server.port(), "/my-codename");
    ASSERT_TRUE(std::regex_search(lookup_form.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
    auto mine = request(server.port(), "POST", "/my-codename", "Content-Type: application/x-www-form-urlencoded\r\n",
                        "csrf=" + m[1].str() + "&codename=" + codename);
    EXPECT_EQ(mine.status, 200) << mine.body.substr(0, 500);
    EXPECT_NE(mine.body.find("3 stars"), std::string::npos);
    auto again = run_cli({"restore", "--db", target->url(), "--in", file.string()});
    EXPECT_EQ(again.exit_code, 3);
    EXPECT_NE(again.err.find("restore needs an empty database"), std::string::npos);
    auto form2 = get(server.port(), "/providers/5/rate");
    ASSERT_TRUE(std::regex_search(form2.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
    auto more =
        request(server.port(), "POST", "/providers/5/rate", "Content-Type: application/x-www-form-urlencoded\r\n",
                "csrf=" + m[1].str() + "&area=" + area + "&stars=5&get_codename=no");
    EXPECT_EQ(more.status, 200) << more.body;
    std::filesystem::remove(file);
}
