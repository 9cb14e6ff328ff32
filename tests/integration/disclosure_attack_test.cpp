// The attack the publication step exists to defeat, through HTTP: at each of 200 new offices an
// attacker posts 9 ratings it knows and one participant posts a random rating (every aspect the
// same as the overall stars: the worst case), then the attacker reads every snapshot before and
// after, across 12 monthly publications, and guesses the participant's stars. Chance is 20%;
// docs/disclosure.md promises at most 40%. On SQLite and PostgreSQL.
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <tuple>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "core/disclosure/ledger.hpp"
#include "integration/form_helpers.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_databases.hpp"

using namespace pw::testing;
namespace json = boost::json;

namespace {

constexpr int kOffices = 200;
constexpr int kKnown = 9;
constexpr int kKnownStars = 3;
const std::array<std::string, 7> kMeasures{"overall", "respect", "personal_support", "help_towards_work",
                                           "fairness_about_sanctions", "keeping_to_standards",
                                           "travel_and_practical_help"};

using Counts = std::array<std::array<double, 5>, 7>;  // measure x stars

struct Figures {
    std::map<long long, Counts> offices;
    std::map<long long, Counts> providers;
    std::map<long long, Counts> areas;
};

Counts counts_of(const json::object& unit) {
    Counts c{};
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
        const auto& list = unit.at(kMeasures[m]).as_array();
        for (std::size_t s = 0; s < 5; ++s) c[m][s] = static_cast<double>(list[s].as_int64());
    }
    return c;
}

Figures figures(unsigned short port, const std::string& id) {
    const auto response = get(port, "/open-data/snapshots/" + id + "/figures.json");
    EXPECT_EQ(response.status, 200) << id;
    Figures f;
    const auto doc = json::parse(response.body);
    for (const auto& unit : doc.at("ratings").as_array()) {
        const auto& o = unit.as_object();
        const auto kind = o.at("kind").as_string();
        if (kind == "office") f.offices[o.at("id").as_int64()] = counts_of(o);
        if (kind == "provider") f.providers[o.at("id").as_int64()] = counts_of(o);
        if (kind == "area") f.areas[o.at("id").as_int64()] = counts_of(o);
    }
    return f;
}

// The attacker's best guess from a residual (what is published minus what it knows): the
// maximum-likelihood star under the mechanism's own noise, with every published table combined.
int guess(const Counts& residual) {
    using pw::disclosure::Table;
    int best = 1;
    double best_score = -1e300;
    for (int h = 1; h <= 5; ++h) {
        double score = 0;
        for (std::size_t m = 0; m < kMeasures.size(); ++m) {
            const double eps = pw::disclosure::epsilon_of(m == 0 ? Table::rating_stars : Table::rating_aspect);
            score += eps * (std::abs(residual[m][h - 1]) - std::abs(residual[m][h - 1] - 1));
        }
        if (score > best_score) {
            best_score = score;
            best = h;
        }
    }
    return best;
}

Counts minus_known(Counts c, double scale = 1) {
    for (auto& measure : c) measure[kKnownStars - 1] -= kKnown * scale;
    return c;
}

std::string run_ok(const std::vector<std::string>& args) {
    auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

std::string snapshot_id_in(const std::string& out) {
    std::smatch m;
    return std::regex_search(out, m, std::regex("published snapshot ([0-9]+)")) ? m[1].str() : "";
}

}  // namespace

// On SQLite and on PostgreSQL: the figures must not depend on the engine that stored the ratings.
class DisclosureAttack : public ::testing::TestWithParam<pw::store::Engine> {};
PW_ENGINE_SUITE(DisclosureAttack);

TEST_P(DisclosureAttack, NineKnownRatingsAndEveryPublishedFigureDoNotGiveAwayTheTenth) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, GetParam());
    const auto db = test_db->url();
    run_ok({"migrate", "--db", db});
    run_ok({"import", "registry", source_dir() + "/data/registry/work_programme_primes.csv", "--db", db});
    run_ok({"import", "providers", source_dir() + "/tests/data/test_subcontractors.csv", "--db", db});
    // Before: a snapshot without the offices. Offices opened since the last publication are the
    // attacker's best case: their first published cell holds one month alone.
    const auto before = snapshot_id_in(run_ok({"publish", "--db", db, "--now", "2026-06"}));
    ASSERT_FALSE(before.empty());
    const std::string offices_csv = ::testing::TempDir() + "attack-offices-" +
                                    std::to_string(static_cast<int>(GetParam())) + ".csv";
    {
        std::ofstream out(offices_csv);
        out << "provider,office_name,town,postcode_district,source\n";
        for (int i = 0; i < kOffices; ++i) out << "Test Training Trust,Attack Office " << i << ",Stoke-on-Trent,ST1,test\n";
    }
    run_ok({"import", "offices", offices_csv, "--db", db});

    // Each rating comes from its own client address through the trusted proxy, as a provider with
    // many phones or addresses could send them: the rate limits must not be what hides the answer.
    ServerProcess server(db, {"--publish", "off", "--now", "2026-06", "--no-access-log", "--trusted-proxy", "127.0.0.1"});
    ASSERT_TRUE(server.started()) << server.err();
    const auto search = get(server.port(), "/api/v1/search?q=test+training+trust");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(search.body, m, std::regex(R"re("url":"/providers/([0-9]+)")re"))) << search.body;
    const long long provider = std::stoll(m[1].str());
    const auto detail = json::parse(get(server.port(), "/api/v1/providers/" + m[1].str()).body);
    std::vector<long long> offices;
    for (const auto& o : detail.at("offices").as_array()) offices.push_back(o.at("id").as_int64());
    ASSERT_EQ(offices.size(), static_cast<std::size_t>(kOffices));

    std::mt19937 rng(20261202);
    std::map<long long, int> truth;
    for (auto office : offices) {
        const std::string url = "/offices/" + std::to_string(office) + "/rate";
        const auto form = get(server.port(), url);
        std::smatch token;
        ASSERT_TRUE(std::regex_search(form.body, token, std::regex(R"re(name="csrf" value="([0-9a-f.]+)")re")));
        auto post = [&](int stars) {
            std::string body = "csrf=" + token[1].str() + "&get_codename=no&stars=" + std::to_string(stars);
            for (std::size_t a = 1; a < kMeasures.size(); ++a) body += "&" + kMeasures[a] + "=" + std::to_string(stars);
            const auto r = request(server.port(), "POST", url, kForm + another_client(), body);
            ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
        };
        for (int i = 0; i < kKnown; ++i) post(kKnownStars);
        truth[office] = std::uniform_int_distribution<int>(1, 5)(rng);
        post(truth[office]);
    }

    std::vector<Figures> after;
    for (int k = 0; k < 12; ++k) {
        char month[8];
        std::snprintf(month, sizeof month, "%04d-%02d", 2026 + (6 + k) / 12, (6 + k) % 12 + 1);
        const auto id = snapshot_id_in(run_ok({"publish", "--db", db, "--now", month}));
        ASSERT_FALSE(id.empty()) << month;
        after.push_back(figures(server.port(), id));
    }
    const auto first = figures(server.port(), before);
    EXPECT_FALSE(first.offices.contains(offices.front()));

    // The area the offices are in: the one holding their 2,000 ratings (nobody else rated).
    long long area = 0;
    double most = -1;
    for (const auto& [id, counts] : after[0].areas) {
        double total = 0;
        for (double c : counts[0]) total += c;
        if (total > most) std::tie(area, most) = std::pair{id, total};
    }
    ASSERT_GT(most, 1000) << "no area holds the ratings";

    // The guesses: the office's first published figures (one month's cell, exactly), the mean of
    // all 12 publications, the provider minus every other office (parent minus children), and
    // the area minus every other office (everyone else in the area rated nothing, as the attacker
    // knows).
    int right_cell = 0, right_mean = 0, right_parent = 0, right_area = 0;
    for (auto office : offices) {
        right_cell += guess(minus_known(after[0].offices.at(office))) == truth[office];
        Counts mean{};
        for (const auto& f : after) {
            for (std::size_t i = 0; i < 7; ++i) {
                for (std::size_t s = 0; s < 5; ++s) mean[i][s] += f.offices.at(office)[i][s] / after.size();
            }
        }
        right_mean += guess(minus_known(mean)) == truth[office];
        // A parent's figures minus every office but this one.
        auto minus_others = [&](Counts parent) {
            for (auto other : offices) {
                if (other == office) continue;
                for (std::size_t i = 0; i < 7; ++i) {
                    for (std::size_t s = 0; s < 5; ++s) parent[i][s] -= after[0].offices.at(other)[i][s];
                }
            }
            return parent;
        };
        right_parent += guess(minus_known(minus_others(after[0].providers.at(provider)))) == truth[office];
        right_area += guess(minus_known(minus_others(after[0].areas.at(area)))) == truth[office];
    }
    const double n = static_cast<double>(offices.size());
    std::printf("disclosure attack: the participant's stars guessed right at %.0f%% of offices from the office's "
                "first figures, %.0f%% from the mean of 12 publications, %.0f%% from the provider minus its other "
                "offices, %.0f%% from the area minus the other offices (chance 20%%, promise at most 40%%)\n",
                100 * right_cell / n, 100 * right_mean / n, 100 * right_parent / n, 100 * right_area / n);
    EXPECT_LE(right_cell / n, 0.40);
    EXPECT_LE(right_mean / n, 0.40);
    EXPECT_LE(right_parent / n, 0.40);
    EXPECT_LE(right_area / n, 0.40);
    std::remove(offices_csv.c_str());
}
