// Ratings that count, attacked through the real server (docs/integrity.md). A year of ordinary
// ratings for eight primes is in the database; in December an attacker posts many five-star
// ratings for one provider (to win the award) and many one-star ratings against a rival (to put
// it below standard). One client is stopped by the rate limit; a flood from many addresses is
// held by the flood check, so neither status nor the award moves. When a moderator then counts
// the rival's held month, its status falls: the flood was big enough to matter. On SQLite and
// PostgreSQL.
#include <soci/soci.h>

#include <array>
#include <regex>
#include <thread>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

namespace {

// Stars out of 100 ratings a month: how many give 1, 2, 3, 4 and 5.
using Mix = std::array<int, 5>;
constexpr Mix kBest{0, 2, 13, 35, 50};  // about 4.3: the year's honest winner
// About 3.5: the provider the attacker wants to win. Clear of the 3-star minimum by more than the
// noise and the prior can move it (at 3.2 it read "At risk" about one run in ten).
constexpr Mix kFriend{5, 10, 30, 35, 20};
constexpr Mix kRival{5, 10, 25, 40, 20};  // about 3.6: the provider the attacker wants to sink
constexpr Mix kOrdinary{8, 12, 30, 35, 15};
constexpr int kFriendFlood = 2500;  // unheld, the friend's score would pass 4.4 and win
constexpr int kRivalFlood = 1500;   // unheld, the rival's would fall near 2.2: below standard

}  // namespace

class Integrity : public StoryServerTest {
protected:
    void SetUp() override {
        StoryServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        // December 2026, whenever the test runs: the attack falls in the award's year.
        server_.reset();
        server_ = std::make_unique<ServerProcess>(
            db(), std::vector<std::string>{"--publish", "off", "--reload-ms", "100", "--trusted-proxy", "127.0.0.1",
                                           "--now", "2026-12"});
        ASSERT_TRUE(server_->started()) << server_->err();
        seed_a_year();
    }

    long long count(const std::string& sql) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << sql, soci::into(n);
        return n;
    }

    // A year of ordinary ratings, January to December 2026, a hundred a month for each of eight
    // primes, written straight to the database: this is the history, not the attack.
    void seed_a_year() {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        std::vector<long long> primes;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT DISTINCT prime_id FROM contracts ORDER BY prime_id");
        for (const auto& row : rows) {
            const auto id =
                row.get_properties(0).get_data_type() == soci::dt_long_long ? row.get<long long>(0) : row.get<int>(0);
            if (std::to_string(id) != seetec_ && std::to_string(id) != a4e_) primes.push_back(id);
        }
        ASSERT_GE(primes.size(), 6u);
        best_ = std::to_string(primes[0]);
        std::vector<std::pair<std::string, Mix>> seeded{{best_, kBest}, {seetec_, kFriend}, {a4e_, kRival}};
        for (std::size_t i = 1; i <= 5; ++i) seeded.emplace_back(std::to_string(primes[i]), kOrdinary);
        soci::transaction tr(s);
        for (const auto& [provider, mix] : seeded) {
            long long area = 0;
            s << "SELECT MIN(area_id) FROM contracts WHERE prime_id = " + provider, soci::into(area);
            for (int month = 1; month <= 12; ++month) {
                std::string sql =
                    "INSERT INTO ratings (provider_id, office_id, unit_key, month, stars, area_id) VALUES ";
                bool first = true;
                for (int star = 0; star < 5; ++star) {
                    for (int n = 0; n < mix[star]; ++n) {
                        sql += (first ? "" : ", ") + ("(" + provider + ", NULL, 'provider:" + provider + "', '2026-" +
                                                      (month < 10 ? "0" : "") + std::to_string(month) + "', " +
                                                      std::to_string(star + 1) + ", " + std::to_string(area) + ")");
                        first = false;
                    }
                }
                s << sql;
            }
        }
        tr.commit();
    }

    // The status the provider's page shows, and whether it says a change is coming.
    std::string status_of(const std::string& provider) {
        const auto page = get(port(), "/providers/" + provider).body;
        std::smatch m;
        if (!std::regex_search(page, m, std::regex(R"re(govuk-tag [a-z-]*">([A-Za-z ]+)</strong>)re"))) return "none";
        const bool pending = page.find("the status changes if the next publication agrees") != std::string::npos;
        return m[1].str() + (pending ? " (changing)" : "");
    }

    // The status part of a provider's page, for a failure message.
    std::string status_part(const std::string& provider) {
        const auto page = get(port(), "/providers/" + provider).body;
        const auto at = page.find("id=\"standard-status\"");
        return at == std::string::npos ? page.substr(0, 2000) : page.substr(at, 2000);
    }

    std::string winner() {
        const auto page = get(port(), "/award").body;
        std::smatch m;
        return std::regex_search(page, m, std::regex(R"re(<h2 class="govuk-panel__title">2026: ([^<]+)</h2>)re"))
                   ? m[1].str()
                   : "none";
    }

    // The award page says "A close result" exactly when a runner-up's likely range, as the top five
    // table shows it, reaches the bottom of the winner's.
    void expect_close_result_said_when_ranges_reach_the_winner() {
        const auto page = get(port(), "/award").body;
        const std::regex range(R"re(\(([0-9]+\.[0-9]+) to ([0-9]+\.[0-9]+)\)</td>)re");
        std::vector<std::pair<double, double>> ranges;
        for (auto it = std::sregex_iterator(page.begin(), page.end(), range); it != std::sregex_iterator(); ++it)
            ranges.emplace_back(std::stod((*it)[1].str()), std::stod((*it)[2].str()));
        ASSERT_GE(ranges.size(), 2u) << page.substr(0, 3000);
        int reach = 0;
        for (std::size_t i = 1; i < ranges.size(); ++i) {
            if (ranges[i].second == ranges[0].first) return;  // too close to tell at two decimals
            reach += ranges[i].second > ranges[0].first;
        }
        EXPECT_EQ(page.find("id=\"award-close\"") != std::string::npos, reach > 0) << reach << " places within reach";
    }

    std::string name_of(const std::string& provider) {
        const auto page = get(port(), "/providers/" + provider).body;
        std::smatch m;
        return std::regex_search(page, m, std::regex(R"re(<h1 class="govuk-heading-l">([^<]+)</h1>)re")) ? m[1].str()
                                                                                                         : "";
    }

    std::string best_;
};
PW_ENGINE_SUITE(Integrity);

TEST_P(Integrity, AFloodForOneProviderAndAgainstARivalChangesNeitherStatusNorTheAward) {
    // One client alone: the rate limit stops it at 60 an hour.
    const std::string one_client = "X-Forwarded-For: 2001:db8::bad\r\n";
    int accepted = 0, refused = 0;
    for (int i = 0; i < 80; ++i) (rate(seetec_, 5, one_client) == 200 ? accepted : refused) += 1;
    EXPECT_EQ(accepted, 60);
    EXPECT_EQ(refused, 20);

    // Many addresses: past every rate limit.
    for (int i = 0; i < kFriendFlood; ++i) ASSERT_EQ(rate(seetec_, 5, another_client()), 200) << i;
    for (int i = 0; i < kRivalFlood; ++i) ASSERT_EQ(rate(a4e_, 1, another_client()), 200) << i;

    publish_at("2027-01");  // December's cells: the flood check holds both months; the 2026 award
    publish_at("2027-02");  // a second publication, as a status change needs
    EXPECT_EQ(count("SELECT COUNT(*) FROM rating_holds WHERE state = 'held'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM rating_holds WHERE provider_id IN (" + seetec_ + ", " + a4e_ +
                    ") AND month = '2026-12'"),
              2);
    EXPECT_EQ(status_of(seetec_), "Meets the standards");
    EXPECT_EQ(status_of(a4e_), "Meets the standards");
    // The award waits for the held months to be looked at: decided now, it would be for good.
    EXPECT_EQ(winner(), "none");
    EXPECT_NE(get(port(), "/award").body.find("The award for 2026 waits until moderators have looked at 2 held months"),
              std::string::npos);
    const auto rival_page = get(port(), "/providers/" + a4e_).body;
    EXPECT_NE(rival_page.find("Ratings from December 2026 are held for review. About "), std::string::npos);
    EXPECT_NE(rival_page.find("they do not count towards its status or the award"), std::string::npos);

    // The friend's representative cannot clear its own provider's held month.
    const auto hold =
        std::to_string(count("SELECT id FROM rating_holds WHERE provider_id = " + seetec_ + " AND month = '2026-12'"));
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    EXPECT_EQ(signed_get(rep, "/moderate").status, 403);
    const auto held = "/moderate/holds/" + shown_id(pw::crypto::IdKind::hold, hold);
    EXPECT_EQ(request(port(), "POST", held + "/count", rep + kForm, "csrf=x").status, 403);
    EXPECT_EQ(count("SELECT COUNT(*) FROM rating_holds WHERE id = " + hold + " AND state = 'held'"), 1);

    // A moderator sees both, leaves the friend's out and counts the rival's.
    const auto mod = sign_in("mod1", moderator_password_);
    const auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("Ratings held by the flood check: 2"), std::string::npos);
    const auto rival_hold =
        std::to_string(count("SELECT id FROM rating_holds WHERE provider_id = " + a4e_ + " AND month = '2026-12'"));
    const auto rival_held = "/moderate/holds/" + shown_id(pw::crypto::IdKind::hold, rival_hold);
    const auto exclude_rival = rival_held + "/exclude";
    const auto exclude_token = csrf_in(queue, exclude_rival);  // kept for a second decision below
    EXPECT_EQ(signed_post(mod, "/moderate", held + "/exclude", "").status, 200);
    EXPECT_EQ(signed_post(mod, "/moderate", rival_held + "/count", "").status, 200);
    const auto again = request(port(), "POST", exclude_rival, mod + kForm, "csrf=" + exclude_token);
    EXPECT_EQ(again.status, 200);
    EXPECT_NE(again.body.find("That cannot be done to it now."), std::string::npos)
        << "a decided month was decided again";
    EXPECT_EQ(count("SELECT COUNT(*) FROM rating_holds WHERE state = 'counted'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events WHERE what LIKE 'rating_hold.%'"), 4);  // 2 held, 2 decided

    // Counted, the flood sinks the rival once two publications agree: it was big enough to matter.
    // With the friend's flood left out, the award goes where the ordinary ratings put it.
    publish_at("2027-03");
    EXPECT_EQ(winner(), name_of(best_));
    expect_close_result_said_when_ranges_reach_the_winner();
    EXPECT_EQ(status_of(a4e_), "Meets the standards (changing)");
    publish_at("2027-04");
    EXPECT_EQ(status_of(a4e_), "Below standard");
    EXPECT_NE(get(port(), "/providers/" + seetec_)
                  .body.find("Ratings from December 2026 are left out of every figure after review by a moderator."),
              std::string::npos);
    EXPECT_EQ(status_of(seetec_), "Meets the standards") << status_part(seetec_);
}

TEST_P(Integrity, TheRatingPageSaysNoOneMayPressureYouAndTakesAReport) {
    const auto form = get(port(), "/providers/" + seetec_ + "/rate").body;
    EXPECT_NE(form.find("No one may ask to see it, watch you make it, tell you what to give or make it for you."),
              std::string::npos);
    const auto url = "/providers/" + seetec_ + "/pressure";
    EXPECT_NE(form.find("href=\"" + url + "\""), std::string::npos);
    const auto page = get(port(), url);
    ASSERT_EQ(page.status, 200);
    const auto events = count("SELECT COUNT(*) FROM events");

    auto empty = request(port(), "POST", url, kForm + another_client(), "csrf=" + csrf_in(page.body, url));
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("Select what happened"), std::string::npos);
    EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM pressure_reports"), 0);
    EXPECT_EQ(request(port(), "POST", url, kForm + another_client(), "csrf=forged&kind-watched=yes").status, 403);
    EXPECT_EQ(request(port(), "POST", "/providers/999999/pressure", kForm + another_client(),
                      "csrf=" + csrf_in(page.body, url) + "&kind-watched=yes")
                  .status,
              404);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events"), events);

    auto sent = request(port(), "POST", url, kForm + another_client(),
                        "csrf=" + csrf_in(page.body, url) + "&kind-watched=yes&kind-told_what_to_give=yes");
    ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 400);
    EXPECT_NE(sent.body.find("Report received"), std::string::npos);
    const auto counted = [&](const std::string& kind) {
        return count("SELECT COALESCE(SUM(reports), 0) FROM pressure_reports WHERE provider_id = " + seetec_ +
                     " AND month = '2026-12' AND kind = '" + kind + "'");
    };
    EXPECT_EQ(counted("any"), 1);
    EXPECT_EQ(counted("watched"), 1);
    EXPECT_EQ(counted("told_what_to_give"), 1);
    EXPECT_EQ(counted("asked_to_see"), 0);
    // A second report adds to the same counts, and neither leaves an event beside the ratings.
    auto again =
        request(port(), "POST", url, kForm + another_client(), "csrf=" + csrf_in(page.body, url) + "&kind-watched=yes");
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(counted("any"), 2);
    EXPECT_EQ(counted("watched"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM pressure_reports"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events"), events);
}
