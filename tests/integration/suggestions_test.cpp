// The suggestion journey through the real server: suggest (with a preview of what redaction
// removes), moderate, answer step by step, publish the notes, confirm the change with a rating,
// and publish the figures. Then what must be refused. On SQLite and PostgreSQL.
#include <soci/soci.h>
#include <regex>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

class Suggestions : public StoryServerTest {
protected:
    // Suggests an improvement to Seetec and confirms it after the preview; returns the page
    // that confirms it (with the new codename, when one was asked for).
    HttpResponse suggest(const std::string& text, bool wants_codename = true, const std::string& to = "") {
        const auto url = "/providers/" + (to.empty() ? seetec_ : to) + "/suggest";
        auto form = get(port(), url);
        EXPECT_EQ(form.status, 200);
        const std::string fields = "&wants_codename=" + std::string(wants_codename ? "yes" : "no") +
                                   "&text=" + url_encode(text);
        auto preview = request(port(), "POST", url, kForm, "csrf=" + csrf_in(form.body, url) + fields);
        EXPECT_EQ(preview.status, 200);
        EXPECT_NE(preview.body.find("Check your suggestion before you send it"), std::string::npos) << preview.body;
        auto sent = request(port(), "POST", url, kForm, "csrf=" + csrf_in(preview.body, url) + fields + "&confirm=yes");
        EXPECT_EQ(sent.status, 200) << sent.body;
        return sent;
    }

    std::string pending_suggestion_id(const std::string& mod) {
        std::smatch m;
        auto queue = signed_get(mod, "/moderate").body;
        return std::regex_search(queue, m, std::regex(R"re(/moderate/suggestions/([0-9a-f]{16})/approve)re"))
                   ? m[1].str()
                   : "";
    }

    std::string pending_note_id(const std::string& mod) {
        std::smatch m;
        auto queue = signed_get(mod, "/moderate").body;
        return std::regex_search(queue, m, std::regex(R"re(/moderate/suggestion-notes/([0-9a-f]{16})/approve)re"))
                   ? m[1].str()
                   : "";
    }

    // Suggests and has the moderator publish it; returns its id.
    std::string published_suggestion(const std::string& text, const std::string& to = "") {
        suggest(text, false, to);
        const auto mod = sign_in("mod1", moderator_password_);
        const auto id = pending_suggestion_id(mod);
        EXPECT_FALSE(id.empty());
        EXPECT_EQ(signed_post(mod, "/moderate", "/moderate/suggestions/" + id + "/approve", "").status, 200);
        return id;
    }

    // Answers with the token of the representative's own page (one token serves every answer form).
    HttpResponse answer(const std::string& rep, const std::string& id, const std::string& to,
                        const std::string& note = "") {
        const auto cookie = sign_in(rep, passwords_[rep]);
        const auto page = signed_get(cookie, "/provider-area/suggestions").body;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(page, m, std::regex(R"re(/suggestions/([0-9a-f]{16})/answer)re")))
            << rep << " has no form";
        const auto token = csrf_in(page, m[0].str());
        EXPECT_FALSE(token.empty());
        return request(port(), "POST", "/suggestions/" + id + "/answer", cookie + kForm,
                       "csrf=" + token + "&to=" + to + "&note=" + url_encode(note));
    }

    long long count(const std::string& table_and_filter) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_and_filter, soci::into(n);
        return n;
    }

    std::string public_ref_of(const std::string& text) {
        const auto page = get(port(), "/providers/" + seetec_).body;
        const auto at = page.find(text);
        if (at == std::string::npos) return "";
        std::smatch m;
        const std::string after = page.substr(at);
        return std::regex_search(after, m, std::regex(R"re(/suggestions/([0-9a-f]{16}))re")) ? m[1].str() : "";
    }
};
PW_ENGINE_SUITE(Suggestions);

TEST_P(Suggestions, ASuggestionBecomesAChangeMadeThatRatersConfirm) {
    auto sent = suggest("Please put the job board online. Ask Karen on 07700 900123.");
    EXPECT_NE(sent.body.find("Your suggestion is sent"), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(sent.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("job board"), std::string::npos)
        << "public before a moderator read it";

    const auto mod = sign_in("mod1", moderator_password_);
    const auto id = pending_suggestion_id(mod);
    ASSERT_FALSE(id.empty());
    const auto queue = signed_get(mod, "/moderate").body;
    EXPECT_EQ(queue.find("07700"), std::string::npos) << "the moderator saw the phone number";
    ASSERT_EQ(signed_post(mod, "/moderate", "/moderate/suggestions/" + id + "/approve", "").status, 200);

    const auto ref = public_ref_of("Please put the job board online");
    ASSERT_FALSE(ref.empty());
    EXPECT_NE(get(port(), "/suggestions/" + ref).body.find("Waiting for an answer"), std::string::npos);

    ASSERT_EQ(answer("seetec-rep", id, "under_consideration", "We are pricing screens.").status, 200);
    ASSERT_EQ(answer("seetec-rep", id, "planned").status, 200);
    auto done = answer("seetec-rep", id, "implemented", "The job board is on our web site and in reception.");
    ASSERT_EQ(done.status, 200) << done.body;
    auto page = get(port(), "/suggestions/" + ref).body;
    EXPECT_NE(page.find("Change made"), std::string::npos);
    EXPECT_EQ(page.find("in reception"), std::string::npos) << "a note public before a moderator read it";
    EXPECT_NE(page.find("A note from the provider is being checked"), std::string::npos);
    // Both notes wait; the moderator publishes them.
    for (auto note = pending_note_id(mod); !note.empty(); note = pending_note_id(mod)) {
        ASSERT_EQ(signed_post(mod, "/moderate", "/moderate/suggestion-notes/" + note + "/approve", "").status, 200);
    }
    page = get(port(), "/suggestions/" + ref).body;
    EXPECT_NE(page.find("The job board is on our web site and in reception."), std::string::npos);
    EXPECT_NE(page.find("We are pricing screens."), std::string::npos);

    // Its writer follows it with the codename.
    const auto mine_form = get(port(), "/my-codename");
    auto mine = request(port(), "POST", "/my-codename", kForm,
                        "csrf=" + csrf_in(mine_form.body, "/my-codename") + "&codename=" + codename);
    EXPECT_NE(mine.body.find("Change made"), std::string::npos);
    EXPECT_NE(mine.body.find("job board"), std::string::npos);

    // Someone rating Seetec now is asked about the change, and says yes.
    const auto url = "/providers/" + seetec_ + "/rate";
    auto form = get(port(), url);
    ASSERT_NE(form.body.find("Have you noticed this change?"), std::string::npos);
    EXPECT_NE(form.body.find("type=\"checkbox\" value=\"" + ref + "\""), std::string::npos)
        << "the form names the change by its reference, not its id";
    auto rated = request(port(), "POST", url, kForm,
                         "csrf=" + csrf_in(form.body, url) + area_of(form.body) +
                             "&stars=4&get_codename=no&noticed=" + ref);
    EXPECT_EQ(rated.status, 200) << rated.body;
    EXPECT_EQ(count("change_confirmations"), 1);
    // A change not asked about is refused, and the rating with it.
    const auto ratings = count("ratings");
    auto wrong = request(port(), "POST", url, kForm,
                         "csrf=" + csrf_in(form.body, url) + area_of(form.body) +
                             "&stars=4&get_codename=no&noticed=0123456789abcdef");
    EXPECT_EQ(wrong.status, 400);
    EXPECT_NE(wrong.body.find("That change is no longer asked about"), std::string::npos);
    EXPECT_EQ(count("ratings"), ratings);
    EXPECT_EQ(count("change_confirmations"), 1);

    publish_this_month();
    const auto provider = get_once_it_shows("/providers/" + seetec_, "led to a change made").body;
    EXPECT_NE(provider.find("Of 1 published suggestion, 1 led to a change made and 0 were declined."), std::string::npos);
    EXPECT_NE(provider.find("1 of the 1 due an answer were answered within 4 weeks."), std::string::npos);
    // Counted into the snapshot through a noisy cell, the raw row gone; one person's
    // confirmation is never shown as a count.
    EXPECT_EQ(count("confirmation_cells"), 1);
    EXPECT_EQ(count("snapshot_confirmations"), 1);
    EXPECT_EQ(count("change_confirmations"), 0);
    EXPECT_NE(get(port(), "/suggestions/" + ref).body.find("Too few people have said yet"), std::string::npos);
}

TEST_P(Suggestions, BadInputAndTheWrongProviderAreRefusedAndChangeNothing) {
    const auto id = published_suggestion("Longer opening hours on Fridays");
    const auto theirs = published_suggestion("A4e should text reminders", a4e_);
    // Another provider's representative, with a good token: the command refuses, nothing moves.
    auto other = answer("a4e-rep", id, "under_consideration");
    EXPECT_EQ(other.status, 403);
    EXPECT_EQ(answer("a4e-rep", theirs, "under_consideration").status, 200) << "the same token on their own";
    // Out of order, and declining without a reason.
    auto early = answer("seetec-rep", id, "implemented", "Done");
    EXPECT_EQ(early.status, 400);
    EXPECT_NE(early.body.find("That cannot be done to it now."), std::string::npos);
    auto no_reason = answer("seetec-rep", id, "declined");
    EXPECT_EQ(no_reason.status, 400);
    EXPECT_NE(no_reason.body.find("Say why the suggestion is declined"), std::string::npos);
    auto unknown_state = answer("seetec-rep", id, "finished");
    EXPECT_EQ(unknown_state.status, 400);
    const auto ref = public_ref_of("Longer opening hours on Fridays");
    EXPECT_NE(get(port(), "/suggestions/" + ref).body.find("Waiting for an answer"), std::string::npos);
    EXPECT_EQ(answer("seetec-rep", shown_id(pw::crypto::IdKind::suggestion, "99999"), "under_consideration").status,
              404);
    EXPECT_EQ(answer("seetec-rep", "99999", "under_consideration").status, 400) << "a row id is not a shown id";

    // 20,000 characters, nothing, and a provider that does not exist.
    const auto url = "/providers/" + seetec_ + "/suggest";
    const auto form = get(port(), url).body;
    auto huge = request(port(), "POST", url, kForm,
                        "csrf=" + csrf_in(form, url) + "&wants_codename=no&text=" + std::string(20000, 'a'));
    EXPECT_EQ(huge.status, 400);
    EXPECT_NE(huge.body.find("Your suggestion must be 2000 characters or fewer (it has 20000)"), std::string::npos);
    EXPECT_NE(huge.body.find("govuk-error-summary"), std::string::npos);
    auto empty = request(port(), "POST", url, kForm, "csrf=" + csrf_in(form, url) + "&text=+++");
    EXPECT_EQ(empty.status, 400);
    auto bad_office = request(port(), "POST", url, kForm, "csrf=" + csrf_in(form, url) + "&office=99999&text=Hi");
    EXPECT_EQ(bad_office.status, 400);
    EXPECT_NE(bad_office.body.find("Select one of this provider&apos;s offices"), std::string::npos) << bad_office.body;
    EXPECT_EQ(get(port(), "/providers/99999/suggest").status, 404);
    EXPECT_EQ(request(port(), "POST", "/providers/99999/suggest", kForm, "csrf=x&text=Hi").status, 404);
    EXPECT_EQ(request(port(), "POST", url, kForm, "csrf=forged&text=Hi&confirm=yes").status, 403);
    EXPECT_EQ(get(port(), "/suggestions/0123456789abcdef").status, 404);
    EXPECT_EQ(get(port(), "/suggestions/" + id).status, 404) << "a suggestion is named by its reference only";

    // A rejected suggestion is never public; its writer reads why.
    auto sent = suggest("Sack the receptionist Tracey");
    std::smatch words;
    ASSERT_TRUE(std::regex_search(sent.body, words, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const auto mod = sign_in("mod1", moderator_password_);
    const auto rejected = pending_suggestion_id(mod);
    ASSERT_FALSE(rejected.empty());
    EXPECT_EQ(signed_post(mod, "/moderate", "/moderate/suggestions/" + rejected + "/reject", "reason=").status, 200);
    EXPECT_EQ(pending_suggestion_id(mod), rejected) << "rejected without a reason";
    signed_post(mod, "/moderate", "/moderate/suggestions/" + rejected + "/reject", "reason=It+is+about+one+person");
    EXPECT_TRUE(pending_suggestion_id(mod).empty());
    EXPECT_EQ(get(port(), "/providers/" + seetec_).body.find("receptionist"), std::string::npos);
    const auto ask = get(port(), "/my-codename");
    const auto mine = request(port(), "POST", "/my-codename", kForm,
                              "csrf=" + csrf_in(ask.body, "/my-codename") + "&codename=" + words[1].str() + "+" +
                                  words[2].str() + "+" + words[3].str() + "+" + words[4].str());
    EXPECT_NE(mine.body.find("It is about one person"), std::string::npos);
    EXPECT_NE(mine.body.find("Not published"), std::string::npos);
}

TEST_P(Suggestions, OnlyTheRightPeopleReachTheNewRoutes) {
    const auto id = published_suggestion("Free bus passes for appointments");
    published_suggestion("A4e should open on Saturdays", a4e_);  // so its representative has a form
    suggest("Water in the waiting room", false);
    const auto mod = sign_in("mod1", moderator_password_);
    const auto waiting = pending_suggestion_id(mod);
    ASSERT_FALSE(waiting.empty());
    struct Role {
        std::string name;
        std::string cookie;
    };
    const std::vector<Role> roles{{"anonymous", ""},
                                  {"provider of this suggestion", sign_in("seetec-rep", passwords_["seetec-rep"])},
                                  {"provider of another", sign_in("a4e-rep", passwords_["a4e-rep"])},
                                  {"moderator", mod},
                                  {"researcher", sign_in("res1", create_account(db(), "res1", "researcher"))}};
    struct Route {
        std::string method;
        std::string path;
        std::string page;
        std::vector<int> expected;
    };
    const std::vector<Route> routes{
        {"GET", "/provider-area/suggestions", "", {303, 200, 200, 403, 403}},
        {"GET", "/providers/" + seetec_ + "/suggest", "", {200, 200, 200, 200, 200}},
        {"POST", "/moderate/suggestions/" + waiting + "/reject", "/moderate", {303, 403, 403, 200, 403}},
        {"POST", "/suggestions/" + id + "/answer", "/provider-area/suggestions", {303, 200, 403, 403, 403}},
    };
    for (const auto& route : routes) {
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const auto& role = roles[i];
            HttpResponse response;
            if (route.method == "GET") {
                response = request(port(), "GET", route.path, role.cookie);
            } else {
                // The token of the first form of its kind on the page the role sees (a
                // representative's serves every answer; a moderator's is bound to its path), a move
                // the lifecycle allows and a reason: only the right role gets 200.
                std::string token = "none";
                if (!role.cookie.empty()) {
                    const auto page = request(port(), "GET", route.page, role.cookie).body;
                    std::smatch form;
                    const bool answer_form = route.path.ends_with("/answer");
                    if (answer_form &&
                        std::regex_search(page, form, std::regex(R"re(/suggestions/[0-9a-f]{16}/answer)re"))) {
                        token = csrf_in(page, form[0].str());
                    } else if (page.find(route.path) != std::string::npos) {
                        token = csrf_in(page, route.path);
                    }
                }
                response = request(port(), "POST", route.path, role.cookie + kForm,
                                   "csrf=" + token + "&to=under_consideration&reason=Not+about+the+service");
            }
            EXPECT_EQ(response.status, route.expected[i]) << route.method << " " << route.path << " as " << role.name;
        }
    }
    // The allowed ones did what they asked (the queue answers 200 with an error too).
    EXPECT_TRUE(pending_suggestion_id(mod).empty()) << "the moderator's rejection was not made";
    EXPECT_EQ(count("suggestions WHERE id = " + row_id(pw::crypto::IdKind::suggestion, id) +
                    " AND state = 'under_consideration'"),
              1);
}

TEST_P(Suggestions, ARejectedNoteIsWrittenAgainAndADeclineKeepsItsReason) {
    const auto id = published_suggestion("A quiet room for phone interviews");
    ASSERT_EQ(answer("seetec-rep", id, "declined", "Nope, never.").status, 200);
    const auto mod = sign_in("mod1", moderator_password_);
    const auto note = pending_note_id(mod);
    ASSERT_FALSE(note.empty());
    ASSERT_EQ(signed_post(mod, "/moderate", "/moderate/suggestion-notes/" + note + "/reject", "").status, 200);
    const auto ref = public_ref_of("A quiet room for phone interviews");
    auto page = get(port(), "/suggestions/" + ref).body;
    EXPECT_NE(page.find("Declined"), std::string::npos);
    EXPECT_EQ(page.find("Nope, never."), std::string::npos) << page.substr(page.find("<main"), 3000);
    EXPECT_EQ(page.find("being checked"), std::string::npos) << "a rejected note is not being checked";
    // Until it is written again, the page says the decline's reason is missing and why.
    EXPECT_NE(page.find("note was not published: a moderator asked it to write it again."), std::string::npos)
        << "a decline shown as if it needed no reason: " << page.substr(page.find("<main"), 3000);
    const auto rep = sign_in("seetec-rep", passwords_["seetec-rep"]);
    auto again = signed_post(rep, "/provider-area/suggestions", "/suggestion-notes/" + note + "/rewrite",
                             "note=Every+room+is+booked+for+courses+until+April.");
    ASSERT_EQ(again.status, 200) << again.body.substr(0, 400);
    auto other = request(port(), "POST", "/suggestion-notes/" + note + "/rewrite",
                         sign_in("a4e-rep", passwords_["a4e-rep"]) + kForm, "csrf=x&note=Hi");
    EXPECT_EQ(other.status, 403);
    ASSERT_EQ(pending_note_id(mod), note);
    ASSERT_EQ(signed_post(mod, "/moderate", "/moderate/suggestion-notes/" + note + "/approve", "").status, 200);
    EXPECT_NE(get(port(), "/suggestions/" + ref).body.find("Every room is booked for courses until April."),
              std::string::npos);
}
