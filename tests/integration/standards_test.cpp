// Providers against the standards through the real server: a provider rated far under 3 stars
// is below standard only once two publications agree, and then under recovery measures, on its
// page and on /standards; an admin's standards are checked and used from the next publication.
// On SQLite and PostgreSQL.
#include <fmt/format.h>
#include <soci/soci.h>
#include <unistd.h>
#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

class Standards : public StoryServerTest {
protected:
    long long count(const std::string& table_and_filter) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_and_filter, soci::into(n);
        return n;
    }

    // n ratings of Seetec in its first area, each from another client.
    void rate_seetec(int n, int stars) {
        for (int i = 0; i < n; ++i) ASSERT_EQ(rate(seetec_, stars, another_client()), 200);
    }

    static std::string month_after(const std::string& month) {
        int year = std::stoi(month.substr(0, 4));
        int m = std::stoi(month.substr(5, 2)) + 1;
        if (m == 13) {
            m = 1;
            ++year;
        }
        return std::to_string(year) + (m < 10 ? "-0" : "-") + std::to_string(m);
    }
};
PW_ENGINE_SUITE(Standards);

TEST_P(Standards, AProviderFarUnderThreeStarsIsBelowStandardOnlyWhenTwoPublicationsAgree) {
    rate_seetec(700, 1);
    const auto first = next_month();
    publish_at(first);
    auto page = get(port(), "/providers/" + seetec_).body;
    const auto status_at = page.find("id=\"standard-status\"");
    ASSERT_NE(status_at, std::string::npos) << "no status on the provider page";
    // 700 ratings: not "Not enough ratings yet" beside its score, but not decided until the next
    // publication agrees.
    const auto status_part = page.substr(status_at, 400);
    EXPECT_NE(status_part.find("Not decided yet"), std::string::npos) << status_part;
    EXPECT_EQ(status_part.find("Not enough ratings yet"), std::string::npos) << status_part;
    EXPECT_NE(page.find("The latest figures say “Below standard”: the status changes if the next publication agrees."),
              std::string::npos)
        << page.substr(status_at, 2500) << "\nratings kept: " << count("ratings")
        << ", held months: " << count("rating_holds");
    EXPECT_EQ(page.find("Under recovery measures"), std::string::npos) << "one publication put it under recovery";
    EXPECT_NE(page.find(": Not decided yet (these figures said “Below standard”, not yet confirmed)."),
              std::string::npos)
        << "the history does not say what the first figures said";
    EXPECT_EQ(count("provider_status WHERE published = 'below_standard'"), 0);

    publish_at(month_after(first));
    page = get(port(), "/providers/" + seetec_).body;
    EXPECT_NE(page.find("govuk-tag--red\">Below standard"), std::string::npos) << page.substr(0, 3000);
    EXPECT_NE(page.find("Under recovery measures"), std::string::npos);
    EXPECT_NE(page.find("is clearly under the minimum of 3.00: even the top of its likely range"), std::string::npos);
    const auto standards = get(port(), "/standards");
    ASSERT_EQ(standards.status, 200);
    const auto recovery = standards.body.find("id=\"recovery\"");
    const auto below = standards.body.find("id=\"below\"");
    ASSERT_NE(recovery, std::string::npos);
    const auto listed = standards.body.find(">Seetec</a>", recovery);
    EXPECT_LT(listed, below) << "Seetec is not under recovery measures on /standards";
    EXPECT_NE(standards.body.find("Status at each publication:"), std::string::npos);
    // Every provider of the registry has a status at each publication, and the figures stay public.
    EXPECT_EQ(count("provider_status"), 2 * count("providers"));
    EXPECT_EQ(count("snapshot_standards"), 2);
}

TEST_P(Standards, AnAdminsStandardsAreCheckedAndUsedFromTheNextPublication) {
    const auto admin = sign_in("admin1", create_account(db(), "admin1", "admin"));
    const auto events = count("events");
    auto bad = signed_post(admin, "/admin/standards", "/admin/standards",
                           "stars=7&complaints=ten&answered=75&agree=0&recover=3");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("The minimum score must be between 1 and 5 stars"), std::string::npos) << bad.body;
    EXPECT_NE(bad.body.find("Enter the maximum complaints as a number"), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"7\""), std::string::npos) << "the admin's answers are kept";
    EXPECT_EQ(count("standards_settings"), 0);
    EXPECT_EQ(count("events"), events);
    const auto mod = sign_in("mod1", moderator_password_);
    EXPECT_EQ(signed_get(mod, "/admin/standards").status, 403);
    EXPECT_EQ(get(port(), "/admin/standards").status, 303);

    auto saved = signed_post(admin, "/admin/standards", "/admin/standards",
                             "stars=1.5&complaints=10&answered=75%25&agree=1&recover=3");
    ASSERT_EQ(saved.status, 200) << saved.body.substr(0, 800);
    EXPECT_NE(saved.body.find("Saved. The next publication uses these standards."), std::string::npos);
    EXPECT_EQ(count("standards_settings WHERE minimum_stars_hundredths = 150 AND publications_to_agree = 1"), 1);
    EXPECT_NE(signed_get(admin, "/admin/audit").body.find("standards.changed"), std::string::npos);

    rate_seetec(700, 2);
    publish_at(next_month());
    const auto page = get(port(), "/providers/" + seetec_).body;
    EXPECT_NE(page.find("govuk-tag--green\">Meets the standards"), std::string::npos) << "2 stars meets a 1.5 minimum";
    EXPECT_NE(get(port(), "/standards").body.find("at least 1.5 stars"), std::string::npos);
}

TEST_P(Standards, TheLeagueTableListsEveryProviderFromTheSnapshotWithItsDownloads) {
    auto before = get(port(), "/league-table");
    EXPECT_EQ(before.status, 200);
    EXPECT_NE(before.body.find("No statuses have been published yet."), std::string::npos);
    // Enough providers for the table to need more than one page.
    const auto more = std::filesystem::temp_directory_path() / ("league-subs-" + std::to_string(::getpid()) + "-" +
                                                                std::to_string(static_cast<int>(GetParam())) + ".csv");
    {
        std::ofstream csv(more);
        csv << "programme,cpa_number,prime_provider,subcontractor,source\n";
        for (int n = 1; n <= 30; ++n)
            csv << "Work Programme (2011–2017),5,Avanta,League Test Sub " << n << ",test fixture (not real data)\n";
    }
    expect_ok({"import", "providers", more.string(), "--db", db()});
    std::filesystem::remove(more);
    rate_seetec(700, 4);
    publish_at(next_month());
    const auto page = get_once_it_shows("/league-table", "League Test Sub");
    ASSERT_EQ(page.status, 200);
    const auto seetec_row = page.body.find(">Seetec</a>");
    ASSERT_NE(seetec_row, std::string::npos);
    std::smatch first;
    const std::string rows = page.body.substr(page.body.find("<tbody"));
    ASSERT_TRUE(std::regex_search(rows, first, std::regex(R"re(href="/providers/([0-9]+)")re")));
    EXPECT_EQ(first[1].str(), seetec_) << "the only provider with a score is not first";
    EXPECT_NE(page.body.find("<svg class=\"pw-league-chart\""), std::string::npos) << "no chart beside the table";
    EXPECT_NE(page.body.find("Not enough ratings yet"), std::string::npos);

    const auto subs = get(port(), "/league-table?kind=subcontractor&sort=name");
    EXPECT_EQ(subs.status, 200);
    EXPECT_EQ(subs.body.find(">Seetec</a>"), std::string::npos) << "a prime among the sub-contractors";

    const auto csv = get(port(), "/league-table.csv");
    EXPECT_EQ(csv.status, 200);
    EXPECT_TRUE(csv.header("content-type").starts_with("text/csv"));
    EXPECT_TRUE(csv.body.starts_with("provider,kind,programmes,score,lower,upper,raters,")) << csv.body.substr(0, 200);
    EXPECT_NE(csv.body.find("\"Seetec\",\"prime\""), std::string::npos);
    const auto json = get(port(), "/api/v1/league-table");
    EXPECT_EQ(json.status, 200);
    EXPECT_NE(json.body.find("\"name\":\"Seetec\""), std::string::npos);
    // The JSON gives the CSV's figures, to the same places.
    std::smatch csv_row;
    ASSERT_TRUE(std::regex_search(csv.body, csv_row,
                                  std::regex(R"re("Seetec","prime","[^"]*",([0-9.]+),([0-9.]+),([0-9.]+),)re")));
    const auto providers = boost::json::parse(json.body).at("providers").as_array();
    const auto seetec = std::ranges::find_if(providers, [](const auto& p) { return p.at("name") == "Seetec"; });
    ASSERT_NE(seetec, providers.end());
    for (const auto& [key, at] : {std::pair<const char*, int>{"score", 1}, {"lower", 2}, {"upper", 3}})
        EXPECT_EQ(seetec->at(key).as_double(), std::stod(csv_row[at].str())) << key;

    // A page of 25 rows at a time, each page with one address; the downloads hold every row.
    std::smatch count;
    ASSERT_TRUE(std::regex_search(page.body, count, std::regex(R"re(([0-9]+) providers\. Download them all)re")));
    const auto total = std::stoul(count[1].str());
    const auto pages = (total + 24) / 25;
    ASSERT_GT(pages, 1u) << "the registry fills one page: the test would not reach a second";
    const auto rows_in = [](const std::string& body) {
        const std::regex row(R"re(<tr class="govuk-table__row"><th scope="row")re");
        return static_cast<std::size_t>(std::distance(std::sregex_iterator(body.begin(), body.end(), row), {}));
    };
    std::size_t seen = 0;
    for (std::size_t n = 1; n <= pages; ++n) {
        const auto at = get(port(), "/league-table?sort=name&page=" + std::to_string(n));
        ASSERT_EQ(at.status, 200) << "page " << n;
        EXPECT_EQ(rows_in(at.body), std::min<std::size_t>(25, total - seen)) << "page " << n;
        seen += rows_in(at.body);
        if (pages > 1) {
            EXPECT_NE(at.body.find(fmt::format("Page {} of {}", n, pages)), std::string::npos);
        }
        if (n < pages) {
            EXPECT_NE(
                at.body.find(fmt::format("href=\"/league-table?sort=name&amp;page={}#league\" rel=\"next\"", n + 1)),
                std::string::npos)
                << "page " << n << " does not lead to the next, keeping its sort";
        }
    }
    EXPECT_EQ(seen, total);
    for (const auto* none : {"/league-table?page=0", "/league-table?page=abc", "/league-table?page=999"})
        EXPECT_EQ(get(port(), none).status, 404) << none;
    const auto csv_lines = static_cast<std::size_t>(std::ranges::count(csv.body, '\n'));
    EXPECT_EQ(csv_lines, total + 1) << "the download is not the whole table";
    const auto json_rows = static_cast<std::size_t>(std::ranges::count(json.body, '{')) - 1;
    EXPECT_EQ(json_rows, total);

    const auto bad = get(port(), "/league-table?sort=%3Cscript%3E&area=abc");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("Choose how to sort the table from the list"), std::string::npos);
    EXPECT_EQ(bad.body.find("<script>"), std::string::npos);
    EXPECT_EQ(get(port(), "/league-table.csv?kind=emperors").status, 400);
}

// Recovery measures ask the provider for a monthly report: its representative sends one, a
// moderator publishes it (redacted), and a later month without one shows as overdue. Another
// organisation's representative cannot send one for it.
TEST_P(Standards, AProviderUnderRecoveryMeasuresReportsEachMonthAndAMissingReportIsOverdue) {
    rate_seetec(700, 1);
    const auto first = next_month();
    publish_at(first);
    publish_at(month_after(first));  // below standard: recovery measures from this publication
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    auto mine = signed_get(rep, "/provider-area/recovery");
    ASSERT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("Under recovery measures since"), std::string::npos)
        << mine.body.substr(mine.body.find("<main"), 3000);
    const auto action = "/providers/" + seetec_ + "/recovery-report";
    ASSERT_NE(mine.body.find("action=\"" + action + "\""), std::string::npos) << "no form for this month's report";
    EXPECT_NE(get(port(), "/providers/" + seetec_).body.find("due by the end of the month."), std::string::npos);
    const auto events = count("events");

    // Another organisation's representative, and an empty report: refused, nothing kept.
    const auto other = sign_in("a4e-rep", passwords_["a4e-rep"]);
    auto wrong = request(port(), "POST", action, other + kForm, "csrf=x&report=We+are+changing+nothing");
    EXPECT_EQ(wrong.status, 403);
    EXPECT_NE(wrong.body.find("You can send a recovery report only for your own organisation."), std::string::npos);
    EXPECT_NE(signed_get(other, "/provider-area/recovery").body.find("not under recovery measures: no report is due"),
              std::string::npos);
    EXPECT_EQ(request(port(), "POST", action, kForm, "csrf=x&report=Nothing").status, 303) << "anonymous: to sign in";
    const auto moderator = sign_in("mod1", moderator_password_);
    EXPECT_EQ(request(port(), "POST", action, moderator + kForm, "csrf=x&report=Nothing").status, 403);
    EXPECT_EQ(signed_get(moderator, "/provider-area/recovery").status, 403);
    auto empty = signed_post(rep, "/provider-area/recovery", action, "report=");
    EXPECT_EQ(empty.status, 400);
    EXPECT_EQ(count("recovery_reports"), 0);
    EXPECT_EQ(count("events"), events);

    const std::string text = "From next month everyone is seen in person. Our adviser Declan Farrell trains the team.";
    auto sent = signed_post(rep, "/provider-area/recovery", action, "report=" + url_encode(text));
    ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 1500);
    EXPECT_NE(sent.body.find("Your report is waiting for a moderator."), std::string::npos);
    EXPECT_NE(sent.body.find("sent, with a moderator."), std::string::npos);
    EXPECT_EQ(sent.body.find("action=\"" + action + "\""), std::string::npos) << "a second form for the same month";
    EXPECT_EQ(count("recovery_reports WHERE state = 'pending' AND body LIKE '%seen in person%'"), 1);
    EXPECT_EQ(count("recovery_reports WHERE body LIKE '%Farrell%'"), 0) << "the report was kept unredacted";

    const auto mod = sign_in("mod1", moderator_password_);
    const auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("Recovery reports: 1"), std::string::npos);
    const auto report = std::to_string(count("recovery_reports"));  // the first and only one
    const auto id = shown_id(pw::crypto::IdKind::recovery_report, report);
    EXPECT_EQ(signed_post(mod, "/moderate", "/moderate/recovery-reports/" + id + "/publish", "").status, 200);
    EXPECT_EQ(count("recovery_reports WHERE state = 'published'"), 1);
    EXPECT_EQ(count("events WHERE what IN ('recovery_report.sent', 'recovery_report.published')"), 2);
    std::string page;
    for (int i = 0; i < 50 && page.find("everyone is seen in person") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        page = get(port(), "/providers/" + seetec_).body;
    }
    EXPECT_NE(page.find("From next month everyone is seen in person."), std::string::npos)
        << "the report is not public";
    EXPECT_EQ(page.find("Farrell"), std::string::npos);

    // A month after the measures began, with no report for it: overdue, and the new month due.
    const auto later = month_after(month_after(first));
    server_.reset();
    server_ = std::make_unique<ServerProcess>(
        db(), std::vector<std::string>{"--publish", "off", "--reload-ms", "100", "--trusted-proxy", "127.0.0.1",
                                       "--now", month_after(later)});
    ASSERT_TRUE(server_->started()) << server_->err();
    page = get(port(), "/providers/" + seetec_).body;
    EXPECT_NE(page.find("Overdue</strong> no report was published."), std::string::npos) << page.substr(0, 4000);
    EXPECT_NE(page.find("due by the end of the month."), std::string::npos);
}
