// What a participant sends leaves no line in the server's log and no count in its metrics: the
// line has no time, but whatever collects it stamps one, and that time beside the database would
// say when each rating and story was sent (docs/dpia.md). Page views, and what account holders
// do, are logged as before. On SQLite and PostgreSQL.
#include <csignal>
#include <string>

#include "integration/story_server_test.hpp"

using namespace pw::testing;

class Untraced : public StoryServerTest {};
PW_ENGINE_SUITE(Untraced);

TEST_P(Untraced, ARatingOrAStoryLeavesNoLogLineButAModeratorsActionDoes) {
    server_->err();  // what the set-up logged
    tell_story("The adviser was kind and the course was useful.");
    EXPECT_EQ(rate(seetec_, 4, ""), 200);
    const auto refused = request(port(), "POST", "/providers/" + seetec_ + "/rate", kForm, "stars=9");
    EXPECT_EQ(refused.status, 403);  // no form token: refused, and still something a participant sent
    // A browser that once signed in sends its cookie for hours after the session ended: what a
    // participant sends from it is theirs all the same.
    const std::string stale = "Cookie: __Host-pw_session=0000expired0000\r\n";
    EXPECT_EQ(request(port(), "POST", "/providers/" + seetec_ + "/rate", kForm + stale, "stars=9").status, 403);
    EXPECT_EQ(request(port(), "POST", "/providers/" + seetec_ + "/complain", kForm + stale, "what_happened=x").status,
              403);
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    ASSERT_FALSE(story.empty());
    EXPECT_EQ(signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "").status, 200);
    EXPECT_TRUE(pending_story_id(mod).empty()) << "the story was not approved";
    // Refused by the server before the router, too large: a participant's is not logged either
    // (a staff report's neither), and signing in's is.
    const std::string large(140 * 1024, 'a');
    EXPECT_EQ(request(port(), "POST", "/providers/" + seetec_ + "/rate", kForm, "story=" + large).status, 413);
    EXPECT_EQ(request(port(), "POST", "/staff-reports/new", kForm, "text=" + large).status, 413);
    EXPECT_EQ(request(port(), "POST", "/sign-in", kForm, "username=" + large).status, 413);
    server_->signal(SIGTERM);
    ASSERT_EQ(server_->wait(10000), 0);
    const auto log = server_->err();
    EXPECT_NE(log.find("method=GET route=/providers/{id}/rate status=200"), std::string::npos) << log;
    EXPECT_NE(log.find("method=POST route=/moderate/stories/{id}/{action}"), std::string::npos) << log;
    EXPECT_EQ(log.find("method=POST route=/providers/{id}/rate"), std::string::npos) << log;
    EXPECT_EQ(log.find("method=POST route=/providers/{id}/complain"), std::string::npos) << log;
    // Signing in comes before a session exists, and is an account holder's: logged, so guessing shows.
    EXPECT_NE(log.find("method=POST route=/sign-in"), std::string::npos) << log;
    EXPECT_EQ(log.find("status=413"), log.rfind("status=413")) << "a participant's or a reporter's 413 was logged";
    EXPECT_NE(log.find("status=413"), std::string::npos) << "signing in's 413 was not logged";
}
