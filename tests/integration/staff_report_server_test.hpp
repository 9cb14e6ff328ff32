#pragma once
// A server for staff-report tests: the moderators' key made and given to it, a moderator, and the
// steps a staff member takes (report, open with the codename, add more). Shared by the suites of
// staff reports and of their links to detection reports. On SQLite and PostgreSQL.
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "crypto/csrf.hpp"
#include "crypto/secrets.hpp"
#include "integration/story_server_test.hpp"
#include "store/database.hpp"

namespace pw::testing {

inline constexpr const char* kPassphrase = "correct horse battery staple";

// A folder for the key file and its passphrase, removed with the test.
struct KeyFolder {
    std::filesystem::path path;
    KeyFolder() {
        path = std::filesystem::temp_directory_path() /
               ("pw-staff-key-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        std::filesystem::create_directories(path);
    }
    ~KeyFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

// A staff codename is 6 words; returned as a form sends it.
inline std::string codename_in(const std::string& html) {
    std::smatch m;
    static const std::regex words(R"re(<strong>((?:[a-z]+ ){5}[a-z]+)</strong>)re");
    EXPECT_TRUE(std::regex_search(html, m, words)) << "no codename on the page";
    auto codename = m[1].str();
    std::replace(codename.begin(), codename.end(), ' ', '+');
    return codename;
}

class StaffReportServerTest : public StoryServerTest {
protected:
    void SetUp() override {
        StoryServerTest::SetUp();
        if (HasFatalFailure() || IsSkipped()) return;
        { std::ofstream(keys_.file("passphrase")) << kPassphrase << "\n"; }
        const auto made =
            run_cli({"staff-key", "init", keys_.file("staff.key"), "--passphrase-file", keys_.file("passphrase")});
        ASSERT_EQ(made.exit_code, 0) << made.err;
        restart({});
    }

    // The server again, with the moderators' key and these options.
    void restart(std::vector<std::string> extra) {
        server_.reset();
        std::vector<std::string> args{"--publish",
                                      "off",
                                      "--reload-ms",
                                      "100",
                                      "--trusted-proxy",
                                      "127.0.0.1",
                                      "--staff-key",
                                      keys_.file("staff.key"),
                                      "--staff-key-passphrase-file",
                                      keys_.file("passphrase"),
                                      "--secrets",
                                      shared_secrets_file()};
        args.insert(args.end(), extra.begin(), extra.end());
        server_ = std::make_unique<ServerProcess>(db(), args);
        ASSERT_TRUE(server_->started()) << server_->err();
    }

    long long count(const std::string& table_and_filter) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_and_filter, soci::into(n);
        return n;
    }

    std::set<long long> ids(const std::string& query) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        std::set<long long> out;
        soci::rowset<long long> rows = (s.prepare << query);
        for (const auto id : rows) out.insert(id);
        return out;
    }

    // The first prime in the form's list.
    std::string a_prime() {
        const auto page = get(port(), "/staff-reports/new");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(page.body, m, std::regex(R"re(<option value="([0-9]+)">)re"))) << page.body;
        return m[1].str();
    }

    std::string fields(const std::string& prime, const std::string& text) {
        return "prime=" + prime +
               "&role=adviser&pressure_referral_numbers=yes&pressure_league_tables=yes"
               "&started_month=3&started_year=2026&continuing=yes&text=" +
               url_encode(text);
    }

    // The form, the preview, then sent: returns the page that shows the codename.
    HttpResponse report(const std::string& text, const std::string& headers = "") {
        const auto prime = a_prime();
        const auto form = get(port(), "/staff-reports/new?prime=" + prime);
        EXPECT_EQ(form.status, 200);
        const auto preview = request(port(), "POST", "/staff-reports/new", headers + kForm,
                                     "csrf=" + csrf_in(form.body, "/staff-reports/new") + "&" + fields(prime, text));
        EXPECT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
        EXPECT_NE(preview.body.find("Check your report before you send it"), std::string::npos);
        return request(
            port(), "POST", "/staff-reports/new", headers + kForm,
            "csrf=" + csrf_in(preview.body, "/staff-reports/new") + "&" + fields(prime, text) + "&confirm=yes");
    }

    HttpResponse open(const std::string& codename) {
        const auto ask = get(port(), "/staff-reports/mine");
        return request(port(), "POST", "/staff-reports/mine", kForm,
                       "csrf=" + csrf_in(ask.body, "/staff-reports/mine") + "&codename=" + codename);
    }

    HttpResponse add(const std::string& codename, const std::string& text) {
        const auto page = open(codename);
        return request(port(), "POST", "/staff-reports/mine/add", kForm,
                       "csrf=" + csrf_in(page.body, "/staff-reports/mine/add") + "&codename=" + codename +
                           "&text=" + url_encode(text));
    }

    std::string only_report_url(const std::string& moderator) {
        const auto list = signed_get(moderator, "/moderate/staff-reports");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(list.body, m, std::regex(R"re(href="(/moderate/staff-reports/[0-9]+)")re")))
            << list.body;
        return m[1].str();
    }

    // "December 2026": the month the server takes as now.
    static std::string month_now() {
        const auto now = std::chrono::system_clock::now();
        const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(now)};
        static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
        return fmt::format("{} {}", kNames[static_cast<unsigned>(day.month()) - 1], static_cast<int>(day.year()));
    }

    // A valid form token for `path` in the session of `cookie` ("Cookie: __Host-pw_session=…"),
    // made with the deployment's form key as the server makes it: for posts that must reach the
    // check after the token's (a role's), whatever the pages offer that session.
    static std::string form_token(const std::string& cookie, const std::string& path) {
        const auto at = cookie.find('=');
        const auto session = cookie.substr(at + 1, cookie.find('\r') - at - 1);
        std::ifstream in(shared_secrets_file());
        std::stringstream text;
        text << in.rdbuf();
        const auto secrets = pw::crypto::parse_secrets(text.str());
        EXPECT_TRUE(secrets);
        const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        return pw::crypto::CsrfTokens(secrets->form_key).issue(path + "|" + session, day.time_since_epoch().count());
    }

    KeyFolder keys_;
};

}  // namespace pw::testing
