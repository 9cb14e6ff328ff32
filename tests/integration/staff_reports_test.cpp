// Staff reports through the real server: a staff member reports with no account and gets a
// codename; a moderator reads it with the moderators' key, replies and judges; the staff member
// reads the reply with the codename and adds more. Then what must be refused, what a seized
// database would show, and a server without the key. On SQLite and PostgreSQL.
#include <csignal>

#include "integration/staff_report_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

class StaffReports : public StaffReportServerTest {};
PW_ENGINE_SUITE(StaffReports);

TEST_P(StaffReports, AModeratorRepliesAndTheStaffMemberReadsItWithTheirCodenameAndAddsMore) {
    const auto sent = report("My team leader Malcolm told us on 3rd June that we each need 3 referrals a week.");
    ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 2000);
    EXPECT_EQ(sent.header("cache-control"), "no-store");
    const auto codename = codename_in(sent.body);
    EXPECT_EQ(count("staff_reports"), 1);
    EXPECT_EQ(count("staff_report_messages"), 1);

    // Practising the codename opens the report as it is kept: redacted.
    auto mine = open(codename);
    ASSERT_EQ(mine.status, 200) << mine.body.substr(0, 2000);
    EXPECT_NE(mine.body.find("3 referrals a week"), std::string::npos) << mine.body;
    EXPECT_EQ(mine.body.find("Malcolm"), std::string::npos) << "a name reached the kept text";
    EXPECT_NE(mine.body.find("Received, waiting to be read"), std::string::npos);

    const auto moderator = sign_in("mod1", moderator_password_);
    const auto url = only_report_url(moderator);
    auto read = signed_get(moderator, url);
    ASSERT_EQ(read.status, 200);
    EXPECT_NE(read.body.find("3 referrals a week"), std::string::npos);
    EXPECT_NE(read.body.find("A number of referrals expected each week or month"), std::string::npos);
    EXPECT_NE(read.body.find("Adviser at "), std::string::npos) << "the sealed details do not open";
    EXPECT_NE(read.body.find("Since March 2026, still going on."), std::string::npos);
    auto replied =
        signed_post(moderator, url, url + "/reply", "text=" + url_encode("Thank you. Is it written down anywhere?"));
    ASSERT_EQ(replied.status, 200) << replied.body.substr(0, 2000);
    EXPECT_NE(replied.body.find("Your reply is sent."), std::string::npos);
    auto judged = signed_post(moderator, url, url + "/judge", "from=received&to=needs_more");
    EXPECT_NE(judged.body.find("The report is judged."), std::string::npos) << judged.body.substr(0, 2000);

    mine = open(codename);
    EXPECT_NE(mine.body.find("Is it written down anywhere?"), std::string::npos)
        << "the reporter cannot read the reply";
    EXPECT_NE(mine.body.find("We need more from you"), std::string::npos);
    auto added = add(codename, "Yes, in the weekly team email.");
    ASSERT_EQ(added.status, 200) << added.body.substr(0, 2000);
    EXPECT_NE(added.body.find("What you added is sent."), std::string::npos);
    EXPECT_NE(added.body.find("in the weekly team email"), std::string::npos);
    EXPECT_NE(added.body.find("Received, waiting to be read"), std::string::npos) << "more came: read it again";

    read = signed_get(moderator, url);
    EXPECT_NE(read.body.find("in the weekly team email"), std::string::npos);
    judged = signed_post(moderator, url, url + "/judge", "from=received&to=credible");
    EXPECT_NE(judged.body.find("Read and found credible"), std::string::npos);
    // A judgement made on a page that is out of date changes nothing.
    judged = signed_post(moderator, url, url + "/judge", "from=received&to=not_relevant");
    EXPECT_NE(judged.body.find("Someone else judged this report"), std::string::npos);
    EXPECT_EQ(count("staff_reports WHERE state = 'credible'"), 1);
    EXPECT_EQ(count("staff_report_events"), 5);  // received, replied, judged, added, judged
    EXPECT_EQ(count("events WHERE object_kind = 'staff_report'"), 0) << "among the other events";

    // Nobody else can read or judge it.
    EXPECT_NE(get(port(), url).status, 200);
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    EXPECT_EQ(signed_get(rep, url).status, 403);
}

TEST_P(StaffReports, AWrongCodenameRevealsNothingAndChangesNothing) {
    const auto before = open("maple+river+candle+orbit+finch+lantern");
    EXPECT_EQ(before.status, 400);
    EXPECT_NE(before.body.find("We do not recognise that codename"), std::string::npos);
    const auto sent = report("We are ranked in a league table every Friday.");
    ASSERT_EQ(sent.status, 200);
    const auto after = open("maple+river+candle+orbit+finch+lantern");
    EXPECT_EQ(after.status, 400);
    // The same answer whether or not any report exists (only the form token differs).
    const std::regex token(R"re(name="csrf" value="[^"]*")re");
    EXPECT_EQ(std::regex_replace(before.body, token, ""), std::regex_replace(after.body, token, ""));
    EXPECT_EQ(open("not+a+codename").status, 400);
    EXPECT_EQ(open("maple+river+candle+orbit").status, 400);  // a participant's 4-word codename is not one
    EXPECT_EQ(request(port(), "POST", "/staff-reports/mine", kForm, "codename=" + codename_in(sent.body)).status, 403)
        << "no form token";
    // Adding more under a wrong codename, with a good form token (from the real codename's page).
    const auto page = open(codename_in(sent.body));
    const auto wrong_add = request(port(), "POST", "/staff-reports/mine/add", kForm,
                                   "csrf=" + csrf_in(page.body, "/staff-reports/mine/add") +
                                       "&codename=maple+river+candle+orbit+finch+lantern&text=more");
    EXPECT_EQ(wrong_add.status, 400);
    EXPECT_NE(wrong_add.body.find("We do not recognise that codename"), std::string::npos);
    EXPECT_EQ(count("staff_report_messages"), 1);
}

TEST_P(StaffReports, BadReportsAreRefusedWithClearMessagesAndNothingIsKept) {
    const auto prime = a_prime();
    const auto form = get(port(), "/staff-reports/new?prime=" + prime);
    const auto post = [&](const std::string& body) {
        return request(port(), "POST", "/staff-reports/new", kForm,
                       "csrf=" + csrf_in(form.body, "/staff-reports/new") + "&" + body);
    };
    auto unknown = get(port(), "/staff-reports/new?prime=999999");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.body.find("Select the prime you work for or with, from the list"), std::string::npos);
    unknown = post(fields("999999", "text"));
    EXPECT_EQ(unknown.status, 400);
    auto empty = post(fields(prime, "   "));
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
    auto long_text = post(fields(prime, std::string(10001, 'a')));
    EXPECT_EQ(long_text.status, 400);
    EXPECT_NE(long_text.body.find("10000 characters or fewer"), std::string::npos) << long_text.body.substr(0, 3000);
    // The form says 10,000 characters, in any script: 10,000 four-byte ones, sent as a form
    // (each byte three), reach the preview; one more is the same clear message, not a bare 413.
    std::string widest;
    for (int i = 0; i < 10000; ++i) widest += "\xf0\x9f\x93\x8b";  // U+1F4CB, a clipboard
    const auto wide = post(fields(prime, widest));
    EXPECT_EQ(wide.status, 200) << wide.body.substr(std::min(wide.body.find("govuk-error-summary"), wide.body.size()),
                                                    1500);
    auto wider = post(fields(prime, widest + "\xf0\x9f\x93\x8b"));
    EXPECT_EQ(wider.status, 400);
    EXPECT_NE(wider.body.find("10000 characters or fewer"), std::string::npos);
    auto no_pressure = post("prime=" + prime + "&role=adviser&started_month=3&started_year=2026&continuing=yes&text=x");
    EXPECT_EQ(no_pressure.status, 400);
    EXPECT_NE(no_pressure.body.find("Select at least one kind of pressure"), std::string::npos);
    auto future = post("prime=" + prime +
                       "&role=adviser&pressure_rewards=yes&started_month=1&started_year=2099&continuing=yes&text=x");
    EXPECT_EQ(future.status, 400);
    EXPECT_NE(future.body.find("cannot be in the future"), std::string::npos);
    auto bad_month =
        post("prime=" + prime +
             "&role=adviser&pressure_rewards=yes&started_month=13&started_year=2026&continuing=yes&text=x");
    EXPECT_EQ(bad_month.status, 400);
    auto other_office = post(fields(prime, "x") + "&office=999999&confirm=yes");
    EXPECT_EQ(other_office.status, 400);
    EXPECT_EQ(request(port(), "POST", "/staff-reports/new", kForm, fields(prime, "x") + "&confirm=yes").status, 403);
    EXPECT_EQ(count("staff_reports"), 0);
    EXPECT_EQ(count("staff_report_messages"), 0);
}

// Ids must not tell a seized database the order things were made in.
TEST_P(StaffReports, IdsOfReportsRepliesAndTheirEventsDoNotFollowTheOrderTheyWereMade) {
    restart({"--limit-writes", "0"});
    const auto moderator = sign_in("mod1", moderator_password_);
    std::vector<long long> reports, messages, events;
    const auto newest = [&](const std::string& query, std::set<long long>& seen, std::vector<long long>& order) {
        for (const auto id : ids(query))
            if (seen.insert(id).second) order.push_back(id);
    };
    std::set<long long> seen_reports, seen_messages, seen_events;
    constexpr int kReports = 16;
    for (int n = 0; n < kReports; ++n) {
        ASSERT_EQ(report("Report number " + std::to_string(n) + ": targets again.").status, 200);
        newest("SELECT id FROM staff_reports", seen_reports, reports);
        newest("SELECT id FROM staff_report_messages", seen_messages, messages);
        newest("SELECT id FROM staff_report_events", seen_events, events);
        const auto url = "/moderate/staff-reports/" + std::to_string(reports.back());
        ASSERT_EQ(signed_post(moderator, url, url + "/reply", "text=Thanks").status, 200);
        newest("SELECT id FROM staff_report_messages", seen_messages, messages);
        newest("SELECT id FROM staff_report_events", seen_events, events);
    }
    ASSERT_EQ(reports.size(), kReports);
    ASSERT_EQ(messages.size(), 2 * kReports);
    ASSERT_EQ(events.size(), 2 * kReports);
    // Kendall's tau between the order made and the order of ids: about 0 when ids are random
    // (sd 0.18 for 16, 0.12 for 32); 1 when they count up.
    const auto tau = [](const std::vector<long long>& ids) {
        long long agree = 0, disagree = 0;
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) (ids[i] < ids[j] ? agree : disagree) += 1;
        return static_cast<double>(agree - disagree) / static_cast<double>(agree + disagree);
    };
    EXPECT_LT(std::abs(tau(reports)), 0.75) << "report ids follow the order made";
    EXPECT_LT(std::abs(tau(messages)), 0.6) << "message ids follow the order made";
    EXPECT_LT(std::abs(tau(events)), 0.6) << "event ids follow the order made";
    // In SQLite a table has a hidden rowid that counts up in the order rows were written, unless
    // it is made WITHOUT ROWID: these have none.
    if (GetParam() == pw::store::Engine::sqlite) {
        for (const auto* table : {"staff_reports", "staff_report_messages", "staff_report_events"})
            EXPECT_ANY_THROW(ids(std::string("SELECT rowid FROM ") + table)) << table << " has a rowid";
    }
    // None of them is among the other events, whose ids count up.
    EXPECT_EQ(count("events WHERE object_kind = 'staff_report'"), 0);
}

TEST_P(StaffReports, WithoutTheKeyTheAreaIsClosedAndSaysSoWhileTheRestOfTheSiteRuns) {
    server_.reset();
    server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--publish", "off"});
    ASSERT_TRUE(server_->started()) << server_->err();
    auto start = get(port(), "/staff-reports");
    EXPECT_EQ(start.status, 503);
    EXPECT_NE(start.body.find("Staff reports are closed on this site just now"), std::string::npos);
    EXPECT_EQ(get(port(), "/staff-reports/new").status, 503);
    EXPECT_EQ(get(port(), "/").status, 200);
    EXPECT_EQ(get(port(), "/providers/" + seetec_).status, 200);

    // A wrong passphrase: the server starts, says why in its log, and keeps the area closed.
    { std::ofstream(keys_.file("wrong")) << "not the passphrase at all\n"; }
    server_.reset();
    server_ = std::make_unique<ServerProcess>(
        db(), std::vector<std::string>{"--publish", "off", "--staff-key", keys_.file("staff.key"),
                                       "--staff-key-passphrase-file", keys_.file("wrong")});
    ASSERT_TRUE(server_->started()) << server_->err();
    EXPECT_EQ(get(port(), "/staff-reports").status, 503);
    EXPECT_NE(server_->err().find("the passphrase does not open the key file"), std::string::npos) << server_->err();
    EXPECT_EQ(get(port(), "/").status, 200);
}

// SQLite only: the files are on this machine to search. The text, the client's address and its
// user agent are in none of the database, its WAL or the server's log.
TEST(StaffReportPrivacy, NoTextAddressOrUserAgentReachesTheDatabaseWalOrLogs) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    ASSERT_EQ(run_cli({"import", "registry", source_dir() + "/data/registry/work_programme_primes.csv", "--db",
                       test_db->url()})
                  .exit_code,
              0);
    KeyFolder keys;
    { std::ofstream(keys.file("passphrase")) << kPassphrase; }
    ASSERT_EQ(
        run_cli({"staff-key", "init", keys.file("staff.key"), "--passphrase-file", keys.file("passphrase")}).exit_code,
        0);
    ServerProcess server(test_db->url(), {"--trusted-proxy", "127.0.0.1", "--staff-key", keys.file("staff.key"),
                                          "--staff-key-passphrase-file", keys.file("passphrase")});
    ASSERT_TRUE(server.started()) << server.err();
    const auto form = get(server.port(), "/staff-reports/new?prime=1");
    ASSERT_EQ(form.status, 200) << form.body.substr(0, 1000);
    const std::string markers =
        "User-Agent: MarkerAgent/9.9\r\nX-Forwarded-For: 198.51.100.77\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n";
    const std::string body =
        "prime=1&role=team_leader&pressure_improvement_plans=yes&started_month=1&started_year=2026"
        "&continuing=no&text=zqxjmarker+quota+wvkpmarker&confirm=yes&csrf=" +
        csrf_in(form.body, "/staff-reports/new");
    const auto sent = request(server.port(), "POST", "/staff-reports/new", markers, body);
    ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 2000);
    const auto codename = codename_in(sent.body);
    const auto ask = get(server.port(), "/staff-reports/mine");
    const auto mine = request(server.port(), "POST", "/staff-reports/mine", markers,
                              "csrf=" + csrf_in(ask.body, "/staff-reports/mine") + "&codename=" + codename);
    EXPECT_NE(mine.body.find("zqxjmarker quota wvkpmarker"), std::string::npos) << "the report cannot be read back";
    // Every file beside the database, while the server runs (the WAL holds the writes until it is
    // folded in at the end) and again after it stops.
    const auto files = [&] {
        std::string bytes_read;
        for (const auto& entry :
             std::filesystem::directory_iterator(std::filesystem::path(test_db->url()).parent_path())) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            bytes_read += bytes.str();
        }
        return bytes_read;
    };
    std::string everything = files();
    EXPECT_TRUE(std::filesystem::exists(test_db->url() + "-wal")) << "no WAL to search";
    ASSERT_EQ(get(server.port(), "/").status, 200);
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait(10000), 0);
    everything += files() + server.err();
    // The access log is on and logs other pages; no line names a staff-report route, whose times
    // a log collector would keep.
    EXPECT_NE(server.err().find("route=/ status=200"), std::string::npos) << "the access log is off";
    EXPECT_EQ(server.err().find("route=/staff-reports"), std::string::npos) << server.err();
    std::string words = codename;
    std::replace(words.begin(), words.end(), '+', ' ');
    // The role is among the sealed details: "team_leader" is nowhere in the clear.
    for (const auto& marker : {std::string("zqxjmarker"), std::string("wvkpmarker"), std::string("MarkerAgent"),
                               std::string("198.51.100.77"), words, std::string("team_leader")}) {
        EXPECT_EQ(everything.find(marker), std::string::npos) << marker;
    }
}

// Counts per prime for quarters that have ended, hidden below their threshold: the page shows
// exactly what the noisy cells and the rule say, only credible reports count, never an office,
// and nothing for a quarter until a month after it ends.
TEST_P(StaffReports, PublicCountsArePerPrimeForEndedQuartersAndHiddenBelowTheirThreshold) {
    const auto form = get(port(), "/staff-reports/new").body;
    std::vector<std::pair<std::string, std::string>> primes;  // id, name
    const std::regex option(R"re(<option value="([0-9]+)">([^<]+)</option>)re");
    for (auto it = std::sregex_iterator(form.begin(), form.end(), option); it != std::sregex_iterator(); ++it)
        primes.emplace_back((*it)[1].str(), (*it)[2].str());
    ASSERT_GE(primes.size(), 2u);
    ASSERT_EQ(report("Told to refer three a week.").status, 200);
    ASSERT_EQ(report("A prize for the team with most referrals.").status, 200);
    // Many more at the second prime, this month, as the form would keep them: 40 found credible,
    // 40 not read yet, which must not count.
    const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    const int year = static_cast<int>(today.year());
    const int month_number = static_cast<int>(static_cast<unsigned>(today.month()));
    const std::string month = fmt::format("{:04d}-{:02d}", year, month_number);
    {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        for (int n = 0; n < 80; ++n) {
            s << "INSERT INTO staff_reports (id, prime_id, pressures, month, details_for_moderators, "
                 "details_for_reporter, state, lookup_key, codename_hash, key_salt, public_key, locked_secret_key) "
                 "VALUES (" +
                     std::to_string(1000 + n) + ", " + primes[n < 40 ? 1 : 0].first + ", 1, '" + month +
                     "', 'x', 'x', '" + (n < 40 ? "credible" : "received") + "', 0, 'x', 'x', 'x', 'x')";
        }
    }
    // The months after this quarter ends: 0 is its last month.
    const int quarter_number = (month_number - 1) / 3;
    const auto after_end = [&](int n) {
        const int m = quarter_number * 3 + 3 + n;  // a month of the year, past 12 into the next
        return fmt::format("{:04d}-{:02d}", year + (m - 1) / 12, (m - 1) % 12 + 1);
    };
    static const char* names[] = {"January to March", "April to June", "July to September", "October to December"};
    const auto quarter = std::string(names[quarter_number]) + " " + std::to_string(year);
    const auto quarter_code = fmt::format("{:04d}-Q{}", year, quarter_number + 1);

    // Published as the quarter ends and a month on (its period then the quarter's last month): not
    // there yet, while moderators read its last reports.
    publish_at(after_end(0));
    publish_at(after_end(1));
    auto page = get(port(), "/staff-reports/figures");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find(quarter), std::string::npos) << "a quarter shown before moderators had a month";
    EXPECT_EQ(count("staff_report_cells WHERE quarter = '" + quarter_code + "'"), 0);

    publish_at(after_end(2));
    page = get(port(), "/staff-reports/figures");
    const auto at = page.body.find(quarter);
    ASSERT_NE(at, std::string::npos) << page.body.substr(0, 3000);
    const auto section = page.body.substr(at, page.body.find("<h2", at) - at);
    const auto cell = [&](const std::string& prime_id) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long noisy = 0;
        s << "SELECT noisy FROM staff_report_cells WHERE prime_id = " + prime_id +
                 " AND measure = 'reports' AND quarter = '" + quarter_code + "'",
            soci::into(noisy);
        return noisy;
    };
    // A prime has a row exactly when its noisy count reaches the threshold; the rest are counted
    // in one sentence.
    std::size_t hidden = 0;
    for (const auto& [id, name] : primes) {
        const bool row = section.find(">" + name + "</th><td class=\"govuk-table__cell\">about ") != std::string::npos;
        EXPECT_EQ(row, cell(id) >= 18) << name << " from a noisy count of " << cell(id) << " in " << section;
        hidden += row ? 0 : 1;
    }
    EXPECT_NE(section.find(std::to_string(hidden) + " primes each had fewer than 18 reports, or none."),
              std::string::npos)
        << section;
    EXPECT_NE(section.find(">" + primes[1].second + "</th><td class=\"govuk-table__cell\">about "), std::string::npos)
        << "40 credible reports are not shown";
    // The 40 unread and the 2 sent through the form count for nothing: noise alone reaches 25
    // about once in 40,000; counted, they would be 42 and noise.
    EXPECT_LT(cell(primes[0].first), 25) << "unread reports were counted";
    // Every prime has a cell for each measure, drawn once: publishing again draws nothing new.
    const auto cells = count("staff_report_cells WHERE quarter = '" + quarter_code + "'");
    EXPECT_EQ(cells, static_cast<long long>(7 * primes.size()));
    publish_at(after_end(3));
    EXPECT_EQ(count("staff_report_cells WHERE quarter = '" + quarter_code + "'"), cells);
    EXPECT_EQ(page.body.find("Office"), std::string::npos);
    // Beside them, the targets reported elsewhere with their sources, less claims marked unverified.
    EXPECT_NE(page.body.find("Walthamstow Jobcentre"), std::string::npos);
    EXPECT_NE(page.body.find("Guardian 21 Mar 2013"), std::string::npos);
    EXPECT_EQ(page.body.find("UNVERIFIED"), std::string::npos);
}

// Every account role against the moderators' staff-report pages. A signed-in role without access
// posts with a valid token of its own session for that form, so its 403 is the role check's, not
// the token's; with no session there is no token to have, and the answer is the way to sign in.
TEST_P(StaffReports, OnlyModeratorsAndAdminsCanOpenReplyToJudgeOrLinkAReport) {
    ASSERT_EQ(report("League tables every week.").status, 200);
    const auto moderator = sign_in("mod1", moderator_password_);
    const auto url = only_report_url(moderator);
    // The tokens made here are the server's own: a moderator's is taken.
    const auto post = [&](const std::string& cookie, const std::string& path, const std::string& fields) {
        const auto token = cookie.empty() ? std::string() : form_token(cookie, path);
        return request(port(), "POST", path, cookie + kForm, "csrf=" + token + "&" + fields).status;
    };
    EXPECT_EQ(post(moderator, url + "/reply", "text=With+a+made+token"), 200);
    struct Role {
        std::string name, cookie;
        int expected;
    };
    const std::vector<Role> roles{
        {"anonymous", "", 303},
        {"provider", sign_in("seetec-rep", passwords_["seetec-rep"]), 403},
        {"researcher", sign_in("res1", create_account(db(), "res1", "researcher")), 403},
        {"evaluator", sign_in("eval1", create_account(db(), "eval1", "evaluator")), 403},
        {"admin", sign_in("admin1", create_account(db(), "admin1", "admin")), 200},
        {"moderator", moderator, 200},
    };
    for (const auto& role : roles) {
        EXPECT_EQ(request(port(), "GET", "/moderate/staff-reports", role.cookie).status, role.expected) << role.name;
        EXPECT_EQ(request(port(), "GET", url, role.cookie).status, role.expected) << role.name;
        if (role.expected == 200) {
            EXPECT_EQ(signed_post(role.cookie, url, url + "/reply", "text=From+" + role.name).status, 200) << role.name;
            continue;
        }
        EXPECT_EQ(post(role.cookie, url + "/reply", "text=Not+allowed"), role.expected) << role.name;
        EXPECT_EQ(post(role.cookie, url + "/judge", "from=received&to=credible"), role.expected) << role.name;
        EXPECT_EQ(post(role.cookie, url + "/evidence", "address=1&label=x"), role.expected) << role.name;
        for (const auto* link : {"/evidence/1/remove", "/evidence/x/remove"})
            EXPECT_EQ(post(role.cookie, url + link, ""), role.expected) << role.name << link;
    }
    EXPECT_EQ(count("staff_report_messages"), 4);  // the report and the three replies
    EXPECT_EQ(count("staff_reports WHERE state = 'received'"), 1);
    EXPECT_EQ(get(port(), "/moderate/staff-reports/999").status, 303);
    EXPECT_EQ(request(port(), "GET", "/moderate/staff-reports/999", moderator).status, 404);
}
