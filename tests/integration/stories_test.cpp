// The story journey through the real server: rate with a story, preview what redaction removes,
// moderate, publish, respond, flag. On SQLite and PostgreSQL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>

#include "integration/story_server_test.hpp"

using namespace pw::testing;

class Stories : public StoryServerTest {};
PW_ENGINE_SUITE(Stories);

TEST_P(Stories, TheWriterSeesWhatWillBeRemovedAndNothingIsPublicBeforeApproval) {
    auto preview = tell_story("My adviser John Smith rang me on 07700 900123 on 3rd June 2013 and shouted.");
    EXPECT_NE(preview.body.find("<span class=\"pw-removed\">in June 2013</span>"), std::string::npos);
    EXPECT_NE(preview.body.find("<span class=\"pw-removed\">[an adviser]</span>"), std::string::npos) << preview.body;
    EXPECT_NE(preview.body.find("<span class=\"pw-removed\">[phone number]</span>"), std::string::npos);
    EXPECT_NE(preview.body.find("Check your story before you send it"), std::string::npos);
    EXPECT_NE(preview.body.find("name=\"stars\" value=\"2\""), std::string::npos);  // the other answers travel along

    auto page = get(port(), "/providers/" + seetec_);
    EXPECT_EQ(page.body.find("shouted"), std::string::npos);  // pending: not public
    EXPECT_NE(page.body.find("No stories published yet"), std::string::npos);
}

TEST_P(Stories, AModeratorApprovesAProviderRespondsAndThePublicSeesBoth) {
    tell_story("They refused my travel costs, my work coach Sarah said it was policy.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    ASSERT_FALSE(story.empty());
    auto queue = signed_get(mod, "/moderate");
    EXPECT_EQ(queue.header("cache-control"), "no-store");
    EXPECT_NE(queue.body.find("<span class=\"pw-removed\">[an adviser]</span>"), std::string::npos);
    EXPECT_EQ(queue.body.find("Sarah"), std::string::npos);  // the original never reached the database

    auto approved = signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
    EXPECT_EQ(approved.status, 200);
    auto page = get(port(), "/providers/" + seetec_);
    EXPECT_NE(page.body.find("They refused my travel costs"), std::string::npos) << page.body;

    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    auto responded = signed_post(rep, "/provider-area", "/stories/" + story + "/respond",
                                 "text=" + url_encode("We are sorry. Please call 0113 496 0000 and ask for Mrs Khan."));
    EXPECT_EQ(responded.status, 200);
    EXPECT_NE(responded.body.find("Your response is waiting for a moderator"), std::string::npos);
    EXPECT_NE(responded.body.find("Waiting for a moderator"), std::string::npos);  // in its list of responses
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("Response from Seetec"), std::string::npos);

    // The moderator reads it, redacted, beside the story it answers, and approves it.
    queue = signed_get(mod, "/moderate");
    EXPECT_NE(queue.body.find("Responses from providers waiting: 1"), std::string::npos);
    EXPECT_EQ(queue.body.find("0113 496 0000"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(queue.body, m, std::regex(R"re(/moderate/responses/([0-9a-f]{16})/approve)re")));
    auto published = signed_post(mod, "/moderate", "/moderate/responses/" + m[1].str() + "/approve", "");
    EXPECT_NE(published.body.find("Done."), std::string::npos);
    EXPECT_NE(signed_get(rep, "/provider-area").body.find("Published"), std::string::npos);
    page = get(port(), "/providers/" + seetec_);
    EXPECT_NE(page.body.find("Response from Seetec"), std::string::npos);
    EXPECT_NE(page.body.find("We are sorry. Please call"), std::string::npos);
    EXPECT_EQ(page.body.find("0113 496 0000"), std::string::npos);  // responses pass redaction too
    EXPECT_EQ(page.body.find("Mrs Khan"), std::string::npos);
}

TEST_P(Stories, ARejectedResponseIsNeverPublicAndItsProviderReadsWhy) {
    tell_story("Nobody called me back.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    signed_post(rep, "/provider-area", "/stories/" + story + "/respond", "text=" + url_encode("This is a lie."));
    auto queue = signed_get(mod, "/moderate").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(queue, m, std::regex(R"re(/moderate/responses/([0-9a-f]{16})/reject)re")));
    const std::string base = "/moderate/responses/" + m[1].str();
    const auto approve_token = csrf_in(queue, base + "/approve");
    auto no_reason = signed_post(mod, "/moderate", base + "/reject", "reason=");
    EXPECT_NE(no_reason.body.find("The reason is empty"), std::string::npos);
    auto rejected = signed_post(mod, "/moderate", base + "/reject",
                                "reason=" + url_encode("Please answer the points raised, not the writer."));
    EXPECT_NE(rejected.body.find("Done."), std::string::npos);
    EXPECT_NE(rejected.body.find("Responses from providers waiting: 0"), std::string::npos);
    // Rejected is final: the lifecycle table refuses to publish it afterwards.
    auto late = request(port(), "POST", base + "/approve", mod + kForm, "csrf=" + approve_token);
    EXPECT_NE(late.body.find("That cannot be done to it now."), std::string::npos);
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("This is a lie."), std::string::npos);
    const auto area = signed_get(rep, "/provider-area").body;
    EXPECT_NE(area.find("Not published"), std::string::npos);
    EXPECT_NE(area.find("Please answer the points raised, not the writer."), std::string::npos);
    // Another provider's representative cannot decide it, nor can a participant.
    const auto other = sign_in("a4e-rep", passwords_["a4e-rep"]);
    EXPECT_EQ(request(port(), "POST", base + "/approve", other + kForm, "csrf=" + approve_token).status, 403);
    EXPECT_EQ(request(port(), "POST", base + "/approve", kForm, "csrf=" + approve_token).status, 303);
}

TEST_P(Stories, AFlaggedStoryStaysUpUntilAModeratorUpholdsTheFlag) {
    tell_story("The office never answers the phone.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    auto flagged = signed_post(rep, "/provider-area", "/stories/" + story + "/flag", "text=Untrue");
    EXPECT_NE(flagged.body.find("stays published while a moderator decides"), std::string::npos);
    EXPECT_NE(get(port(), "/providers/" + seetec_).body.find("never answers the phone"), std::string::npos);

    auto queue = signed_get(mod, "/moderate").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(queue, m, std::regex(R"re(/moderate/flags/([0-9a-f]{16})/uphold)re")));
    signed_post(mod, "/moderate", "/moderate/flags/" + m[1].str() + "/uphold", "");
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("never answers the phone"), std::string::npos);
}

TEST_P(Stories, ARejectionNeedsAReasonAndIllegalMovesAreRefused) {
    tell_story("Short story.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    auto no_reason = signed_post(mod, "/moderate", "/moderate/stories/" + story + "/reject", "reason=");
    EXPECT_NE(no_reason.body.find("The reason is empty"), std::string::npos);
    const auto approve = "/moderate/stories/" + story + "/approve";
    const auto approve_token = csrf_in(signed_get(mod, "/moderate").body, approve);  // kept from before the rejection
    auto rejected = signed_post(mod, "/moderate", "/moderate/stories/" + story + "/reject", "reason=Off+topic");
    EXPECT_NE(rejected.body.find("Done."), std::string::npos);
    EXPECT_EQ(rejected.body.find("id=\"story-" + story + "\""), std::string::npos);
    // A rejected story cannot be published afterwards: the lifecycle table refuses it.
    auto late = request(port(), "POST", approve, mod + kForm, "csrf=" + approve_token);
    EXPECT_NE(late.body.find("That cannot be done to it now."), std::string::npos);
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("Short story."), std::string::npos);
}

TEST_P(Stories, OnlyTheRightPeopleCanActAndEveryFormNeedsItsToken) {
    tell_story("Another story.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");

    EXPECT_EQ(get(port(), "/moderate").status, 303);  // not signed in: to the sign-in page
    const auto other = sign_in("a4e-rep", passwords_["a4e-rep"]);
    EXPECT_EQ(signed_get(other, "/moderate").status, 403);
    auto foreign = request(port(), "POST", "/stories/" + story + "/respond", other + kForm,
                           "csrf=" + csrf_in(signed_get(other, "/provider-area").body, "/sign-out") + "&text=Hi");
    EXPECT_EQ(foreign.status, 403);  // another provider's story (and the wrong form's token)
    auto no_token = request(port(), "POST", "/moderate/stories/" + story + "/approve", mod + kForm, "x=1");
    EXPECT_EQ(no_token.status, 403);
    EXPECT_NE(no_token.body.find("You cannot do that from here"), std::string::npos);  // not "Page not found"
    EXPECT_EQ(no_token.body.find("Page not found"), std::string::npos);
    auto forged_cookie =
        request(port(), "GET", "/moderate", "Cookie: __Host-pw_session=" + std::string(32, 'a') + "\r\n");
    EXPECT_EQ(forged_cookie.status, 303);
}

TEST_P(Stories, SignInIsThrottledAfterFiveWrongPasswordsFromOneClientOnly) {
    const std::string attacker = "X-Forwarded-For: 192.0.2.66\r\n";  // through the test's trusted proxy
    for (int i = 0; i < 5; ++i) {
        auto r = post_sign_in(port(), "mod1", "wrong-password-here", attacker);
        EXPECT_EQ(r.status, 400);
        EXPECT_NE(r.body.find("The username or password is not right"), std::string::npos);
    }
    EXPECT_EQ(post_sign_in(port(), "mod1", moderator_password_, attacker).status, 429);
    // The moderator, from their own address, is not locked out by someone else's guesses.
    EXPECT_EQ(post_sign_in(port(), "mod1", moderator_password_, "X-Forwarded-For: 192.0.2.10\r\n").status, 303);
}

TEST_P(Stories, SignInRefusesAFormPostedFromAnotherSiteOrWithoutItsCookie) {
    const auto form = sign_in_form(port());
    const std::string body = "csrf=" + form.csrf + "&username=mod1&password=" + url_encode(moderator_password_);
    // Login CSRF: another site can fetch a token but cannot send the cookie it is bound to.
    auto no_cookie = request(port(), "POST", "/sign-in", kForm, body);
    EXPECT_EQ(no_cookie.status, 400);
    EXPECT_NE(no_cookie.body.find("did not send back this site"), std::string::npos) << no_cookie.body.substr(0, 2000);
    EXPECT_EQ(no_cookie.header("set-cookie").find("__Host-pw_session="), std::string::npos);
    const auto other = sign_in_form(port());
    auto wrong_cookie = request(port(), "POST", "/sign-in", other.cookie + kForm, body);
    EXPECT_EQ(wrong_cookie.status, 403);
    auto cross_site = request(port(), "POST", "/sign-in", form.cookie + kForm + "Sec-Fetch-Site: cross-site\r\n", body);
    EXPECT_EQ(cross_site.status, 403);
    EXPECT_EQ(request(port(), "POST", "/sign-in", form.cookie + kForm, body).status, 303);
}

TEST_P(Stories, SignOutNeedsTheSignedInPagesToken) {
    const auto mod = sign_in("mod1", moderator_password_);
    auto forged = request(port(), "POST", "/sign-out", mod + kForm, "csrf=x");
    EXPECT_EQ(forged.status, 403);
    EXPECT_EQ(request(port(), "GET", "/moderate", mod).status, 200);  // still signed in
    const auto page = request(port(), "GET", "/moderate", mod);
    auto out = request(port(), "POST", "/sign-out", mod + kForm, "csrf=" + csrf_in(page.body, "/sign-out"));
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(request(port(), "GET", "/moderate", mod).status, 303);  // the session is gone, on every server
}

TEST_P(Stories, AnUnknownUsernameTakesAsLongToRefuseAsAWrongPassword) {
    // Both check one argon2id hash; without the stand-in an unknown username answered at once.
    auto time = [&](const std::string& username) {
        std::vector<double> ms;
        for (int i = 0; i < 5; ++i) {
            const auto form = sign_in_form(port());
            const auto start = std::chrono::steady_clock::now();
            auto r = request(port(), "POST", "/sign-in", form.cookie + kForm + another_client(),
                             "csrf=" + form.csrf + "&username=" + username + "&password=wrong-password-here");
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            EXPECT_EQ(r.status, 400);
        }
        std::sort(ms.begin(), ms.end());
        return ms[2];
    };
    const double known = time("mod1");
    const double unknown = time("nobody-here");
    std::printf("sign-in refusal, median: known username %.1f ms, unknown %.1f ms\n", known, unknown);
    EXPECT_GT(unknown, known * 0.5);
    EXPECT_LT(unknown, known * 2.0);
}

TEST_P(Stories, ACodenameShowsTheWriterWhatHappenedAndLetsThemWithdraw) {
    const auto url = "/providers/" + seetec_ + "/rate";
    const std::string story = "The adviser was rude to me.";
    auto form = get(port(), url);
    auto sent = request(port(), "POST", url, kForm,
                        "csrf=" + csrf_in(form.body, url) + area_of(form.body) +
                            "&stars=1&get_codename=yes&confirm=yes&story=" + url_encode(story));
    ASSERT_EQ(sent.status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(sent.body, m, std::regex(R"re(<strong>([a-z]+ [a-z]+ [a-z]+ [a-z]+)</strong>)re")));
    const std::string codename = m[1].str();

    const auto mod = sign_in("mod1", moderator_password_);
    const auto story_id = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story_id + "/reject",
                "reason=" + url_encode("It names no provider"));

    auto ask = get(port(), "/my-codename");
    auto wrong = request(port(), "POST", "/my-codename", kForm,
                         "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=maple+river+candle+orbit");
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("We do not recognise that codename"), std::string::npos);
    // A word misspelt is named: "4 words" would be no help to someone who typed 4 words.
    for (const std::string typed : {"guava+robust+carraway+damson", "guava+robust+carraway+damson+extra"}) {
        auto misspelt = request(port(), "POST", "/my-codename", kForm,
                                "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=" + typed);
        EXPECT_EQ(misspelt.status, 400);
        EXPECT_NE(misspelt.body.find("carraway\xE2\x80\x99 is not one of our codename words"), std::string::npos)
            << misspelt.body.substr(0, 3000);
    }

    auto mine = request(port(), "POST", "/my-codename", kForm,
                        "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=" + url_encode(codename));
    ASSERT_EQ(mine.status, 200);
    EXPECT_EQ(mine.header("cache-control"), "no-store");
    EXPECT_NE(mine.body.find("Not published"), std::string::npos);
    EXPECT_NE(mine.body.find("It names no provider"), std::string::npos);
    EXPECT_NE(mine.body.find("1 star"), std::string::npos);

    std::smatch rating;
    ASSERT_TRUE(std::regex_search(
        mine.body, rating,
        std::regex(R"re(name="kind" value="rating"><input type="hidden" name="id" value="([0-9a-f]+)")re")));
    // Masked (crypto/id_mask.hpp): a database id would count the site's ratings between two of one's own.
    EXPECT_EQ(rating[1].str().size(), 16u) << rating[1].str();
    EXPECT_EQ(mine.body.find("name=\"id\" value=\"1\""), std::string::npos);
    auto withdrawn = request(port(), "POST", "/my-codename/withdraw", kForm,
                             "csrf=" + csrf_in(mine.body, "/my-codename/withdraw") +
                                 "&codename=" + url_encode(codename) + "&kind=rating&id=" + rating[1].str());
    EXPECT_EQ(withdrawn.status, 200);
    EXPECT_NE(withdrawn.body.find("Your rating is withdrawn"), std::string::npos);
    EXPECT_NE(withdrawn.body.find("(withdrawn)"), std::string::npos);
    auto again = request(port(), "POST", "/my-codename/withdraw", kForm,
                         "csrf=" + csrf_in(mine.body, "/my-codename/withdraw") + "&codename=" + url_encode(codename) +
                             "&kind=rating&id=" + rating[1].str());
    EXPECT_NE(again.body.find("That cannot be done to it now."), std::string::npos);  // withdrawn twice: refused
    // Said as a problem, not under a "Done" banner, and not with 200.
    EXPECT_EQ(again.status, 400);
    EXPECT_NE(again.body.find("There is a problem"), std::string::npos);
    EXPECT_EQ(again.body.find("notice-title\">Done<"), std::string::npos);
}

TEST_P(Stories, CensorRulesSafeguardingAndHostileTextAreHandledOnTheWayToThePublic) {
    tell_story("They sent me to the Bolton Road office <script>alert('x')</script> '; DROP TABLE stories; --");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    auto marked = signed_post(mod, "/moderate", "/moderate/stories/" + story + "/safeguarding", "concern=yes");
    EXPECT_NE(marked.body.find("govuk-tag--red\">Safeguarding"), std::string::npos);
    auto censored =
        signed_post(mod, "/moderate", "/moderate/stories/" + story + "/censor", "phrase=Bolton+Road&scope=provider");
    EXPECT_NE(censored.body.find("Done."), std::string::npos);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");

    auto page = get(port(), "/providers/" + seetec_).body;
    EXPECT_NE(page.find("They sent me to the <span class=\"pw-removed\">[removed]</span> office"), std::string::npos)
        << page;
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);  // shown as text, never run
    EXPECT_NE(page.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page.find("DROP TABLE stories"), std::string::npos);  // stored as text: the table is still there
    EXPECT_EQ(get(port(), "/providers/" + seetec_).status, 200);
}

// Published stories are held in each server's memory: a page at a time, each page one address.
TEST_P(Stories, StoriesComeTenToAPageAndOnlyPagesThatExistHaveAnAddress) {
    const auto mod = sign_in("mod1", moderator_password_);
    for (int i = 1; i <= 12; ++i) {
        tell_story("Story number " + std::to_string(100 + i) + " about the office.");
        signed_post(mod, "/moderate", "/moderate/stories/" + pending_story_id(mod) + "/approve", "");
    }
    const auto url = "/providers/" + seetec_;
    auto first = get(port(), url).body;
    EXPECT_NE(first.find("Story number 112"), std::string::npos);  // newest first
    EXPECT_NE(first.find("Story number 103"), std::string::npos);
    EXPECT_EQ(first.find("Story number 102"), std::string::npos);
    EXPECT_NE(first.find("Page 1 of 2"), std::string::npos);
    auto second = get(port(), url + "?page=2").body;
    EXPECT_NE(second.find("Story number 102"), std::string::npos);
    EXPECT_NE(second.find("Story number 101"), std::string::npos);
    EXPECT_EQ(second.find("Story number 103"), std::string::npos);
    for (const std::string page : {"3", "0", "-1", "x", "1e3", "99999999999999999999"}) {
        EXPECT_EQ(get(port(), url + "?page=" + page).status, 404) << page;
    }
    EXPECT_EQ(get(port(), "/providers/" + a4e_ + "?page=2").status, 404);  // no stories: one page only
    EXPECT_EQ(get(port(), "/providers/" + a4e_ + "?page=1").status, 200);
}

// A second server over the same database shows a story the first one published within its
// --reload-ms, and a story taken down there goes from it too.
TEST_P(Stories, ASecondServerShowsWhatTheFirstPublishedWithinItsReloadTime) {
    ServerProcess other(db(), {"--publish", "off", "--reload-ms", "100"});
    ASSERT_TRUE(other.started()) << other.err();
    const auto url = "/providers/" + seetec_;
    EXPECT_NE(get(other.port(), url).body.find("No stories published yet"), std::string::npos);
    tell_story("The second server should show this one.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
    // Polls the second server's page until it has (or lacks) a text, for up to 5 s.
    auto shows = [&](const std::string& text, bool expected) {
        for (int i = 0; i < 100; ++i) {
            if ((get(other.port(), url).body.find(text) != std::string::npos) == expected) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    };
    EXPECT_TRUE(shows("The second server should show this one.", true));
    // A rule made on another story, still waiting, that reaches every story.
    tell_story("A story still waiting for a moderator.");
    const auto waiting = pending_story_id(mod);
    auto censored = signed_post(mod, "/moderate", "/moderate/stories/" + waiting + "/censor",
                                "phrase=second+server&scope=everywhere");
    EXPECT_NE(censored.body.find("Done."), std::string::npos);
    EXPECT_TRUE(shows("second server", false)) << "the censor rule did not reach the second server";
    EXPECT_TRUE(shows("The <span class=\"pw-removed\">[removed]</span> should show this one.", true));
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    signed_post(rep, "/provider-area", "/stories/" + story + "/flag", "text=Untrue");
    auto queue = signed_get(mod, "/moderate").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(queue, m, std::regex(R"re(/moderate/flags/([0-9a-f]{16})/uphold)re")));
    signed_post(mod, "/moderate", "/moderate/flags/" + m[1].str() + "/uphold", "");
    EXPECT_TRUE(shows("No stories published yet", true)) << "a removed story stayed on the second server";
}

// Every account route against every role: allowed, refused (403) or sent to sign in (303).
TEST_P(Stories, TheAuthorisationMatrixHoldsForEveryRouteAndRole) {
    tell_story("A story for the matrix.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "");
    published_story("A story someone reports.");
    tell_story("A second story, still waiting.");
    const auto waiting = pending_story_id(mod);
    // A response waiting: moderators decide it, nobody else.
    signed_post(sign_in("seetec-rep", passwords_["seetec-rep"]), "/provider-area", "/stories/" + story + "/respond",
                "text=A+response+for+the+matrix");
    std::smatch found;
    const auto queue = signed_get(mod, "/moderate").body;
    ASSERT_TRUE(std::regex_search(queue, found, std::regex(R"re(/moderate/responses/([0-9a-f]{16})/approve)re")));
    const std::string response = found[1].str();
    // A takedown notice on another published story (it hides it): moderators decide it, nobody else.
    std::smatch link;
    const auto provider_page = get(port(), "/providers/" + seetec_).body;
    const auto reported_at = provider_page.find("A story someone reports.");
    ASSERT_NE(reported_at, std::string::npos);
    const std::string after_story = provider_page.substr(reported_at);
    ASSERT_TRUE(std::regex_search(after_story, link, std::regex(R"re(/stories/[0-9a-f]{16}/report)re")));
    const std::string report_path = link[0].str();
    request(port(), "POST", report_path, kForm,
            "csrf=" + csrf_in(get(port(), report_path).body, report_path) + "&ground=identifying&explanation=Names");
    const auto with_notice = signed_get(mod, "/moderate").body;
    ASSERT_TRUE(std::regex_search(with_notice, found, std::regex(R"re(/moderate/notices/([0-9a-f]{16})/dismiss)re")));
    const std::string notice = found[1].str();
    auto admin = run_cli({"account", "create", "--db", db(), "--username", "admin1", "--role", "admin"});
    ASSERT_EQ(admin.exit_code, 0);
    std::string admin_password = admin.out.substr(admin.out.find("(shown once): ") + 14);
    admin_password.pop_back();

    struct Role {
        std::string name;
        std::string cookie;  // empty: anonymous (a participant, with or without a codename)
    };
    const std::vector<Role> roles{{"anonymous", ""},
                                  {"provider of this story", sign_in("seetec-rep", passwords_["seetec-rep"])},
                                  {"provider of another", sign_in("a4e-rep", passwords_["a4e-rep"])},
                                  {"moderator", mod},
                                  {"admin", sign_in("admin1", admin_password)},
                                  {"researcher", sign_in("res1", create_account(db(), "res1", "researcher"))}};
    // For each route, the status each role gets, in the order of `roles`.
    struct Route {
        std::string method;
        std::string path;
        std::string page;  // where the form's token comes from, for POST
        std::vector<int> expected;
    };
    const std::vector<Route> routes{
        {"GET", "/moderate", "", {303, 403, 403, 200, 200, 403}},
        {"GET", "/provider-area", "", {303, 200, 200, 403, 403, 403}},
        {"POST", "/stories/" + story + "/respond", "/provider-area", {303, 200, 403, 403, 403, 403}},
        {"POST", "/stories/" + story + "/flag", "/provider-area", {303, 200, 403, 403, 403, 403}},
        {"POST", "/moderate/stories/" + waiting + "/safeguarding", "/moderate", {303, 403, 403, 200, 200, 403}},
        {"POST", "/moderate/responses/" + response + "/approve", "/moderate", {303, 403, 403, 200, 200, 403}},
        {"POST", "/moderate/notices/" + notice + "/dismiss", "/moderate", {303, 403, 403, 200, 200, 403}},
        // The moderator's dismissal above put the story back: anyone may report it again.
        {"GET", report_path, "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/providers/" + seetec_, "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/providers/" + seetec_ + "/rate", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/research", "", {303, 403, 403, 403, 200, 200}},
        {"GET", "/", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/search?q=seetec", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/sanctions/log", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/sanctions/mine", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/my-codename", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/api/v1/providers/" + seetec_, "", {200, 200, 200, 200, 200, 200}},
        // A report made is kept: its maker is sent to it (the location is checked below).
        {"POST", "/research/report", "/research", {303, 403, 403, 403, 303, 303}},
    };
    const std::string boundary = "pw-matrix-boundary";
    auto multipart = [&](const std::string& token) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n--" +
               boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\ncounts\r\n--" + boundary +
               "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n\r\n"
               "unit,period,referrals,adverse\r\nA,2012-01,10,5\r\nB,2012-01,10,2\r\n\r\n--" +
               boundary + "--\r\n";
    };
    // Each role's form tokens are read before anything is posted: a form a role was shown stays
    // answerable after another role's action has taken it off the page (the approved response).
    std::map<std::pair<std::size_t, std::size_t>, std::string> tokens;
    for (std::size_t k = 0; k < routes.size(); ++k) {
        for (std::size_t r = 0; r < roles.size(); ++r) {
            if (routes[k].method == "GET" || roles[r].cookie.empty()) continue;
            tokens[{k, r}] = csrf_in(signed_get(roles[r].cookie, routes[k].page).body, routes[k].path);
        }
    }
    int checked = 0;
    for (std::size_t k = 0; k < routes.size(); ++k) {
        const auto& route = routes[k];
        for (std::size_t r = 0; r < roles.size(); ++r) {
            const auto& role = roles[r];
            HttpResponse response;
            if (route.method == "GET") {
                response = request(port(), "GET", route.path, role.cookie);
            } else {
                const auto token = tokens[{k, r}];
                response =
                    route.path == "/research/report"
                        ? request(port(), "POST", route.path,
                                  role.cookie + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n",
                                  multipart(token))
                        : request(port(), "POST", route.path, role.cookie + kForm,
                                  "csrf=" + token + "&text=Matrix&concern=yes");
            }
            EXPECT_EQ(response.status, route.expected[r]) << route.method << " " << route.path << " as " << role.name;
            if (route.path == "/research/report" && response.status == 303) {
                EXPECT_TRUE(response.header("location").starts_with(role.cookie.empty() ? "/sign-in" : "/research/reports/"))
                    << role.name << " sent to " << response.header("location");
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 108);
}

// Each kind of row has its own mask: a story's id, shown to moderators, names no flag, response
// or notice, so it cannot be tried on their routes to learn whether one exists.
TEST_P(Stories, AnIdShownForOneKindIsRefusedByAnotherKindsRoute) {
    tell_story("The adviser was kind.");
    const auto mod = sign_in("mod1", moderator_password_);
    const auto story = pending_story_id(mod);
    ASSERT_EQ(story.size(), 16u);
    for (const std::string folder : {"flags", "responses", "notices", "suggestions", "holds"}) {
        const auto path = "/moderate/" + folder + "/" + story + "/approve";
        EXPECT_EQ(request(port(), "POST", path, mod + kForm, "csrf=x").status, 400) << path;
    }
    EXPECT_EQ(signed_post(mod, "/moderate", "/moderate/stories/" + story + "/approve", "").status, 200);
}
