// The complaint journey through the real server: draft the official complaint, follow it with a
// codename, the provider acknowledges it in the site, and with no final response after 8 weeks
// the Independent Case Examiner route opens. Then what must be refused. On SQLite and PostgreSQL.
#include <soci/soci.h>
#include <regex>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"
#include "support/pdf_tools.hpp"

using namespace pw::testing;

class Complaints : public StoryServerTest {
protected:
    void sql(const std::string& statement) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        s << statement;
    }
    long long count(const std::string& table_and_filter) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_and_filter, soci::into(n);
        return n;
    }

    // Drafts a complaint to Seetec; returns the page with the letter and the new codename.
    HttpResponse draft(const std::string& what) {
        const auto url = "/providers/" + seetec_ + "/complain";
        const auto form = get(port(), url);
        EXPECT_EQ(form.status, 200);
        EXPECT_NE(form.body.find("id=\"help-now\""), std::string::npos) << "no help on the complaint form";
        return request(port(), "POST", url, kForm,
                       "csrf=" + csrf_in(form.body, url) + "&category=travel-costs&what_happened=" + url_encode(what) +
                           "&wanted=Pay+my+fares");
    }

    static std::string codename_in(const std::string& html) {
        std::smatch m;
        static const std::regex words(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re");
        EXPECT_TRUE(std::regex_search(html, m, words)) << "no codename on the page";
        return m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    }

    HttpResponse mine(const std::string& codename) {
        const auto ask = get(port(), "/complaints/mine");
        return request(port(), "POST", "/complaints/mine", kForm,
                       "csrf=" + csrf_in(ask.body, "/complaints/mine") + "&codename=" + codename);
    }

    HttpResponse step(const std::string& codename, const std::string& id, const std::string& to) {
        const auto page = mine(codename).body;
        const auto action = "/complaints/" + id + "/step";
        return request(port(), "POST", action, kForm,
                       "csrf=" + csrf_in(page, action) + "&codename=" + codename + "&to=" + to);
    }

    std::string complaint_id(const std::string& html) {
        std::smatch m;
        return std::regex_search(html, m, std::regex(R"re(id="complaint-([0-9a-f]+)")re")) ? m[1].str() : "";
    }
};
PW_ENGINE_SUITE(Complaints);

// Every complaint sent so far, sent long ago (the page shows ids masked; a draft is not sent).
const std::string kBackdateSent = "UPDATE complaints SET sent_week = '2020-W01' WHERE sent_week IS NOT NULL";

TEST_P(Complaints, ADraftedComplaintWithNoFinalResponseAfterEightWeeksOpensTheIceRoute) {
    auto drafted = draft("On 3 November my adviser Karen refused my bus fare. Ring me on 07700 900123.");
    ASSERT_EQ(drafted.status, 200) << drafted.body.substr(0, 500);
    EXPECT_NE(drafted.body.find("To the complaints manager, Seetec"), std::string::npos);
    EXPECT_NE(drafted.body.find("07700 900123"), std::string::npos) << "the letter is theirs, in their own words";
    const auto codename = codename_in(drafted.body);
    EXPECT_EQ(count("complaints WHERE what_happened LIKE '%07700%'"), 0) << "the kept copy was not redacted";

    auto page = mine(codename);
    EXPECT_NE(page.body.find("Drafted, not sent yet"), std::string::npos);
    EXPECT_NE(page.body.find("id=\"help-now\""), std::string::npos);
    const auto id = complaint_id(page.body);
    ASSERT_FALSE(id.empty());
    // Not yet sent: the provider does not see it.
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    EXPECT_EQ(signed_get(rep, "/provider-area/complaints").body.find("complaint-" + id), std::string::npos);

    ASSERT_EQ(step(codename, id, "sent").status, 200);
    page = mine(codename);
    EXPECT_NE(page.body.find("Sent to the provider"), std::string::npos);
    EXPECT_EQ(page.body.find("value=\"taken_to_ice\""), std::string::npos) << "the ICE offered before 8 weeks";
    // Going to the ICE now is refused with the date it opens, and changes nothing.
    auto early = request(
        port(), "POST", "/complaints/" + id + "/step", kForm,
        "csrf=" + csrf_in(page.body, "/complaints/" + id + "/step") + "&codename=" + codename + "&to=taken_to_ice");
    EXPECT_EQ(early.status, 400);
    EXPECT_NE(early.body.find("once 8 weeks have passed since you sent it"), std::string::npos);

    // The representative acknowledges it in the site.
    const auto area = signed_get(rep, "/provider-area/complaints").body;
    ASSERT_NE(area.find("complaint-" + id), std::string::npos);
    EXPECT_EQ(area.find("07700"), std::string::npos);
    auto acknowledged =
        signed_post(rep, "/provider-area/complaints", "/complaints/" + id + "/answer", "to=acknowledged");
    ASSERT_EQ(acknowledged.status, 200) << acknowledged.body.substr(0, 500);
    EXPECT_NE(mine(codename).body.find("Acknowledged by the provider"), std::string::npos);

    // Nine weeks later, still no final response.
    sql(kBackdateSent);
    page = mine(codename);
    EXPECT_NE(page.body.find("No final response after 8 weeks"), std::string::npos);
    EXPECT_NE(page.body.find("Independent Case Examiner"), std::string::npos);
    EXPECT_NE(page.body.find("href=\"/complaints#ice\""), std::string::npos);
    EXPECT_NE(signed_get(rep, "/provider-area/complaints").body.find("Overdue"), std::string::npos);
    ASSERT_EQ(step(codename, id, "taken_to_ice").status, 200);
    EXPECT_NE(mine(codename).body.find("Taken to the Independent Case Examiner"), std::string::npos);
    const auto guide = get(port(), "/complaints");
    EXPECT_NE(guide.body.find("8 weeks have passed since you made your official complaint"), std::string::npos);
    EXPECT_EQ(count("events WHERE object_kind = 'complaint'"), 4);
    // Published through noisy cells: one complaint is never shown as a figure.
    publish_this_month();
    EXPECT_EQ(count("complaint_cells WHERE provider_id = " + seetec_), 24);
    EXPECT_EQ(count("snapshot_complaints WHERE provider_id = " + seetec_), 1);
    const auto provider = get_once_it_shows("/providers/" + seetec_, "Too few official complaints").body;
    EXPECT_NE(provider.find("Too few official complaints have been tracked here to show figures."), std::string::npos);
}

// Someone who drafts a complaint and thinks better of it before sending it: the provider never
// reads a word of it, and cannot answer it.
TEST_P(Complaints, ADraftWithdrawnBeforeItWasSentNeverReachesTheProvider) {
    const auto codename = codename_in(draft("Second thoughts: my adviser shouted at me.").body);
    const auto id = complaint_id(mine(codename).body);
    ASSERT_FALSE(id.empty());
    ASSERT_EQ(step(codename, id, "withdrawn").status, 200);
    EXPECT_EQ(count("complaints WHERE state = 'withdrawn' AND sent_week IS NULL"), 1);

    // Another complaint, sent: the provider has a page of one, and an answer form whose token
    // serves every answer on the page.
    const auto other = codename_in(draft("My fares were refused again.").body);
    const auto sent = complaint_id(mine(other).body);
    ASSERT_EQ(step(other, sent, "sent").status, 200);

    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    const auto area = signed_get(rep, "/provider-area/complaints");
    ASSERT_EQ(area.status, 200);
    EXPECT_NE(area.body.find("complaint-" + sent), std::string::npos);
    EXPECT_EQ(area.body.find("Second thoughts"), std::string::npos) << "the provider reads a draft never sent";
    EXPECT_EQ(area.body.find("complaint-" + id), std::string::npos);
    const auto token = csrf_in(area.body, "/complaints/" + sent + "/answer");
    ASSERT_FALSE(token.empty());
    const auto answered =
        request(port(), "POST", "/complaints/" + id + "/answer", rep + kForm, "csrf=" + token + "&to=acknowledged");
    EXPECT_EQ(answered.status, 404);
    EXPECT_EQ(count("complaints WHERE state = 'withdrawn' AND sent_week IS NULL"), 1);
}

// Words in a script the PDF's fonts lack would print as boxes: the page says so before anyone
// downloads it, and only then.
TEST_P(Complaints, ALetterInAScriptThePdfCannotPrintSaysSoOnItsPage) {
    const auto latin = draft("My adviser refused my bus fare twice.");
    ASSERT_EQ(latin.status, 200);
    EXPECT_EQ(latin.body.find("id=\"unprintable\""), std::string::npos);
    const auto chinese = draft("My adviser refused my bus fare. \xe6\x88\x91\xe7\x9a\x84\xe8\xbd\xa6\xe8\xb4\xb9");
    ASSERT_EQ(chinese.status, 200);
    EXPECT_NE(chinese.body.find("id=\"unprintable\""), std::string::npos);
    EXPECT_NE(chinese.body.find("Download the text file instead"), std::string::npos);
}

TEST_P(Complaints, TheLetterToTheIceIsDraftedFromTheComplaintWithWhatIsTypedForItAlone) {
    const auto codename = codename_in(draft("My bus fare was refused.").body);
    const auto id = complaint_id(mine(codename).body);
    const auto action = "/complaints/" + id + "/ice-letter";
    ASSERT_EQ(step(codename, id, "sent").status, 200);
    EXPECT_EQ(mine(codename).body.find("action=\"" + action + "\""), std::string::npos)
        << "the letter offered before the ICE may take the complaint";
    // Nine weeks and more later, with no final response.
    sql(kBackdateSent);
    const auto page = mine(codename).body;
    ASSERT_NE(page.find("action=\"" + action + "\""), std::string::npos);
    const auto token = csrf_in(page, action);
    const std::string name = "Siân Wróbel-Țăranu", street = "12 Heol y Llan, Llŷr", arabic = "محمد عبد الله";
    const auto fields = "csrf=" + token + "&codename=" + codename +
                        "&not_satisfied=" + url_encode("Nobody answered my letter.") +
                        "&sender_name=" + url_encode(name) + "&sender_address=" + url_encode(street + "\r\n" + arabic) +
                        "&sender_ni=QQ123456C";
    const auto events = count("events");
    const auto letter = request(port(), "POST", action, kForm, fields);
    ASSERT_EQ(letter.status, 200) << letter.body.substr(0, 500);
    EXPECT_EQ(letter.header("cache-control"), "no-store");
    for (const auto& words :
         {std::string("To: the Independent Case Examiner"),
          std::string("under its complaints procedure in the week of 30 December 2019, and it has not given "
                      "me a final response. I ask you to accept my complaint without one."),
          std::string("My complaint is about: Travel costs not paid."), std::string("Nobody answered my letter."), name,
          std::string("National Insurance number: QQ123456C")})
        EXPECT_NE(letter.body.find(words), std::string::npos) << words;

    const auto pdf = request(port(), "POST", action, kForm, fields + "&format=pdf");
    ASSERT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.header("cache-control"), "no-store");
    const PdfFile file(pdf.body);
    const auto printed = file.text();
    for (const auto& words : {name, street, arabic, std::string("Nobody answered my letter.")})
        EXPECT_NE(printed.find(words), std::string::npos) << words << "\nin: " << printed;
    EXPECT_TRUE(
        std::regex_search(file.tool("pdfinfo"),
                          std::regex("Title: +Complaint about Seetec: a request for the Independent Case Examiner")));
    const auto text = request(port(), "POST", action, kForm, fields + "&format=text");
    EXPECT_EQ(text.header("content-type"), "text/plain; charset=utf-8");
    EXPECT_NE(text.body.find("Yours faithfully,"), std::string::npos);
    EXPECT_EQ(count("events"), events) << "drafting the letter changed something";

    // Refused: a forged token, a stranger's codename with the owner's token, a name too long for a
    // letter, and a complaint the ICE cannot take yet (sent in a week still to come).
    EXPECT_EQ(request(port(), "POST", action, kForm, "csrf=forged&codename=" + codename).status, 403);
    const auto stranger = codename_in(draft("Another one.").body);
    EXPECT_EQ(request(port(), "POST", action, kForm, "csrf=" + token + "&codename=" + stranger).status, 404);
    const auto long_name = request(port(), "POST", action, kForm,
                                   "csrf=" + token + "&codename=" + codename + "&sender_name=" + std::string(201, 'a'));
    EXPECT_EQ(long_name.status, 400);
    EXPECT_NE(long_name.body.find("too long for the letter"), std::string::npos);
    sql("UPDATE complaints SET sent_week = '2999-W01' WHERE sent_week IS NOT NULL");  // the owner's: the stranger's is a draft
    const auto early = request(port(), "POST", action, kForm, "csrf=" + token + "&codename=" + codename);
    EXPECT_EQ(early.status, 400);
    EXPECT_NE(early.body.find("The Independent Case Examiner takes a complaint once"), std::string::npos);
    // Once taken to the ICE, the letter is still there to print again.
    sql(kBackdateSent);
    ASSERT_EQ(step(codename, id, "taken_to_ice").status, 200);
    EXPECT_EQ(request(port(), "POST", action, kForm, "csrf=" + token + "&codename=" + codename).status, 200);
    EXPECT_EQ(count("events"), events + 2) << "the stranger's draft and the step to the ICE: nothing for a letter";
}

TEST_P(Complaints, AFinalResponseIsReadWithTheCodenameAndBadInputChangesNothing) {
    auto drafted = draft("The office was closed when I arrived for my appointment.");
    const auto codename = codename_in(drafted.body);
    const auto id = complaint_id(mine(codename).body);
    ASSERT_EQ(step(codename, id, "sent").status, 200);
    const auto before = count("events");
    // Another provider's representative, with a good token of its own page.
    const auto other = sign_in("a4e-rep", passwords_["a4e-rep"]);
    const auto their_page = signed_get(other, "/provider-area/complaints").body;
    EXPECT_EQ(their_page.find("complaint-" + id), std::string::npos);
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    // The token is one for every answer form: taken from Seetec's page, posted by A4e's session it
    // is refused as a token; A4e has no complaint, so the command's own check is in the unit tests.
    auto foreign =
        request(port(), "POST", "/complaints/" + id + "/answer", other + kForm,
                "csrf=" + csrf_in(signed_get(rep, "/provider-area/complaints").body, "/complaints/" + id + "/answer") +
                    "&to=acknowledged");
    EXPECT_EQ(foreign.status, 403);
    auto empty =
        signed_post(rep, "/provider-area/complaints", "/complaints/" + id + "/answer", "to=final_response&note=");
    EXPECT_EQ(empty.status, 400);
    auto withdraw = signed_post(rep, "/provider-area/complaints", "/complaints/" + id + "/answer", "to=withdrawn");
    EXPECT_EQ(withdraw.status, 400);
    EXPECT_EQ(count("events"), before);
    auto final_response = signed_post(rep, "/provider-area/complaints", "/complaints/" + id + "/answer",
                                      "to=final_response&note=We+are+sorry%3B+the+office+now+opens+at+9.");
    ASSERT_EQ(final_response.status, 200);
    auto page = mine(codename).body;
    EXPECT_NE(page.find("We are sorry; the office now opens at 9."), std::string::npos);
    EXPECT_NE(page.find("value=\"taken_to_ice\""), std::string::npos) << "after a final response the ICE is open";

    // Bad drafts: a provider that does not exist, no category, 20,000 characters, a wrong codename.
    EXPECT_EQ(get(port(), "/providers/99999/complain").status, 404);
    const auto url = "/providers/" + seetec_ + "/complain";
    const auto form = get(port(), url).body;
    const auto complaints = count("complaints");
    auto no_category = request(port(), "POST", url, kForm, "csrf=" + csrf_in(form, url) + "&what_happened=A&wanted=B");
    EXPECT_EQ(no_category.status, 400);
    EXPECT_NE(no_category.body.find("Select what the complaint is about"), std::string::npos);
    auto huge =
        request(port(), "POST", url, kForm,
                "csrf=" + csrf_in(form, url) + "&category=other&wanted=B&what_happened=" + std::string(20000, 'a'));
    EXPECT_EQ(huge.status, 400);
    EXPECT_NE(huge.body.find("What happened must be 3000 characters or fewer (it has 20000)"), std::string::npos);
    auto unknown = request(port(), "POST", url, kForm,
                           "csrf=" + csrf_in(form, url) + "&category=other&what_happened=A&wanted=B&codename=a+b+c+d");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(count("complaints"), complaints);
    // Someone else's codename cannot move it, even with the form's token from the owner's page.
    auto stranger = codename_in(draft("Another one.").body);
    const auto action = "/complaints/" + id + "/step";
    auto theirs = request(port(), "POST", action, kForm,
                          "csrf=" + csrf_in(mine(codename).body, action) + "&codename=" + stranger + "&to=withdrawn");
    EXPECT_EQ(theirs.status, 404);
    EXPECT_NE(mine(codename).body.find("Final response received"), std::string::npos);
}

TEST_P(Complaints, OnlyTheRightPeopleReachTheNewRoutes) {
    const std::vector<std::pair<std::string, std::string>> roles{
        {"anonymous", ""},
        {"provider", sign_in("seetec-rep", passwords_["seetec-rep"])},
        {"moderator", sign_in("mod1", moderator_password_)}};
    const std::vector<std::pair<std::string, std::vector<int>>> pages{
        {"/provider-area/complaints", {303, 200, 403}},
        {"/complaints", {200, 200, 200}},
        {"/complaints/mine", {200, 200, 200}},
        {"/providers/" + seetec_ + "/complain", {200, 200, 200}}};
    for (const auto& [path, expected] : pages) {
        for (std::size_t i = 0; i < roles.size(); ++i) {
            EXPECT_EQ(request(port(), "GET", path, roles[i].second).status, expected[i])
                << path << " as " << roles[i].first;
        }
    }
    EXPECT_EQ(request(port(), "POST", "/complaints/1/answer", roles[2].second + kForm, "csrf=x&to=acknowledged").status,
              403);
    EXPECT_EQ(request(port(), "POST", "/complaints/1/answer", kForm, "csrf=x&to=acknowledged").status, 303);
    EXPECT_EQ(request(port(), "POST", "/complaints/letter", kForm, "csrf=forged&letter=Hi").status, 403);
}
