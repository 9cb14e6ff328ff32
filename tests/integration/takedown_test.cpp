// Notice and takedown through the real server (docs/takedown.md): anyone reports a published
// story; identifying text is hidden at once; a writer with a codename is told and answers; a
// moderator decides. On SQLite and PostgreSQL.
#include <regex>

#include "integration/story_server_test.hpp"

using namespace pw::testing;

class Takedown : public StoryServerTest {
protected:
    // The representative responds to the story and the moderator publishes the response; its id.
    std::string published_response(const std::string& rep, const std::string& story, const std::string& text) {
        signed_post(rep, "/provider-area", "/stories/" + story + "/respond", "text=" + url_encode(text));
        const auto mod = sign_in("mod1", moderator_password_);
        std::smatch m;
        const auto queue = signed_get(mod, "/moderate").body;
        EXPECT_TRUE(std::regex_search(queue, m, std::regex(R"re(/moderate/responses/([0-9a-f]{16})/approve)re")));
        signed_post(mod, "/moderate", "/moderate/responses/" + m[1].str() + "/approve", "");
        return m[1].str();
    }

    // The report link under a published response, on the page of the provider given.
    std::string response_report_path(const std::string& provider, const std::string& response) {
        const auto page = get(port(), "/providers/" + provider).body;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(
            page, m, std::regex(R"re(/stories/[0-9a-f]{16}/responses/)re" + response + R"re(/report)re")));
        return m.empty() ? "/stories/none/responses/0/report" : m[0].str();
    }

    bool on_provider_page(const std::string& text) {
        return get(port(), "/providers/" + seetec_).body.find(text) != std::string::npos;
    }

    // The report link under a published story, found by the story's text: public pages name a
    // story by its random reference, never its id.
    std::string report_path(const std::string& text) {
        const auto page = get(port(), "/providers/" + seetec_).body;
        const auto at = page.find(text);
        std::smatch m;
        const std::string after = at == std::string::npos ? "" : page.substr(at);
        EXPECT_TRUE(std::regex_search(after, m, std::regex(R"re(/stories/([0-9a-f]{16})/report)re"))) << text;
        return m.empty() ? "/stories/none/report" : m[0].str();
    }

    HttpResponse report(const std::string& path, const std::string& fields) {
        auto form = get(port(), path);
        EXPECT_EQ(form.status, 200);
        return request(port(), "POST", path, kForm + another_client(),
                       "csrf=" + csrf_in(form.body, path) + "&" + fields);
    }

    // What the writer reads on their codename page.
    HttpResponse codename_page(const std::string& codename) {
        const auto ask = get(port(), "/my-codename");
        return request(port(), "POST", "/my-codename", kForm,
                       "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=" + codename);
    }

    std::string notice_id(const std::string& queue) {
        std::smatch m;
        return std::regex_search(queue, m, std::regex(R"re(/moderate/notices/([0-9a-f]{16})/uphold)re")) ? m[1].str()
                                                                                                         : "";
    }
};
PW_ENGINE_SUITE(Takedown);

TEST_P(Takedown, AStoryThatIdentifiesSomeoneIsHiddenAtOnceUntilAModeratorDecides) {
    const auto story = published_story("The woman at the front desk laughed at me.");
    ASSERT_TRUE(on_provider_page("laughed at me"));
    const auto path = report_path("laughed at me");
    EXPECT_EQ(path.find("/stories/" + story + "/"), std::string::npos);  // not the row id

    auto sent =
        report(path, "ground=identifying&explanation=" + url_encode("Everyone knows who works the front desk."));
    EXPECT_EQ(sent.status, 200);
    EXPECT_NE(sent.body.find("The story is hidden now"), std::string::npos);
    EXPECT_FALSE(on_provider_page("laughed at me"));
    EXPECT_EQ(get(port(), path).status, 404);  // no second report, and no page showing what is hidden

    const auto mod = sign_in("mod1", moderator_password_);
    auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("Takedown notices: 1"), std::string::npos);
    EXPECT_NE(queue.find("Hidden now"), std::string::npos);
    EXPECT_NE(queue.find("laughed at me"), std::string::npos);  // the moderator still reads the story
    const auto notice = notice_id(queue);
    ASSERT_FALSE(notice.empty());
    auto dismissed = signed_post(mod, "/moderate", "/moderate/notices/" + notice + "/dismiss", "");
    EXPECT_NE(dismissed.body.find("Done."), std::string::npos);
    EXPECT_NE(dismissed.body.find("Takedown notices: 0"), std::string::npos);
    EXPECT_TRUE(on_provider_page("laughed at me"));
}

TEST_P(Takedown, ABadReportIsExplainedKeepsItsAnswersAndChangesNothing) {
    published_story("They lost my forms twice.");
    const auto path = report_path("They lost my forms twice.");
    auto no_ground = report(path, "explanation=" + url_encode("It is wrong <b>and</b> unfair"));
    EXPECT_EQ(no_ground.status, 400);
    EXPECT_NE(no_ground.body.find("There is a problem"), std::string::npos);
    EXPECT_NE(no_ground.body.find("Select why the story should be taken down"), std::string::npos);
    EXPECT_NE(no_ground.body.find("It is wrong &lt;b&gt;and&lt;/b&gt; unfair"), std::string::npos);  // kept, escaped
    auto no_name = report(path, "ground=defamatory&explanation=Untrue");
    EXPECT_EQ(no_name.status, 400);
    EXPECT_NE(no_name.body.find("a complaint of defamation must give it"), std::string::npos);
    EXPECT_NE(no_name.body.find("value=\"defamatory\" checked"), std::string::npos);
    auto no_token = request(port(), "POST", path, kForm + another_client(), "ground=identifying&explanation=x");
    EXPECT_EQ(no_token.status, 403);
    EXPECT_EQ(get(port(), "/stories/0123456789abcdef/report").status, 404);
    EXPECT_EQ(get(port(), "/stories/1/report").status, 404);  // a row id is not a reference
    EXPECT_TRUE(on_provider_page("They lost my forms twice."));
    EXPECT_NE(signed_get(sign_in("mod1", moderator_password_), "/moderate").body.find("Takedown notices: 0"),
              std::string::npos);
}

// Defamation, where the writer left a codename: the story stays up while the writer is told on
// their codename page and answers; the moderator reads both sides and removes it.
TEST_P(Takedown, TheWriterIsToldAnswersAndTheModeratorDecides) {
    published_story("The manager there makes up sanction reasons.", true);
    const auto codename = last_codename();
    auto sent = report(report_path("makes up sanction reasons"),
                       "ground=defamatory&explanation=" + url_encode("This is untrue about our <i>manager</i>.") +
                           "&name=" + url_encode("Jo Bloggs") + "&contact=" + url_encode("jo@example.com"));
    EXPECT_EQ(sent.status, 200);
    EXPECT_NE(sent.body.find("stays published while its writer is told"), std::string::npos);
    EXPECT_TRUE(on_provider_page("makes up sanction reasons"));

    const auto mine = codename_page(codename);
    EXPECT_NE(mine.body.find("Someone has asked for your story to be taken down"), std::string::npos);
    EXPECT_NE(mine.body.find("This is untrue about our &lt;i&gt;manager&lt;/i&gt;."), std::string::npos);
    EXPECT_EQ(mine.body.find("Jo Bloggs"), std::string::npos);  // the writer never learns who complained
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        mine.body, m,
        std::regex(
            R"re(name="id" value="([0-9a-f]+)">\s*<div class="govuk-form-group"><label class="govuk-label" for="answer-)re")));
    auto answered = request(port(), "POST", "/my-codename/answer", kForm,
                            "csrf=" + csrf_in(mine.body, "/my-codename/answer") + "&codename=" + codename +
                                "&id=" + m[1].str() + "&answer=" + url_encode("It happened to three of us."));
    EXPECT_NE(answered.body.find("Your answer is with the moderators"), std::string::npos);
    EXPECT_NE(answered.body.find("You have answered"), std::string::npos);

    const auto mod = sign_in("mod1", moderator_password_);
    auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("It happened to three of us."), std::string::npos);
    EXPECT_NE(queue.find("our &lt;i&gt;manager&lt;/i&gt;"), std::string::npos);  // escaped for moderators too
    EXPECT_NE(queue.find("Jo Bloggs, jo@example.com"), std::string::npos);
    auto upheld = signed_post(mod, "/moderate", "/moderate/notices/" + notice_id(queue) + "/uphold", "");
    EXPECT_NE(upheld.body.find("Done."), std::string::npos);
    EXPECT_EQ(upheld.body.find("Jo Bloggs"), std::string::npos);  // deleted once decided
    EXPECT_FALSE(on_provider_page("makes up sanction reasons"));
}

// The writer who left no codename cannot be told: the story is hidden at once, whatever the ground.
TEST_P(Takedown, AWriterWhoCannotBeToldHasTheStoryHiddenAtOnce) {
    published_story("The security guard threatened me.");
    auto sent = report(report_path("threatened me"),
                       "ground=abusive&explanation=" + url_encode("Threatening language about staff."));
    EXPECT_NE(sent.body.find("The story is hidden now"), std::string::npos);
    EXPECT_FALSE(on_provider_page("threatened me"));
}

// A provider's published response can be reported like a story. It is the provider's to answer,
// in its area (never the story's writer's); one that identifies someone is hidden at once while
// the story stays up; an upheld notice removes the response alone.
TEST_P(Takedown, AProvidersResponseIsReportedAnsweredByItsProviderAndRemovedAlone) {
    const auto story = published_story("They sent me to a course I had already done.", true);
    const auto codename = last_codename();
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    const auto mod = sign_in("mod1", moderator_password_);
    const auto response = published_response(rep, story, "We checked the records and the course was a different one.");
    ASSERT_TRUE(on_provider_page("the course was a different one"));
    std::smatch m;

    // The report link under the response names it under the story's reference.
    const auto path = response_report_path(seetec_, response);
    auto form = get(port(), path);
    EXPECT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Report this response"), std::string::npos);
    EXPECT_NE(form.body.find("the course was a different one"), std::string::npos);

    // Defamation: the response stays up, the provider is told in its area, the writer is not.
    auto sent = report(path, "ground=defamatory&explanation=" + url_encode("It says I lied about the course.") +
                                 "&name=" + url_encode("Sam Writer") + "&contact=" + url_encode("sam@example.com"));
    EXPECT_EQ(sent.status, 200);
    EXPECT_NE(sent.body.find("The response stays published while the provider is told"), std::string::npos);
    EXPECT_TRUE(on_provider_page("the course was a different one"));
    const auto mine = codename_page(codename);
    EXPECT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("They sent me to a course I had already done."), std::string::npos);  // their page
    EXPECT_EQ(mine.body.find("It says I lied"), std::string::npos);
    auto area = signed_get(rep, "/provider-area").body;
    EXPECT_NE(area.find("Reports about your responses"), std::string::npos);
    EXPECT_NE(area.find("It says I lied about the course."), std::string::npos);
    EXPECT_EQ(area.find("Sam Writer"), std::string::npos);  // the provider never learns who complained
    const std::string answer_path = "/provider-area/notices/answer";
    ASSERT_TRUE(std::regex_search(area, m, std::regex(R"re(name="id" value="([0-9a-f]{16})")re")));
    const auto notice = m[1].str();
    // Another provider's representative, with a valid token from its own area (a notice about its
    // own response puts the form there): as if there were no such notice, and nothing changes.
    const auto rival = sign_in("a4e-rep", passwords_["a4e-rep"]);
    const auto rival_story = published_story("The A4e office was closed when I came.", false, a4e_);
    const auto rival_response = published_response(rival, rival_story, "We were closed for training that day.");
    EXPECT_EQ(report(response_report_path(a4e_, rival_response),
                     "ground=abusive&explanation=" + url_encode("Rude about the people who came."))
                  .status,
              200);
    auto by_rival = signed_post(rival, "/provider-area", answer_path, "id=" + notice + "&answer=Leave%20it");
    EXPECT_EQ(by_rival.status, 404);
    EXPECT_EQ(request(port(), "POST", answer_path, kForm, "id=" + notice + "&answer=x").status, 303);  // signed out
    auto empty = signed_post(rep, "/provider-area", answer_path, "id=" + notice + "&answer=%20");
    EXPECT_EQ(empty.status, 400);
    auto no_id = signed_post(rep, "/provider-area", answer_path, "id=abc&answer=Fine");
    EXPECT_EQ(no_id.status, 400);
    EXPECT_EQ(signed_get(mod, "/moderate").body.find("The provider answers"), std::string::npos);
    auto answered = signed_post(rep, "/provider-area", answer_path,
                                "id=" + notice + "&answer=" + url_encode("Our records show a different course."));
    EXPECT_EQ(answered.status, 200);
    EXPECT_NE(answered.body.find("Your answer is with the moderators"), std::string::npos);
    EXPECT_NE(answered.body.find("You have answered"), std::string::npos);

    const auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("About a response from Seetec"), std::string::npos);
    EXPECT_NE(queue.find("Our records show a different course."), std::string::npos);
    EXPECT_NE(queue.find("Uphold: remove the response"), std::string::npos);
    auto upheld = signed_post(mod, "/moderate", "/moderate/notices/" + notice + "/uphold", "");
    EXPECT_NE(upheld.body.find("Done."), std::string::npos);
    EXPECT_FALSE(on_provider_page("the course was a different one"));
    EXPECT_TRUE(on_provider_page("They sent me to a course I had already done."));  // the story stays
    EXPECT_EQ(get(port(), path).status, 404);
}

TEST_P(Takedown, AResponseThatIdentifiesSomeoneIsHiddenAtOnceAndBadResponseReportsChangeNothing) {
    const auto story = published_story("Nobody told me about the appointment.");
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    const auto mod = sign_in("mod1", moderator_password_);
    const auto response = published_response(rep, story, "The letter was posted on time by our office.");
    const auto path = response_report_path(seetec_, response);
    const auto ref = path.substr(std::string("/stories/").size(), 16);

    // Bad addresses and bad forms: a clear answer, nothing kept.
    EXPECT_EQ(get(port(), "/stories/" + ref + "/responses/999999/report").status, 404);
    EXPECT_EQ(get(port(), "/stories/" + ref + "/responses/abc/report").status, 404);
    EXPECT_EQ(get(port(), "/stories/0123456789abcdef/responses/" + response + "/report").status, 404);
    auto no_ground = report(path, "explanation=" + url_encode("<script>x</script>"));
    EXPECT_EQ(no_ground.status, 400);
    EXPECT_NE(no_ground.body.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
    auto no_token = request(port(), "POST", path, kForm + another_client(), "ground=identifying&explanation=x");
    EXPECT_EQ(no_token.status, 403);
    // A story's token does not open its response's form.
    const auto story_path = report_path("Nobody told me about the appointment.");
    auto story_form = get(port(), story_path).body;
    auto crossed = request(port(), "POST", path, kForm + another_client(),
                           "csrf=" + csrf_in(story_form, story_path) + "&ground=identifying&explanation=x");
    EXPECT_EQ(crossed.status, 403);
    EXPECT_NE(signed_get(mod, "/moderate").body.find("Takedown notices: 0"), std::string::npos);

    auto sent = report(path, "ground=identifying&explanation=" + url_encode("It names the officer who posted it."));
    EXPECT_EQ(sent.status, 200);
    EXPECT_NE(sent.body.find("The response is hidden now"), std::string::npos);
    EXPECT_FALSE(on_provider_page("posted on time by our office"));
    EXPECT_TRUE(on_provider_page("Nobody told me about the appointment."));
    EXPECT_EQ(get(port(), path).status, 404);  // no second report of what is hidden
    const auto queue = signed_get(mod, "/moderate").body;
    EXPECT_NE(queue.find("posted on time by our office"), std::string::npos);  // the moderator still reads it
    auto dismissed = signed_post(mod, "/moderate", "/moderate/notices/" + notice_id(queue) + "/dismiss", "");
    EXPECT_NE(dismissed.body.find("Done."), std::string::npos);
    EXPECT_TRUE(on_provider_page("posted on time by our office"));
}
