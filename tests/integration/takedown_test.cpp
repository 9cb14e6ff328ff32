// Notice and takedown through the real server (docs/takedown.md): anyone reports a published
// story; identifying text is hidden at once; a writer with a codename is told and answers; a
// moderator decides. On SQLite and PostgreSQL.
#include <regex>

#include "integration/story_server_test.hpp"

using namespace pw::testing;

class Takedown : public StoryServerTest {
protected:
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

    std::string notice_id(const std::string& queue) {
        std::smatch m;
        return std::regex_search(queue, m, std::regex(R"re(/moderate/notices/([0-9]+)/uphold)re")) ? m[1].str() : "";
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

    auto ask = get(port(), "/my-codename");
    auto mine = request(port(), "POST", "/my-codename", kForm,
                        "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=" + codename);
    EXPECT_NE(mine.body.find("Someone has asked for your story to be taken down"), std::string::npos);
    EXPECT_NE(mine.body.find("This is untrue about our &lt;i&gt;manager&lt;/i&gt;."), std::string::npos);
    EXPECT_EQ(mine.body.find("Jo Bloggs"), std::string::npos);  // the writer never learns who complained
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        mine.body, m,
        std::regex(
            R"re(name="id" value="([0-9]+)">\s*<div class="govuk-form-group"><label class="govuk-label" for="answer-)re")));
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
