#include <boost/json.hpp>

#include "integration/server_test.hpp"

using namespace pw::testing;
namespace json = boost::json;

class Api : public ServerTest {
protected:
    json::value get_json(const std::string& target, int expected_status = 200) {
        auto response = get(port(), target);
        EXPECT_EQ(response.status, expected_status) << target;
        EXPECT_EQ(response.header("content-type"), "application/json") << target;
        boost::system::error_code ec;
        auto value = json::parse(response.body, ec);
        EXPECT_FALSE(ec) << target << ": " << response.body;
        return value;
    }
};
PW_ENGINE_SUITE(Api);

TEST_P(Api, AreasList18AreasWith40PrimeContracts) {
    auto body = get_json("/api/v1/areas");
    const auto& areas = body.at("areas").as_array();
    ASSERT_EQ(areas.size(), 18u);
    std::size_t primes = 0;
    for (const auto& area : areas) primes += area.at("primes").as_array().size();
    EXPECT_EQ(primes, 40u);
    EXPECT_EQ(areas[7].at("name").as_string(), "Scotland");
    EXPECT_EQ(areas[7].at("cpa_code").as_string(), "8");
    EXPECT_EQ(areas[7].at("programme").as_string(), "Work Programme (2011–2017)");
}

// The programme people are on today beside the Work Programme: its areas are named 1a ... 6.
TEST_P(Api, TheRestartSchemeIsImportedBesideTheWorkProgrammeWithItsAreaCodes) {
    expect_ok({"import", "registry", source_dir() + "/data/registry/restart_scheme_primes.csv", "--db", db()});
    get_once_it_shows("/api/v1/areas", "Restart Scheme");
    auto body = get_json("/api/v1/areas");
    const auto& areas = body.at("areas").as_array();
    ASSERT_EQ(areas.size(), 30u);
    const json::object* west_central = nullptr;
    int restart = 0;
    for (const auto& area : areas) {
        if (area.at("programme").as_string() != "Restart Scheme (2021–)") continue;
        ++restart;
        if (area.at("cpa_code").as_string() == "1a") west_central = &area.as_object();
    }
    EXPECT_EQ(restart, 12);
    ASSERT_NE(west_central, nullptr);
    EXPECT_EQ(west_central->at("name").as_string(), "West Central");
    ASSERT_EQ(west_central->at("primes").as_array().size(), 1u);
    EXPECT_EQ(west_central->at("primes").as_array()[0].at("name").as_string(), "Serco");
    // Serco held Work Programme contracts too: one provider, with both programmes' roles.
    const auto page = get(port(), west_central->at("url").as_string().c_str());
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("CPA 1a: West Central"), std::string::npos);
    // Rating Serco, a person chooses the area they were in: both programmes' areas, each named
    // with its programme, since codes repeat across programmes.
    const std::string serco = west_central->at("primes").as_array()[0].at("url").as_string().c_str();
    const auto form = get(port(), serco + "/rate");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Restart Scheme (2021–), CPA 1a: West Central"), std::string::npos);
    EXPECT_NE(form.body.find("Restart Scheme (2021–), CPA 6: Wales"), std::string::npos);
    EXPECT_NE(form.body.find("Work Programme (2011–2017), CPA "), std::string::npos);
    // Search names the programmes a provider works in, so people can tell today's from the past.
    const auto search = get(port(), "/search?q=serco").body;
    EXPECT_NE(search.find("Restart Scheme (2021–), Work Programme (2011–2017)"), std::string::npos) << search;
}

TEST_P(Api, AnAreaItsProvidersAndAnOfficeCanBeFollowedById) {
    auto areas = get_json("/api/v1/areas");
    const auto area_id = areas.at("areas").as_array()[4].at("id").as_int64();
    auto area = get_json("/api/v1/areas/" + std::to_string(area_id));
    EXPECT_EQ(area.at("name").as_string(), "North East");
    const auto& contracts = area.at("contracts").as_array();
    ASSERT_EQ(contracts.size(), 2u);
    EXPECT_NE(area.at("source").as_string().find("DWP FOI ref 2883(2012)"), std::string::npos);

    const auto& avanta = contracts[0].at("prime");
    EXPECT_EQ(avanta.at("name").as_string(), "Avanta");
    auto provider = get_json("/api/v1/providers/" + std::to_string(avanta.at("id").as_int64()));
    EXPECT_EQ(provider.at("ratings").at("status").as_string(), "not enough ratings yet");
    EXPECT_EQ(provider.at("roles").as_array().size(), 3u);  // CPAs 5, 7 and 10
    EXPECT_EQ(provider.at("roles").as_array()[0].at("role").as_string(), "prime");

    auto search = get_json("/api/v1/search?q=leeds");
    const auto& results = search.at("results").as_array();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].at("kind").as_string(), "office");
    auto office = get_json(std::string(results[0].at("url").as_string()).replace(0, 1, "/api/v1/"));
    EXPECT_EQ(office.at("postcode_district").as_string(), "LS1");
    EXPECT_EQ(office.at("provider").at("name").as_string(), "Seetec");
}

TEST_P(Api, SearchFindsProvidersByPartOfTheirName) {
    auto search = get_json("/api/v1/search?q=reed");
    const auto& results = search.at("results").as_array();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].at("name").as_string(), "Reed in Partnership");
    EXPECT_EQ(results[0].at("kind").as_string(), "provider");
    EXPECT_EQ(search.at("query").as_string(), "reed");
}

TEST_P(Api, ErrorsAreJsonWithTheirStatus) {
    auto bad_id = get_json("/api/v1/providers/abc", 400);
    EXPECT_EQ(bad_id.at("error").at("status").as_int64(), 400);
    EXPECT_EQ(bad_id.at("error").at("message").as_string(), "provider id must be a positive whole number");
    auto missing = get_json("/api/v1/areas/999999", 404);
    EXPECT_EQ(missing.at("error").at("message").as_string(), "no such area");
    auto no_q = get_json("/api/v1/search", 400);
    EXPECT_EQ(no_q.at("error").at("message").as_string(), "missing parameter q");
    auto long_q = get_json("/api/v1/search?q=" + std::string(101, 'x'), 400);
    EXPECT_EQ(long_q.at("error").at("message").as_string(), "Search must be 100 characters or fewer");
    auto bad_utf8 = get_json("/api/v1/search?q=%FF", 400);
    auto bad_sort = get_json("/api/v1/league-table?sort=zz", 400);
    EXPECT_EQ(bad_sort.at("error").at("message").as_string(), "Choose how to sort the table from the list");
    auto nowhere = get_json("/api/v1/nowhere", 404);
    EXPECT_EQ(nowhere.at("error").at("message").as_string(), "no such endpoint");
}
