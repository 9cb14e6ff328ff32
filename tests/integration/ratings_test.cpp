// Rating a provider or office through the real server, on SQLite and PostgreSQL.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <boost/json.hpp>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"

using namespace pw::testing;


class Ratings : public ServerTest {
protected:
    std::string provider_url(const std::string& name) {
        auto search = get(port(), "/search?q=" + name);
        std::smatch m;
        std::regex re(R"re(href="(/providers/[0-9]+)")re");
        EXPECT_TRUE(std::regex_search(search.body, m, re)) << name;
        return m[1].str();
    }

    std::string token_for(const std::string& rate_url) {
        auto form = get(port(), rate_url);
        EXPECT_EQ(form.status, 200);
        EXPECT_EQ(form.header("cache-control"), "no-store");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(form.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
        // A provider in several areas asks which one: answer with the first.
        std::smatch area;
        last_area_ = std::regex_search(form.body, area, std::regex(R"re(name="area" type="radio" value="([0-9]+)")re"))
                         ? "&area=" + area[1].str()
                         : "";
        return m[1].str();
    }

    HttpResponse rate(const std::string& rate_url, const std::string& fields, const std::string& headers = "") {
        server_->err();  // reads the server's log pipe, which would otherwise fill and stall it
        std::string body = "csrf=" + token_for(rate_url) + (fields.empty() ? "" : "&" + fields);
        if (fields.find("area=") == std::string::npos) body += last_area_;
        return request(port(), "POST", rate_url, kForm + another_client() + headers, body);
    }

    std::string last_area_;

    static std::string codename_in(const std::string& html) {
        std::smatch m;
        std::regex re(R"re(id="codename"><strong>([a-z]+ [a-z]+ [a-z]+ [a-z]+)</strong>)re");
        return std::regex_search(html, m, re) ? m[1].str() : std::string();
    }
};
PW_ENGINE_SUITE(Ratings);

TEST_P(Ratings, ARatingIsSavedAndACodenameShownOnce) {
    const auto seetec = provider_url("seetec");
    auto saved = rate(seetec + "/rate", "stars=4&respect=5&payment_group=jsa-25-plus&get_codename=yes");
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_NE(saved.body.find("Your rating is saved"), std::string::npos);
    EXPECT_EQ(saved.header("cache-control"), "no-store");
    EXPECT_FALSE(codename_in(saved.body).empty()) << saved.body;

    auto page = get(port(), seetec);
    EXPECT_NE(page.body.find("Not enough ratings yet"), std::string::npos);  // 1 rater is not 10
    EXPECT_EQ(page.body.find("from 1 people"), std::string::npos);
}

TEST_P(Ratings, ScoresAppearOnlyAtPublicationAndACodenameReplacesItsOwnRating) {
    auto search = get(port(), "/search?q=leeds");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(search.body, m, std::regex(R"re(href="(/offices/[0-9]+)")re")));
    const std::string office = m[1].str();
    auto first = rate(office + "/rate", "stars=1&get_codename=yes");
    const auto codename = codename_in(first.body);
    ASSERT_FALSE(codename.empty());
    // Enough ratings to clear the noise of the office's cells: 24 months in each of Seetec's areas.
    for (int i = 0; i < 599; ++i) ASSERT_EQ(rate(office + "/rate", "stars=5&get_codename=no").status, 200);
    std::string typed = codename;
    std::replace(typed.begin(), typed.end(), ' ', '+');
    auto changed = rate(office + "/rate", "stars=5&codename=" + typed);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_NE(changed.body.find("Your rating is changed"), std::string::npos);
    EXPECT_TRUE(codename_in(changed.body).empty());  // no second codename

    auto page = get(port(), office);  // nothing is public before publication
    EXPECT_NE(page.body.find("Not enough ratings yet"), std::string::npos);
    EXPECT_NE(page.body.find("No figures have been published yet"), std::string::npos);

    publish_this_month();
    page = get(port(), office);
    ASSERT_NE(page.body.find("out of 5</strong> from about"), std::string::npos) << page.body;
    std::smatch score;
    ASSERT_TRUE(std::regex_search(page.body, score, std::regex(R"re(<strong>([0-9.]+) out of 5</strong>)re")));
    EXPECT_GT(std::stod(score[1].str()), 4.0);  // 600 fives through the noise
    EXPECT_NE(page.body.find("random noise of about"), std::string::npos);
    EXPECT_NE(page.body.find("Figures published in"), std::string::npos);

    // The API shows the same snapshot's figures as the page.
    auto api = get(port(), "/api/v1" + office);
    EXPECT_NE(api.body.find("\"shown\":true"), std::string::npos) << api.body;
    const auto ratings = boost::json::parse(api.body).at("ratings");
    EXPECT_DOUBLE_EQ(ratings.at("mean").to_number<double>(), std::stod(score[1].str())) << api.body;

    // A rating after publication changes nothing public until the next one.
    ASSERT_EQ(rate(office + "/rate", "stars=1&get_codename=no").status, 200);
    EXPECT_NE(get(port(), office).body.find(score[0].str()), std::string::npos);
    // Publishing the same month again is a no-op that says so.
    auto again = run_cli({"publish", "--db", db(), "--now", next_month()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("already published"), std::string::npos);
}

TEST_P(Ratings, ProblemsAreListedAndTheOtherAnswersKept) {
    const auto url = provider_url("seetec") + "/rate";
    auto missing = rate(url, "payment_group=esa&respect=2");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(missing.body.find("<a href=\"#stars\">Select how many stars"), std::string::npos);
    EXPECT_NE(missing.body.find("value=\"esa\" checked"), std::string::npos);
    EXPECT_NE(missing.body.find("name=\"respect\" type=\"radio\" value=\"2\" checked"), std::string::npos);

    auto unknown = rate(url, "stars=3&codename=maple+river+candle+orbit&payment_group=esa");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.body.find("We do not recognise that codename"), std::string::npos);
    EXPECT_NE(unknown.body.find("value=\"maple river candle orbit\""), std::string::npos);

    auto hostile = rate(url, "stars=%3Cscript%3Ealert(1)%3C%2Fscript%3E&codename=%3Cb%3E");
    EXPECT_EQ(hostile.status, 400);
    EXPECT_EQ(hostile.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_EQ(hostile.body.find("value=\"<b>\""), std::string::npos);
    EXPECT_NE(get(port(), provider_url("seetec")).body.find("Not enough ratings yet"), std::string::npos);
}

TEST_P(Ratings, AFormWithoutAValidTokenChangesNothing) {
    const auto url = provider_url("seetec") + "/rate";
    auto no_token = request(port(), "POST", url, "Content-Type: application/x-www-form-urlencoded\r\n", "stars=5");
    EXPECT_EQ(no_token.status, 403);
    auto forged = request(port(), "POST", url, "Content-Type: application/x-www-form-urlencoded\r\n",
                          "stars=5&csrf=" + std::string(32, 'a') + "." + std::string(64, 'b'));
    EXPECT_EQ(forged.status, 403);
    auto other_form = request(port(), "POST", url, "Content-Type: application/x-www-form-urlencoded\r\n",
                              "stars=5&csrf=" + token_for(provider_url("a4e") + "/rate"));
    EXPECT_EQ(other_form.status, 403);
    auto cross_site = rate(url, "stars=5", "Sec-Fetch-Site: cross-site\r\n");
    EXPECT_EQ(cross_site.status, 403);
    auto unknown_provider = request(port(), "POST", "/providers/999999/rate",
                                    "Content-Type: application/x-www-form-urlencoded\r\n", "stars=5");
    EXPECT_EQ(unknown_provider.status, 404);
    EXPECT_EQ(get(port(), "/metrics").status, 404);  // request counts would time a rating
    EXPECT_NE(get(port(), provider_url("seetec")).body.find("Not enough ratings yet"), std::string::npos);
}

TEST_P(Ratings, AnOfficeCanBeRated) {
    auto search = get(port(), "/search?q=leeds");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(search.body, m, std::regex(R"re(href="(/offices/[0-9]+)")re")));
    auto saved = rate(m[1].str() + "/rate", "stars=3&get_codename=no");
    EXPECT_EQ(saved.status, 200);
    EXPECT_NE(saved.body.find("Test Office Central, Leeds (Seetec)"), std::string::npos);
}

// SQLite only: the files are on this machine to search.
TEST(RatingPrivacy, NoAddressUserAgentOrTimeReachesTheDatabaseWalOrLogs) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    ASSERT_EQ(run_cli({"import", "registry", source_dir() + "/data/registry/work_programme_primes.csv", "--db",
                       test_db->url()})
                  .exit_code,
              0);
    // Behind a trusted proxy the forwarded address is read (for the rate limits) and still kept nowhere.
    ServerProcess server(test_db->url(), {"--trusted-proxy", "127.0.0.1"});
    ASSERT_TRUE(server.started());
    auto form = get(server.port(), "/providers/1/rate");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(form.body, m, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
    const std::string markers =
        "User-Agent: MarkerAgent/9.9\r\nX-Forwarded-For: 198.51.100.77\r\n"
        "X-Real-IP: 198.51.100.78\r\nContent-Type: application/x-www-form-urlencoded\r\n";
    auto saved = request(server.port(), "POST", "/providers/1/rate", markers,
                         "stars=4&get_codename=yes&csrf=" + m[1].str() + area_of(form.body));
    ASSERT_EQ(saved.status, 200);
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait(10000), 0);

    std::string everything = server.err();
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(test_db->url()).parent_path())) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        everything += bytes.str();
    }
    for (auto marker : {"MarkerAgent", "198.51.100.77", "198.51.100.78", "127.0.0.1"}) {
        EXPECT_EQ(everything.find(marker), std::string::npos) << marker;
    }
    // The only date kept is the month; no column holds a time of day.
    EXPECT_EQ(everything.find("created_at"), std::string::npos);
}

TEST_P(Ratings, AProviderInSeveralAreasAsksWhichAndTheAreaComparesItsPrimes) {
    const auto seetec = provider_url("seetec");
    auto missing = rate(seetec + "/rate", "stars=4&area=");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("Select the area you were in"), std::string::npos);
    EXPECT_NE(missing.body.find("CPA 4: East London"), std::string::npos);
    auto elsewhere = rate(seetec + "/rate", "stars=4&area=999999");
    EXPECT_EQ(elsewhere.status, 400);

    auto form = get(port(), seetec + "/rate");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        form.body, m,
        std::regex(
            R"re(value="([0-9]+)">\s*<label class="govuk-label govuk-radios__label" for="area-1">CPA 4: East London)re")));
    const std::string east_london = m[1].str();
    for (int i = 0; i < 900; ++i)
        ASSERT_EQ(rate(seetec + "/rate", "stars=3&get_codename=no&area=" + east_london).status, 200) << i;
    publish_this_month();
    auto area = get(port(), "/areas/" + east_london);
    EXPECT_NE(area.body.find("ratings (90% sure"), std::string::npos) << area.body;  // never "people"
    EXPECT_NE(area.body.find("out of 5 ("), std::string::npos) << area.body;        // Seetec's row in the comparison
    // Which leaves count towards which area is the roll-up's unit test (RollUp.*): an empty unit
    // shows noise alone, so asserting on one here would fail about once in 700 runs.
}
