// Sanction figures and cases through the real server, on SQLite and PostgreSQL.
#include <filesystem>
#include <fstream>
#include <regex>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"
#include "support/pdf_tools.hpp"

using namespace pw::testing;

class SanctionFigures : public ServerTest {};
PW_ENGINE_SUITE(SanctionFigures);

TEST_P(SanctionFigures, PublishedFiguresAreShownWithSourcesAndTheProviderComparison) {
    expect_ok({"import", "figures", source_dir() + "/data/published/sanction_aggregates.csv", "--db", db()});
    expect_ok({"import", "provider-sanctions", source_dir() + "/data/published/provider_sanction_referrals.csv", "--db",
               db()});
    auto again = run_cli({"import", "figures", source_dir() + "/data/published/sanction_aggregates.csv", "--db", db()});
    EXPECT_NE(again.out.find("0 added, 31 already present"), std::string::npos) << again.out;

    // Imported by another process: the server shows them within its --reload-ms.
    auto page = get_once_it_shows("/sanctions/figures", "52.1%");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("874850 count"), std::string::npos);
    EXPECT_NE(page.body.find("Source: Webster briefing Feb 2014"), std::string::npos);
    EXPECT_NE(page.body.find("Do Working Links, A4e and Serco differ?"), std::string::npos);
    EXPECT_NE(page.body.find("on 2 degrees of freedom"), std::string::npos);
    EXPECT_NE(page.body.find("less than 1 in 10 billion"), std::string::npos);
    EXPECT_NE(page.body.find("52.1%"), std::string::npos);  // Working Links: 6210 of 11910
}

TEST(SanctionFigureImport, AShareThatDisagreesWithItsCountsIsRefused) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    const auto file = std::filesystem::temp_directory_path() / "providerwatch-bad-shares.csv";
    std::ofstream(file) << "provider,scope,period,referrals_for_sanction,sanctions_applied,adverse_share,source\n"
                           "A4e,all,2011,100,30,0.5,test\nSerco,all,2011,10,20,,test\n";
    auto r = run_cli({"import", "provider-sanctions", file.string(), "--db", test_db->url()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find(":2: adverse_share: 0.5 does not match 30 / 100 = 0.300"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(":3: sanctions_applied: must be a whole number no larger than the referrals"),
              std::string::npos);
}

class SanctionCases : public ServerTest {
protected:
    std::string provider(const std::string& name) {
        auto search = get(port(), "/search?q=" + name);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(search.body, m, std::regex(R"re(href="/providers/([0-9]+)")re")));
        return m[1].str();
    }

    HttpResponse log(const std::string& fields) {
        auto form = get(port(), "/sanctions/log");
        return request(port(), "POST", "/sanctions/log", kForm,
                       "csrf=" + csrf_in(form.body, "/sanctions/log") + "&" + fields);
    }

    HttpResponse mine(const std::string& codename) {
        auto form = get(port(), "/sanctions/mine");
        return request(port(), "POST", "/sanctions/mine", kForm,
                       "csrf=" + csrf_in(form.body, "/sanctions/mine") + "&codename=" + codename);
    }

    // The codename shown once on the page a referral was logged on, as a form sends it.
    static std::string codename_on(const std::string& logged) {
        std::smatch m;
        EXPECT_TRUE(
            std::regex_search(logged, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
        return m.empty() ? "" : m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    }

    HttpResponse act(const std::string& page, const std::string& action, const std::string& fields) {
        return request(port(), "POST", action, kForm, "csrf=" + csrf_in(page, action) + "&" + fields);
    }
};
PW_ENGINE_SUITE(SanctionCases);

// Everyone on the Restart Scheme is on Universal Credit: a referral on it is logged, its
// sanction takes Universal Credit's levels (not JSA's), and its letter names the benefit.
TEST_P(SanctionCases, AUniversalCreditSanctionHasItsOwnLevelsAndLetter) {
    auto logged = log("referrer=" + provider("a4e") +
                      "&reason=missed-appointment&good_reason=none&travel_paid=no&benefit=uc&referral_month=1&"
                      "referral_year=2026");
    ASSERT_EQ(logged.status, 200) << logged.body;
    const std::string codename = codename_on(logged.body);
    auto cases = mine(codename);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(cases.body, m, std::regex(R"re(id="case-([0-9a-f]+)")re")));
    const std::string path = "/sanctions/cases/" + m[1].str();
    auto sanctioned = act(cases.body, path + "/step", "codename=" + codename + "&to=adverse&step_month=2&step_year=2026");
    ASSERT_EQ(sanctioned.status, 200) << sanctioned.body.substr(0, 2000);
    EXPECT_NE(sanctioned.body.find("<option value=\"medium\">Medium</option>"), std::string::npos);
    EXPECT_EQ(sanctioned.body.find("<option value=\"higher\">"), std::string::npos) << "JSA's levels offered for UC";
    auto jsa_level = act(sanctioned.body, path + "/details", "codename=" + codename + "&level=higher&previous=0&hardship=applied");
    EXPECT_EQ(jsa_level.status, 400);
    auto medium = act(sanctioned.body, path + "/details", "codename=" + codename + "&level=medium&previous=1&hardship=applied");
    EXPECT_EQ(medium.status, 200);
    EXPECT_NE(medium.body.find("Length: 13 weeks (medium level: 28 days, 91 for a repeat within a year)"),
              std::string::npos)
        << medium.body.substr(0, 3000);
    // Nothing is chosen for the person before anything is recorded.
    EXPECT_NE(sanctioned.body.find("name=\"level\"><option value=\"\" selected>Choose</option>"), std::string::npos);
    EXPECT_NE(sanctioned.body.find("name=\"previous\"><option value=\"\" selected>Choose</option>"),
              std::string::npos);
    // What is recorded is what the lists show next time: recording the level again does not
    // quietly reset a granted hardship payment to "Not asked for".
    EXPECT_NE(medium.body.find("<option value=\"medium\" selected>Medium</option>"), std::string::npos);
    EXPECT_NE(medium.body.find("<option value=\"applied\" selected>Asked for, waiting</option>"), std::string::npos);
    // An error keeps what was chosen.
    auto missing = act(medium.body, path + "/details", "codename=" + codename + "&level=high&previous=&hardship=granted");
    EXPECT_EQ(missing.status, 400);
    EXPECT_NE(missing.body.find("<option value=\"high\" selected>High</option>"), std::string::npos);
    EXPECT_NE(missing.body.find("<option value=\"granted\" selected>Granted</option>"), std::string::npos);
    auto low = act(medium.body, path + "/details", "codename=" + codename + "&level=low&previous=0&hardship=applied");
    EXPECT_NE(low.body.find("Length: until you do what was asked, then 1 more week"), std::string::npos);
    // A date the page cannot read keeps everything typed beside it; one typed day first is read.
    auto unread = act(low.body, path + "/letter",
                      "codename=" + codename + "&decision_date=31%2F31%2F2026&explanation=I+was+in+hospital." +
                          "&sender_name=Ann+Other");
    EXPECT_EQ(unread.status, 400);
    EXPECT_NE(unread.body.find("as day, month and year, like 3/11/2026"), std::string::npos);
    EXPECT_NE(unread.body.find(">I was in hospital.</textarea>"), std::string::npos) << "the explanation was lost";
    EXPECT_NE(unread.body.find("value=\"31/31/2026\""), std::string::npos) << "the date typed was lost";
    EXPECT_NE(unread.body.find("value=\"Ann Other\""), std::string::npos) << "the name was lost";
    auto text = act(low.body, path + "/letter", "codename=" + codename + "&decision_date=2%2F2%2F2026&format=text");
    EXPECT_NE(text.body.find("a Universal Credit sanction decision dated 2 February 2026"), std::string::npos)
        << text.body;
    EXPECT_NE(text.body.find("to reduce my Universal Credit"), std::string::npos);
}

TEST_P(SanctionCases, LogFollowToDecisionReconsiderationAndAppealWithTheLetter) {
    const auto a4e = provider("a4e");
    auto logged = log("referrer=" + a4e +
                      "&reason=missed-appointment&good_reason=illness&travel_paid=no&benefit=jsa&referral_month=1&"
                      "referral_year=2026");
    ASSERT_EQ(logged.status, 200) << logged.body;
    const std::string codename = codename_on(logged.body);
    std::smatch m;

    auto cases = mine(codename);
    ASSERT_EQ(cases.status, 200);
    EXPECT_EQ(cases.header("cache-control"), "no-store");
    EXPECT_NE(cases.body.find("Referred by A4e, January 2026"), std::string::npos);
    ASSERT_TRUE(std::regex_search(cases.body, m, std::regex(R"re(id="case-([0-9a-f]+)")re")));
    EXPECT_EQ(m[1].str().size(), 16u) << "the case's id is shown masked, not as the database numbers it";
    const std::string step = "/sanctions/cases/" + m[1].str() + "/step";
    const std::string letter = "/sanctions/cases/" + m[1].str() + "/letter";

    auto early = act(cases.body, step, "codename=" + codename + "&to=appeal-lodged&step_month=2&step_year=2026");
    EXPECT_NE(early.body.find("An appeal needs the outcome of a mandatory reconsideration first"), std::string::npos);
    EXPECT_EQ(early.status, 400);
    auto before = act(cases.body, step, "codename=" + codename + "&to=adverse&step_month=12&step_year=2025");
    EXPECT_NE(before.body.find("cannot come before the month you were referred"), std::string::npos);
    EXPECT_EQ(before.status, 400);
    // The choice and the month come back with the error: tapping again records what was chosen.
    EXPECT_NE(before.body.find("<option value=\"adverse\" selected>"), std::string::npos);
    EXPECT_NE(before.body.find("name=\"step_year\" type=\"text\" inputmode=\"numeric\" value=\"2025\""),
              std::string::npos);
    // Nothing is chosen for the person: the list starts on "Choose".
    EXPECT_NE(cases.body.find("name=\"to\"><option value=\"\">Choose</option>"), std::string::npos);

    auto sanctioned = act(cases.body, step, "codename=" + codename + "&to=adverse&step_month=2&step_year=2026");
    EXPECT_NE(sanctioned.body.find("Now: <strong class=\"govuk-tag\">Sanctioned</strong>"), std::string::npos);

    const std::string details = "/sanctions/cases/" + m[1].str() + "/details";
    auto detailed = act(sanctioned.body, details, "codename=" + codename + "&level=higher&previous=1&hardship=applied");
    EXPECT_NE(detailed.body.find("Length: 26 weeks"), std::string::npos) << detailed.body;
    EXPECT_NE(detailed.body.find("Hardship payment: Asked for, waiting"), std::string::npos);

    // A decision letter dated in the future, or before the referral, drafts nothing.
    auto future = act(sanctioned.body, letter, "codename=" + codename + "&decision_date=9999-12-31");
    EXPECT_EQ(future.status, 400);
    EXPECT_NE(future.body.find("cannot be in the future"), std::string::npos);
    auto early_letter = act(sanctioned.body, letter, "codename=" + codename + "&decision_date=2025-12-31");
    EXPECT_EQ(early_letter.status, 400);
    EXPECT_NE(early_letter.body.find("cannot come before the month you were referred"), std::string::npos);

    auto page = act(sanctioned.body, letter,
                    "codename=" + codename + "&decision_date=2026-01-31&explanation=I+rang+to+say+I+was+ill.");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("The month ended on 28 February 2026"), std::string::npos);  // the deadline has passed
    EXPECT_NE(page.body.find("referred by A4e"), std::string::npos);
    EXPECT_NE(page.body.find("I had a good reason: I was ill."), std::string::npos);
    auto text =
        act(sanctioned.body, letter,
            "codename=" + codename + "&decision_date=2026-01-31&explanation=I+rang+to+say+I+was+ill.&format=text");
    EXPECT_EQ(text.header("content-type"), "text/plain; charset=utf-8");
    EXPECT_NE(text.header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_NE(text.body.find("I rang to say I was ill."), std::string::npos);
    EXPECT_NE(text.body.find("Jobseeker's Allowance sanction decision dated 31 January 2026"), std::string::npos);

    // The PDF, with the sender's details typed for it (and never kept) in five scripts.
    const std::vector<std::string> names{"Łukasz Wróbel", "Gwenllïan ap Dafydd, Llŷr Gŵyr", "Ștefan Țăranu",
                                         "عائشہ صدیقی سے ملے", "محمد عبد الله"};
    const auto address = names[1] + "\r\n" + names[2] + "\r\n" + names[3];
    auto pdf =
        act(sanctioned.body, letter,
            "codename=" + codename + "&decision_date=2026-01-31&format=pdf&explanation=" +
                url_encode("I rang to say I was ill. Ask " + names[4] + ".") + "&sender_name=" + url_encode(names[0]) +
                "&sender_address=" + url_encode(address) + "&sender_ni=QQ123456C");
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.header("cache-control"), "no-store");
    const PdfFile file(pdf.body);
    const auto typed = file.text();
    for (const auto& name : names) EXPECT_NE(typed.find(name), std::string::npos) << name << "\nin: " << typed;
    EXPECT_NE(typed.find("referred by A4e"), std::string::npos) << typed;
    EXPECT_NE(typed.find("National Insurance number: QQ123456C"), std::string::npos);
    EXPECT_TRUE(std::regex_search(file.tool("pdfinfo"), std::regex("Title: +Request for mandatory reconsideration")));

    auto requested = act(sanctioned.body, step,
                         "codename=" + codename + "&to=reconsideration-requested&step_month=2&step_year=2026");
    auto upheld =
        act(requested.body, step, "codename=" + codename + "&to=reconsideration-upheld&step_month=3&step_year=2026");
    auto appealed = act(upheld.body, step, "codename=" + codename + "&to=appeal-lodged&step_month=4&step_year=2026");
    auto won = act(appealed.body, step, "codename=" + codename + "&to=appeal-won&step_month=6&step_year=2026");
    EXPECT_NE(won.body.find("Appeal won: sanction overturned"), std::string::npos) << won.body;
}

TEST_P(SanctionCases, AnOfficeCanBeTheReferrerAndCountsForItsProvider) {
    auto form = get(port(), "/sanctions/log");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        form.body, m, std::regex(R"re(<option value="(office-[0-9]+)">Test Office Central, Leeds \(Seetec\))re")));
    auto logged = log("referrer=" + m[1].str() +
                      "&reason=other&good_reason=none&travel_paid=yes&benefit=esa&referral_month=2&referral_year=2026");
    ASSERT_EQ(logged.status, 200) << logged.body;
    auto bad =
        log("referrer=office-999999&reason=other&good_reason=none&travel_paid=yes&benefit=esa&referral_month=2&"
            "referral_year=2026");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("Select who referred you from the list"), std::string::npos);
    // Nothing is public before publication.
    EXPECT_NE(get(port(), "/sanctions/figures").body.find("No figures have been published yet"), std::string::npos);
}

TEST_P(SanctionCases, BadAnswersAreListedKeptAndSaveNothing) {
    auto bad = log("referrer=999999&reason=missed-appointment&referral_month=12&referral_year=2099&benefit=esa");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("Select who referred you from the list"), std::string::npos);
    EXPECT_NE(bad.body.find("must be this month or earlier"), std::string::npos);
    EXPECT_NE(bad.body.find("Select whether you had a good reason"), std::string::npos);
    EXPECT_NE(
        bad.body.find(
            "id=\"reason-missed-appointment\" name=\"reason\" type=\"radio\" value=\"missed-appointment\" checked"),
        std::string::npos);
    EXPECT_NE(bad.body.find("value=\"esa\" checked"), std::string::npos);
    auto unknown =
        log("referrer=jobcentre&reason=other&good_reason=none&travel_paid=yes&benefit=jsa&referral_month=1&"
            "referral_year=2026&codename=maple+river+candle+orbit");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_NE(unknown.body.find("We do not recognise that codename"), std::string::npos);
    EXPECT_EQ(get(port(), "/metrics").status, 404);
}

TEST_P(SanctionCases, ProviderFiguresArePublishedOnlyAsNoisyBands) {
    const auto serco = provider("serco");
    std::string codename;
    for (int i = 0; i < 7; ++i) {
        const std::string reason = i < 6 ? "missed-appointment" : "left-course";
        auto logged = log("referrer=" + serco + "&reason=" + reason +
                          "&good_reason=none&travel_paid=not-asked&benefit=jsa&referral_month=3&referral_year=2026" +
                          (codename.empty() ? "" : "&codename=" + codename));
        ASSERT_EQ(logged.status, 200);
        std::smatch m;
        if (codename.empty()) {
            ASSERT_TRUE(std::regex_search(logged.body, m,
                                          std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
            codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
        }
    }
    // Nothing public before publication, and after it only noisy bands: never the exact 7 or 6.
    auto page = get(port(), "/providers/" + serco);
    EXPECT_NE(page.body.find("Not enough published yet"), std::string::npos);
    publish_this_month();
    page = get(port(), "/providers/" + serco);
    const auto section = page.body.substr(page.body.find("id=\"sanctions\""), 3000);
    EXPECT_TRUE(section.find("Not enough published yet") != std::string::npos ||
                section.find("about") != std::string::npos)
        << section;
    EXPECT_EQ(section.find(">7</dd>"), std::string::npos);
    EXPECT_EQ(section.find("numeric\">6<"), std::string::npos);
    const auto open_data = get(port(), "/open-data/snapshots/" + latest_snapshot_id() + "/figures.json");
    EXPECT_NE(open_data.body.find("\"provider_id\":" + serco + ","), std::string::npos);
}

// A person facing a sanction may have no money now: every sanction page says where help is,
// plainly and before anything else is asked of them.
TEST_P(SanctionCases, EverySanctionPageSaysWhereHelpIsBeforeAnythingElse) {
    for (const char* path : {"/sanctions", "/sanctions/log"}) {
        const auto page = get(port(), path);
        ASSERT_EQ(page.status, 200) << path;
        const auto help = page.body.find("If you have no money now");
        ASSERT_NE(help, std::string::npos) << path;
        for (const char* said : {"hardship payment", "find your council", "food bank", "Citizens Advice", "law centre",
                                 "Samaritans free on 116 123"}) {
            EXPECT_NE(page.body.find(said, help), std::string::npos) << path << ": " << said;
        }
        EXPECT_LT(help, page.body.find("<form")) << path;  // before the form, or anything else on the page
        EXPECT_LT(help, page.body.find("<h2 class=\"govuk-heading-m\"")) << path;
    }
    auto logged = log("referrer=" + provider("a4e") +
                      "&reason=missed-appointment&good_reason=illness&travel_paid=no&benefit=jsa&referral_month=1&"
                      "referral_year=2026");
    ASSERT_EQ(logged.status, 200);
    EXPECT_NE(logged.body.find("Samaritans free on 116 123"), std::string::npos);
}
