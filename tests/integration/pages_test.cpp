#include <regex>

#include "integration/server_test.hpp"

using namespace pw::testing;

class Pages : public ServerTest {
protected:
    // The first link in the page whose href starts with prefix.
    static std::string first_link(const std::string& html, const std::string& prefix) {
        std::smatch m;
        std::regex re("href=\"(" + prefix + "[0-9]+)\"");
        return std::regex_search(html, m, re) ? m[1].str() : std::string();
    }
};
PW_ENGINE_SUITE(Pages);

TEST_P(Pages, HomeSaysWhatItIsAndOffersSearchAndBrowse) {
    auto home = get(port(), "/");
    ASSERT_EQ(home.status, 200);
    EXPECT_EQ(home.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(home.body.find("independent, anonymous"), std::string::npos);
    EXPECT_NE(home.body.find("action=\"/search\""), std::string::npos);
    EXPECT_NE(home.body.find("href=\"/areas\""), std::string::npos);
    EXPECT_NE(home.body.find("govuk-skip-link"), std::string::npos);
    EXPECT_NE(home.body.find("govuk-phase-banner"), std::string::npos);
    for (auto link : {"href=\"/about\"", "href=\"/privacy\"", "href=\"/open-data\""}) {
        EXPECT_NE(home.body.find(link), std::string::npos) << link;
    }
}

TEST_P(Pages, BrowseShowsAll18AreasAndTheir40PrimeContracts) {
    auto areas = get(port(), "/areas");
    ASSERT_EQ(areas.status, 200);
    std::regex area_link(R"(href="/areas/[0-9]+">CPA [0-9]+:)");
    std::regex prime_link(R"(<li><a class="govuk-link" href="/providers/[0-9]+">)");
    auto count = [](const std::string& s, const std::regex& re) {
        return std::distance(std::sregex_iterator(s.begin(), s.end(), re), std::sregex_iterator());
    };
    EXPECT_EQ(count(areas.body, area_link), 18);
    EXPECT_EQ(count(areas.body, prime_link), 40);
    EXPECT_NE(areas.body.find("CPA 8: Scotland"), std::string::npos);
}

TEST_P(Pages, AnAreaShowsItsPrimesSubcontractorsAndSource) {
    auto areas = get(port(), "/areas");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(areas.body, m, std::regex(R"re(href="(/areas/[0-9]+)">CPA 5: North East)re")));
    auto area = get(port(), m[1].str());
    ASSERT_EQ(area.status, 200);
    EXPECT_NE(area.body.find("Avanta"), std::string::npos);
    EXPECT_NE(area.body.find("Ingeus Deloitte"), std::string::npos);
    EXPECT_NE(area.body.find("Test Training Trust"), std::string::npos);
    EXPECT_NE(area.body.find("Source: DWP FOI ref 2883(2012)"), std::string::npos);
}

TEST_P(Pages, AProviderPageShowsWhereItSitsAndThatRatingsAreNotYetEnough) {
    auto search = get(port(), "/search?q=seetec");
    ASSERT_EQ(search.status, 200);
    auto link = first_link(search.body, "/providers/");
    ASSERT_FALSE(link.empty()) << search.body;
    auto page = get(port(), link);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<h1 class=\"govuk-heading-l\">Seetec</h1>"), std::string::npos);
    EXPECT_NE(page.body.find("Prime provider"), std::string::npos);
    EXPECT_NE(page.body.find("CPA 1: East of England"), std::string::npos);
    EXPECT_NE(page.body.find("CPA 7: North West - Greater Manchester, Cheshire and Warrington"), std::string::npos);
    EXPECT_NE(page.body.find("Not enough ratings yet"), std::string::npos);
    EXPECT_NE(page.body.find("Test Office Central</a>, Leeds LS1"), std::string::npos);
    EXPECT_NE(page.body.find("published minimum service standards yet"), std::string::npos);
    EXPECT_NE(page.body.find("DWP FOI ref 2883(2012)"), std::string::npos);
}

TEST_P(Pages, ASubcontractorPageNamesItsParentPrime) {
    auto search = get(port(), "/search?q=test+training");
    auto page = get(port(), first_link(search.body, "/providers/"));
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Sub-contractor"), std::string::npos);
    EXPECT_NE(page.body.find("for prime provider"), std::string::npos);
    EXPECT_NE(page.body.find(">Avanta</a>"), std::string::npos);
    EXPECT_NE(page.body.find("CPA 5: North East"), std::string::npos);
}

TEST_P(Pages, AnOfficeIsFoundByTownOrPostcodeDistrict) {
    for (std::string q : {"leeds", "LS1", "stoke-on-trent"}) {
        auto search = get(port(), "/search?q=" + q);
        ASSERT_EQ(search.status, 200) << q;
        auto link = first_link(search.body, "/offices/");
        ASSERT_FALSE(link.empty()) << q;
        auto office = get(port(), link);
        ASSERT_EQ(office.status, 200);
        EXPECT_NE(office.body.find("Postcode district"), std::string::npos);
    }
}

TEST_P(Pages, SearchExplainsEmptyAndUnmatchedSearchesAndKeepsWhatWasTyped) {
    auto form = get(port(), "/search");
    EXPECT_EQ(form.status, 200);
    EXPECT_EQ(form.body.find("govuk-error-summary"), std::string::npos);

    auto empty = get(port(), "/search?q=+++");
    EXPECT_EQ(empty.status, 400);
    EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(empty.body.find("Enter a provider name, town or postcode district"), std::string::npos);
    EXPECT_NE(empty.body.find("<title>Error: "), std::string::npos);

    auto none = get(port(), "/search?q=nobody%20here");
    EXPECT_EQ(none.status, 200);
    EXPECT_NE(none.body.find("No results for ‘nobody here’"), std::string::npos);
    EXPECT_NE(none.body.find("value=\"nobody here\""), std::string::npos);
}

TEST_P(Pages, WhatASearcherTypedIsEscapedNeverRun) {
    auto page = get(port(), "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(page.body.find("&lt;script&gt;alert(1)"), std::string::npos);
}

TEST_P(Pages, InformationPagesExist) {
    EXPECT_NE(get(port(), "/about").body.find("2883(2012)"), std::string::npos);
    auto privacy = get(port(), "/privacy");
    EXPECT_EQ(privacy.status, 200);
    EXPECT_NE(privacy.body.find("your IP address"), std::string::npos);
    auto open_data = get(port(), "/open-data");
    EXPECT_NE(open_data.body.find("/api/v1/areas"), std::string::npos);
    auto csv = get(port(), "/open-data/registry.csv");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 41);
}

TEST_P(Pages, UnknownAndMalformedAddressesGetTheSitesOwn404) {
    for (std::string target :
         {"/nope", "/providers/abc", "/providers/999999", "/areas/0", "/offices/-1", "/providers/1/extra"}) {
        auto page = get(port(), target);
        EXPECT_EQ(page.status, 404) << target;
        EXPECT_NE(page.body.find("Page not found"), std::string::npos) << target;
        EXPECT_NE(page.body.find("govuk-footer"), std::string::npos) << target;
    }
    auto bad_query = get(port(), "/search?q=%ZZ");
    EXPECT_EQ(bad_query.status, 400);
    EXPECT_NE(bad_query.body.find("There is a problem with the request"), std::string::npos);
    auto post = request(port(), "POST", "/areas");
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.header("allow"), "GET, HEAD");
    const auto get_sign_out = get(port(), "/sign-out");
    EXPECT_EQ(get_sign_out.status, 405);
    EXPECT_EQ(get_sign_out.header("allow"), "POST");
}

TEST_P(Pages, HeadAnswersLikeGetWithoutABody) {
    auto head = request(port(), "HEAD", "/areas");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("content-length"), std::to_string(get(port(), "/areas").body.size()));
}

TEST_P(Pages, AQueryParameterAPageDoesNotReadChangesNothing) {
    auto search = get(port(), "/search?q=seetec");
    const auto link = first_link(search.body, "/providers/");
    ASSERT_FALSE(link.empty());
    const auto plain = get(port(), link);
    const auto made_up = get(port(), link + "?uncached=1-2&page=1");
    ASSERT_EQ(made_up.status, 200);
    EXPECT_EQ(made_up.body, plain.body);
    // A query that cannot be decoded is still the page's own to answer.
    EXPECT_EQ(get(port(), "/search?q=%ff").status, 400);
}
