#pragma once
// A server with two providers' representatives and a moderator, and the steps of the story
// journey the story and takedown suites share.
#include <map>
#include <regex>
#include <string>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"

namespace pw::testing {

class StoryServerTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        moderator_password_ = create_account(db(), "mod1", "moderator");
        seetec_ = provider_id("seetec");
        a4e_ = provider_id("a4e");
        create_rep("seetec-rep", seetec_);
        create_rep("a4e-rep", a4e_);
    }

    std::string provider_id(const std::string& name) {
        auto search = get(port(), "/search?q=" + name);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(search.body, m, std::regex(R"re(href="/providers/([0-9]+)")re")));
        return m[1].str();
    }

    void create_rep(const std::string& username, const std::string& provider) {
        passwords_[username] = create_account(db(), username, "provider", provider);
    }

    // Signs in and returns the Cookie header line for the session.
    std::string sign_in(const std::string& username, const std::string& password) {
        return pw::testing::sign_in(port(), username, password);
    }

    HttpResponse signed_get(const std::string& cookie, const std::string& target) {
        return request(port(), "GET", target, cookie);
    }

    HttpResponse signed_post(const std::string& cookie, const std::string& page, const std::string& action,
                             const std::string& fields) {
        auto html = signed_get(cookie, page).body;
        return request(port(), "POST", action, cookie + kForm, "csrf=" + csrf_in(html, action) + "&" + fields);
    }

    // Rates Seetec (or the provider `about`) with a story and confirms it after the preview;
    // returns the preview page.
    // With a codename, the page that confirms it is kept in last_sent_ (it shows the codename).
    HttpResponse tell_story(const std::string& story, bool with_codename = false, const std::string& about = "") {
        const auto url = "/providers/" + (about.empty() ? seetec_ : about) + "/rate";
        const std::string codename = with_codename ? "yes" : "no";
        auto form = get(port(), url);
        auto preview = request(port(), "POST", url, kForm,
                               "csrf=" + csrf_in(form.body, url) + area_of(form.body) +
                                   "&stars=2&get_codename=" + codename + "&story=" + url_encode(story));
        EXPECT_EQ(preview.status, 200);
        last_sent_ = request(port(), "POST", url, kForm,
                             "csrf=" + csrf_in(preview.body, url) + area_of(form.body) +
                                 "&stars=2&get_codename=" + codename + "&confirm=yes&story=" + url_encode(story));
        EXPECT_EQ(last_sent_.status, 200) << last_sent_.body;
        EXPECT_NE(last_sent_.body.find("read by a moderator before it is published"), std::string::npos);
        return preview;
    }

    // The codename the last story sent with one was given, as a form field value ("a+b+c+d").
    std::string last_codename() {
        std::smatch m;
        static const std::regex words(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re");
        EXPECT_TRUE(std::regex_search(last_sent_.body, m, words)) << "no codename on the page";
        return m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    }

    // One rating of the provider in its first area, from the client in the given header line
    // (another_client() for a new one); the status the server answered.
    int rate(const std::string& provider, int stars, const std::string& client) {
        const auto url = "/providers/" + provider + "/rate";
        server_->err();  // drains the server's log pipe
        const auto form = get(port(), url).body;
        std::smatch area;
        const std::string chosen =
            std::regex_search(form, area, std::regex(R"re(name="area" type="radio" value="([0-9]+)")re"))
                ? "&area=" + area[1].str()
                : "";
        return request(port(), "POST", url, kForm + client,
                       "csrf=" + csrf_in(form, url) + "&stars=" + std::to_string(stars) + "&get_codename=no" + chosen)
            .status;
    }

    // Tells a story (about Seetec unless another provider's id is given) and has the moderator
    // publish it; returns its id.
    std::string published_story(const std::string& text, bool with_codename = false, const std::string& about = "") {
        tell_story(text, with_codename, about);
        const auto mod = sign_in("mod1", moderator_password_);
        const auto story = pending_story_id(mod);
        EXPECT_FALSE(story.empty());
        signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
        return story;
    }

    std::string pending_story_id(const std::string& cookie) {
        std::smatch m;
        auto queue = signed_get(cookie, "/moderate").body;
        return std::regex_search(queue, m, std::regex(R"re(id="story-([0-9a-f]{16})")re")) ? m[1].str() : "";
    }

    HttpResponse last_sent_;
    std::string moderator_password_;
    std::string seetec_;
    std::string a4e_;
    std::map<std::string, std::string> passwords_;
};

}  // namespace pw::testing
