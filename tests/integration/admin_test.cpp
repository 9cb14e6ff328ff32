// The admin's pages through the real server: an admin creates a provider representative, who
// sets a password with the one-time link and answers; the admin disables the account and its
// sessions end; every action is in the audit log. On SQLite and PostgreSQL.
#include <soci/soci.h>
#include <regex>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

class Admin : public StoryServerTest {
protected:
    void SetUp() override {
        StoryServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        admin_ = sign_in("admin1", create_account(db(), "admin1", "admin"));
    }

    HttpResponse create(const std::string& fields) { return signed_post(admin_, "/admin", "/admin/accounts", fields); }

    // Uploads a file on the import page, as the browser's form sends it.
    HttpResponse upload(const std::string& kind, const std::string& filename, const std::string& csv,
                        const std::string& cookie) {
        const std::string boundary = "pw-import-boundary";
        const auto token = csrf_in(signed_get(cookie, "/admin/imports").body, "/admin/imports");
        auto part = [&](const std::string& name, const std::string& value) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
                   "\r\n";
        };
        std::string body = part("csrf", token) + (kind.empty() ? "" : part("kind", kind)) + "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                           "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return request(port(), "POST", "/admin/imports",
                       cookie + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n", body);
    }

    long long count(const std::string& table_and_filter) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_and_filter, soci::into(n);
        return n;
    }

    std::string admin_;
};
PW_ENGINE_SUITE(Admin);

TEST_P(Admin, AnAdminCreatesARepresentativeWhoSetsAPasswordAnswersAndIsDisabled) {
    auto created = create("username=seetec.rep2&role=provider&provider=" + seetec_);
    ASSERT_EQ(created.status, 200) << created.body.substr(0, 600);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(created.body, m, std::regex(R"re((/set-up/[0-9a-f]{64}))re")));
    const std::string link = m[1].str();
    EXPECT_NE(created.body.find("http://127.0.0.1" + link), std::string::npos) << "the link shown is not whole";
    // Not set up yet: no password signs in.
    EXPECT_EQ(post_sign_in(port(), "seetec.rep2", "").status, 400);

    const auto form = get(port(), link);
    ASSERT_EQ(form.status, 200);
    auto mismatch =
        request(port(), "POST", link, kForm,
                "csrf=" + csrf_in(form.body, link) + "&password=correct+horse+battery&confirm=other+thing+here");
    EXPECT_EQ(mismatch.status, 400);
    auto short_one =
        request(port(), "POST", link, kForm, "csrf=" + csrf_in(form.body, link) + "&password=short&confirm=short");
    EXPECT_EQ(short_one.status, 400);
    auto set = request(port(), "POST", link, kForm,
                       "csrf=" + csrf_in(form.body, link) +
                           "&password=correct+horse+battery+staple&confirm=correct+horse+battery+staple");
    ASSERT_EQ(set.status, 200) << set.body.substr(0, 600);
    EXPECT_NE(set.body.find("Your account is ready"), std::string::npos);
    auto again =
        request(port(), "POST", link, kForm,
                "csrf=" + csrf_in(form.body, link) + "&password=another+long+password&confirm=another+long+password");
    EXPECT_EQ(again.status, 404) << "a set-up link worked twice";

    // The new representative answers a suggestion to Seetec.
    const auto rep = sign_in("seetec.rep2", "correct horse battery staple");
    ASSERT_EQ(signed_get(rep, "/provider-area").status, 200);
    const auto url = "/providers/" + seetec_ + "/suggest";
    const auto suggest_form = get(port(), url);
    request(port(), "POST", url, kForm,
            "csrf=" + csrf_in(suggest_form.body, url) + "&wants_codename=no&confirm=yes&text=Earlier+appointments");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto queue = signed_get(mod, "/moderate").body;
    ASSERT_TRUE(std::regex_search(queue, m, std::regex(R"re(/moderate/suggestions/([0-9a-f]{16})/approve)re")));
    const std::string id = m[1].str();
    signed_post(mod, "/moderate", "/moderate/suggestions/" + id + "/approve", "");
    auto answered = signed_post(rep, "/provider-area/suggestions", "/suggestions/" + id + "/answer",
                                "to=under_consideration&note=");
    EXPECT_EQ(answered.status, 200);

    // Disabled: the session ends at once, and it cannot sign in again.
    const auto accounts = signed_get(admin_, "/admin").body;
    ASSERT_TRUE(std::regex_search(
        accounts, m, std::regex(R"re(id="account-([0-9]+)"><td class="govuk-table__cell">seetec\.rep2<)re")));
    const std::string rep_id = m[1].str();
    ASSERT_FALSE(rep_id.empty());
    auto disabled = signed_post(admin_, "/admin", "/admin/accounts/" + rep_id + "/disable", "");
    ASSERT_EQ(disabled.status, 200);
    EXPECT_NE(disabled.body.find("Disabled: its sessions have ended."), std::string::npos);
    EXPECT_EQ(signed_get(rep, "/provider-area").status, 303);
    EXPECT_EQ(post_sign_in(port(), "seetec.rep2", "correct horse battery staple").status, 400);

    const auto audit = signed_get(admin_, "/admin/audit").body;
    EXPECT_NE(audit.find("account.created"), std::string::npos);
    EXPECT_NE(audit.find("account.set_up"), std::string::npos);
    EXPECT_NE(audit.find("account.disabled"), std::string::npos);
}

TEST_P(Admin, BadAccountsAreRefusedAndOnlyAnAdminReachesThePages) {
    EXPECT_EQ(create("username=x&role=moderator").status, 400);
    auto no_provider = create("username=rep3&role=provider&provider=");
    EXPECT_EQ(no_provider.status, 400);
    EXPECT_NE(no_provider.body.find("Choose the provider this representative answers for"), std::string::npos);
    EXPECT_EQ(create("username=rep3&role=provider&provider=99999").status, 400);
    EXPECT_EQ(create("username=rep3&role=emperor").status, 400);
    auto taken = create("username=mod1&role=moderator");
    EXPECT_EQ(taken.status, 400);
    EXPECT_NE(taken.body.find("That username is taken"), std::string::npos);
    EXPECT_EQ(get(port(), "/set-up/" + std::string(64, 'a')).status, 200);  // the form; the link is checked on use
    const auto form = get(port(), "/set-up/" + std::string(64, 'a'));
    auto dead = request(port(), "POST", "/set-up/" + std::string(64, 'a'), kForm,
                        "csrf=" + csrf_in(form.body, "/set-up/" + std::string(64, 'a')) +
                            "&password=correct+horse+battery+staple&confirm=correct+horse+battery+staple");
    EXPECT_EQ(dead.status, 404);
    EXPECT_NE(dead.body.find("This set-up link does not work"), std::string::npos);

    const auto mod = sign_in("mod1", moderator_password_);
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    for (const std::string path : {"/admin", "/admin/audit"}) {
        EXPECT_EQ(get(port(), path).status, 303) << path;
        EXPECT_EQ(signed_get(mod, path).status, 403) << path;
        EXPECT_EQ(signed_get(rep, path).status, 403) << path;
        EXPECT_EQ(signed_get(admin_, path).status, 200) << path;
    }
    EXPECT_EQ(request(port(), "POST", "/admin/accounts", mod + kForm, "csrf=x&username=evil&role=admin").status, 403);
    // An admin cannot disable themselves: no button, and the command refuses.
    const auto page = signed_get(admin_, "/admin").body;
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(page, m, std::regex(R"re(id="account-([0-9]+)"><td class="govuk-table__cell">admin1<)re")));
    EXPECT_EQ(page.find("/admin/accounts/" + m[1].str() + "/disable"), std::string::npos);
}

TEST_P(Admin, AnEvaluatorMadeInTheSiteSignsInToTheDetectionReports) {
    auto created = create("username=evaluator1&role=evaluator");
    ASSERT_EQ(created.status, 200) << created.body.substr(0, 600);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(created.body, m, std::regex(R"re((/set-up/[0-9a-f]{64}))re")));
    const std::string link = m[1].str();
    auto set = request(port(), "POST", link, kForm,
                       "csrf=" + csrf_in(get(port(), link).body, link) +
                           "&password=correct+horse+battery+staple&confirm=correct+horse+battery+staple");
    ASSERT_EQ(set.status, 200) << set.body.substr(0, 600);
    auto signed_in = post_sign_in(port(), "evaluator1", "correct horse battery staple");
    ASSERT_EQ(signed_in.status, 303);
    EXPECT_EQ(signed_in.header("location"), "/research");
    const auto evaluator = sign_in("evaluator1", "correct horse battery staple");
    EXPECT_EQ(signed_get(evaluator, "/research").status, 200);
    EXPECT_EQ(signed_get(evaluator, "/admin").status, 403);
    EXPECT_EQ(signed_get(evaluator, "/moderate").status, 403);
    EXPECT_NE(signed_get(admin_, "/admin").body.find("Evaluator"), std::string::npos);
}

TEST_P(Admin, AnAdminImportsOfficesAndAComplaintsProcedureInTheBrowser) {
    const std::string offices =
        "provider,office_name,town,postcode_district,source\r\n"
        "Seetec,Leeds Central,Leeds,LS1,Seetec office list 2012\r\n"
        "Seetec,Bradford Hub,Bradford,BD1,Seetec office list 2012\r\n";
    const auto offices_before = count("offices");
    auto imported = upload("offices", "offices.csv", offices, admin_);
    ASSERT_EQ(imported.status, 200) << imported.body.substr(0, 800);
    EXPECT_NE(imported.body.find("offices.csv: 2 rows read, 2 added, 0 already here, 0 left out"), std::string::npos);
    EXPECT_EQ(count("offices"), offices_before + 2);
    EXPECT_NE(get_once_it_shows("/providers/" + seetec_, "Bradford Hub").body.find("Bradford Hub"), std::string::npos);
    auto again = upload("offices", "offices.csv", offices, admin_);
    EXPECT_NE(again.body.find("2 rows read, 0 added, 2 already here"), std::string::npos) << again.body.substr(0, 800);

    const std::string procedure =
        "provider,how_to_complain,contact,url,source\r\n"
        "Seetec,Write to the Customer Relations Manager; we answer within 15 working days,"
        "complaints@example.org,https://example.org/complain,Seetec customer charter 2012\r\n";
    ASSERT_EQ(upload("procedures", "procedures.csv", procedure, admin_).status, 200);
    const auto form = get_once_it_shows("/providers/" + seetec_ + "/complain", "Customer Relations Manager").body;
    EXPECT_NE(form.find("id=\"complaints-procedure\""), std::string::npos);
    EXPECT_NE(form.find("Write to the Customer Relations Manager; we answer within 15 working days"),
              std::string::npos);
    EXPECT_NE(form.find("href=\"https://example.org/complain\""), std::string::npos);
    EXPECT_EQ(form.find("procedure is not on this site yet"), std::string::npos);

    const auto audit = signed_get(admin_, "/admin/audit").body;
    EXPECT_NE(audit.find("offices.imported"), std::string::npos);
    EXPECT_NE(audit.find("procedures.imported"), std::string::npos);
}

TEST_P(Admin, AnImportWithABadRowListsEveryOneAndChangesNothing) {
    const auto events = count("events");
    const auto offices = count("offices");
    const std::string bad =
        "provider,office_name,town,postcode_district,source\r\n"
        "Seetec,Leeds Central,Leeds,LS1,list\r\n"
        "Nobody Ltd,Somewhere,Leeds,LS2,list\r\n"
        "Seetec,Full Postcode,Leeds,LS1 4AP,list\r\n";
    auto refused = upload("offices", "offices.csv", bad, admin_);
    ASSERT_EQ(refused.status, 422) << refused.body.substr(0, 800);
    EXPECT_NE(refused.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(refused.body.find("Line 4: postcode_district"), std::string::npos) << refused.body;
    EXPECT_EQ(count("offices"), offices);
    EXPECT_EQ(count("events"), events);
    // The rows the core checks pass but the store refuses (an unknown provider) are listed too.
    const std::string unknown =
        "provider,office_name,town,postcode_district,source\r\n"
        "Seetec,Leeds Central,Leeds,LS1,list\r\n"
        "Nobody Ltd,Somewhere,Leeds,LS2,list\r\n";
    refused = upload("offices", "offices.csv", unknown, admin_);
    ASSERT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Line 3: provider: &apos;Nobody Ltd&apos; is not in the registry"), std::string::npos)
        << refused.body;
    EXPECT_NE(refused.body.find("1 row of offices.csv cannot be imported, so nothing was"), std::string::npos);
    EXPECT_EQ(count("offices"), offices);
    EXPECT_EQ(count("events"), events);

    EXPECT_EQ(upload("", "offices.csv", unknown, admin_).status, 422);
    EXPECT_NE(upload("", "offices.csv", unknown, admin_).body.find("Select what is in the file"), std::string::npos);
    EXPECT_EQ(upload("emperors", "offices.csv", unknown, admin_).status, 422);
    EXPECT_NE(upload("offices", "offices.csv", "", admin_).body.find("The selected file is empty"), std::string::npos);
    EXPECT_NE(upload("offices", "offices.csv", "\"unclosed,quote\n", admin_).body.find("The file could not be read"),
              std::string::npos);
    EXPECT_EQ(count("events"), events);

    // A file too large for the writer to take in one job is sent to the command line.
    std::string many = "provider,office_name,town,postcode_district,source\r\n";
    for (int i = 0; i < 5001; ++i) many += "Seetec,Office " + std::to_string(i) + ",Leeds,LS1,list\r\n";
    auto too_many = upload("offices", "offices.csv", many, admin_);
    EXPECT_EQ(too_many.status, 422);
    EXPECT_NE(too_many.body.find("The file has more than 5000 rows: import it with providerwatch import"),
              std::string::npos);
    EXPECT_EQ(count("offices"), offices);

    // Only an admin: a moderator's upload is refused, and so is one with no session.
    const auto mod = sign_in("mod1", moderator_password_);
    EXPECT_EQ(signed_get(mod, "/admin/imports").status, 403);
    EXPECT_EQ(get(port(), "/admin/imports").status, 303);
    const std::string good =
        "provider,office_name,town,postcode_district,source\r\nSeetec,Leeds Central,Leeds,LS1,list\r\n";
    EXPECT_EQ(upload("offices", "offices.csv", good, mod).status, 403);
    EXPECT_EQ(count("offices"), offices);
}
