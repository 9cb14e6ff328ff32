// The authorisation matrix for suggestions, complaints, held ratings, pressure and recovery
// pages, the award, the admin's pages and account set-up:
// every role against every route, with the exact status each gets (the stories matrix in
// stories_test.cpp covers the rest). Each role posts with a form token read from a page it can
// see, so a 403 is the refusal of its role or provider, never of its token; participant pages
// answer every role alike and show nothing of an account. On SQLite and PostgreSQL.
#include <algorithm>
#include <map>
#include <regex>

#include <soci/soci.h>

#include "integration/story_server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

namespace {

// The matrix's columns, in order.
enum Column : std::size_t { kAnonymous, kRep, kOtherRep, kModerator, kAdmin, kResearcher, kEvaluator, kColumns };

const std::vector<int> kEveryone(kColumns, 200);
const std::vector<int> kRepresentatives{303, 200, 200, 403, 403, 403, 403};  // each sees its own organisation's
const std::vector<int> kProviderConcerned{303, 200, 403, 403, 403, 403, 403};
const std::vector<int> kHidden{303, 404, 404, 403, 403, 403, 403};  // not shown to providers: none of theirs
const std::vector<int> kModerators{303, 403, 403, 200, 200, 403, 403};
const std::vector<int> kAdmins{303, 403, 403, 403, 200, 403, 403};

// What only an account's own pages carry: a participant page shows none of it, to anyone.
const std::vector<std::string> kAccountOnly{"/sign-out", "/provider-area", "/moderate", "/admin",
                                            "/research", "seetec-rep",     "a4e-rep",   "mod1",
                                            "admin1",    "res1",           "eval1"};

const std::string kBoundary = "pw-matrix-boundary";
const std::string kPassword = "password=correct+horse+battery+staple&confirm=correct+horse+battery+staple";

// One value for every role, or one for each.
const std::string& pick(const std::vector<std::string>& values, std::size_t role) {
    return values.size() == 1 ? values[0] : values[role];
}

// The same for every role but the admin, who acts on its own object.
std::vector<std::string> moderator_and_admin(const std::string& moderator, const std::string& admin) {
    std::vector<std::string> each(kColumns, moderator);
    each[kAdmin] = admin;
    return each;
}

std::string codename_in(const std::string& html) {
    std::smatch m;
    static const std::regex words(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re");
    if (!std::regex_search(html, m, words)) return "";
    return m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
}

std::string import_body(const std::string& token) {
    auto part = [](const std::string& name, const std::string& value) {
        return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    };
    return part("csrf", token) + part("kind", "offices") + "--" + kBoundary +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offices.csv\"\r\nContent-Type: "
           "text/csv\r\n\r\n"
           "provider,office_name,town,postcode_district,source\r\nSeetec,Matrix House,Leeds,LS2,matrix\r\n\r\n--" +
           kBoundary + "--\r\n";
}

}  // namespace

class Authorisation : public StoryServerTest {
protected:
    void SetUp() override {
        StoryServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        mod_ = sign_in("mod1", moderator_password_);
        admin_ = sign_in("admin1", create_account(db(), "admin1", "admin"));
        rep_ = sign_in("seetec-rep", passwords_["seetec-rep"]);
    }

    // Each request as another participant's: the matrix sends more than one person may in an hour,
    // and the rate limits are not what it is about (they count by address, never by account).
    HttpResponse send(const std::string& method, const std::string& path, const std::string& headers = "",
                      const std::string& body = "") {
        return request(port(), method, path, headers + another_client(), body);
    }

    // The shown id, of those the pattern's group matches on a page, of the highest row: the newest
    // item of its kind.
    std::string newest(const std::string& cookie, const std::string& page, const std::string& pattern,
                       pw::crypto::IdKind kind) {
        const auto html = signed_get(cookie, page).body;
        long long best = -1;
        const std::regex re(pattern);
        for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it) {
            if (const auto row = row_id(kind, (*it)[1].str()); !row.empty()) best = std::max(best, std::stoll(row));
        }
        EXPECT_GE(best, 0) << "nothing matches " << pattern << " on " << page;
        return best < 0 ? "" : shown_id(kind, std::to_string(best));
    }

    // A suggestion sent without a codename, waiting for a moderator; returns its id.
    std::string pending_suggestion(const std::string& provider, const std::string& text) {
        const auto url = "/providers/" + provider + "/suggest";
        EXPECT_EQ(send("POST", url, kForm,
                       "csrf=" + csrf_in(get(port(), url).body, url) +
                           "&wants_codename=no&confirm=yes&text=" + url_encode(text))
                      .status,
                  200);
        return newest(mod_, "/moderate", R"re(/moderate/suggestions/([0-9a-f]{16})/approve)re",
                      pw::crypto::IdKind::suggestion);
    }

    std::string published_suggestion(const std::string& provider, const std::string& text) {
        const auto id = pending_suggestion(provider, text);
        EXPECT_EQ(signed_post(mod_, "/moderate", "/moderate/suggestions/" + id + "/approve", "").status, 200);
        return id;
    }

    // Seetec's representative moves a suggestion with a note; returns the note's id (it waits for a moderator).
    std::string answer_with_note(const std::string& id, const std::string& to) {
        const auto answered = signed_post(rep_, "/provider-area/suggestions", "/suggestions/" + id + "/answer",
                                          "to=" + to + "&note=A+note+for+the+matrix");
        EXPECT_EQ(answered.status, 200) << answered.body.substr(0, 400);
        return newest(mod_, "/moderate", R"re(/moderate/suggestion-notes/([0-9a-f]{16})/approve)re",
                      pw::crypto::IdKind::suggestion_note);
    }

    std::string public_ref(const std::string& text) {
        const auto page = get_once_it_shows("/providers/" + seetec_, text).body;
        const auto at = page.find(text);
        const std::string after = at == std::string::npos ? "" : page.substr(at);
        std::smatch m;
        EXPECT_TRUE(std::regex_search(after, m, std::regex(R"re(/suggestions/([0-9a-f]{16}))re"))) << text;
        return m[1].str();
    }

    struct Complaint {
        std::string codename;      // as a form field: "a+b+c+d"
        std::string letter_token;  // from the page that shows the drafted letter
        std::string id;
        std::string step_token;  // from the page its codename shows
    };

    // A complaint drafted by whoever the cookie is (a participant page: anyone may), then followed
    // with its codename: the pages that hold the letter's and the step's tokens are both a POST's.
    Complaint complaint(const std::string& provider, const std::string& cookie = "") {
        const auto url = "/providers/" + provider + "/complain";
        const auto drafted = send("POST", url, cookie + kForm,
                                  "csrf=" + csrf_in(request(port(), "GET", url, cookie).body, url) +
                                      "&category=travel-costs&what_happened=They+refused+my+fares&wanted=Pay+them");
        EXPECT_EQ(drafted.status, 200);
        Complaint c{codename_in(drafted.body), csrf_in(drafted.body, "/complaints/letter"), "", ""};
        const auto ask = request(port(), "GET", "/complaints/mine", cookie).body;
        const auto mine = send("POST", "/complaints/mine", cookie + kForm,
                               "csrf=" + csrf_in(ask, "/complaints/mine") + "&codename=" + c.codename);
        std::smatch m;
        if (std::regex_search(mine.body, m, std::regex(R"re(id="complaint-([0-9a-f]+)")re"))) c.id = m[1].str();
        c.step_token = csrf_in(mine.body, "/complaints/" + c.id + "/step");
        EXPECT_FALSE(c.codename.empty() || c.letter_token.empty() || c.id.empty() || c.step_token.empty());
        return c;
    }

    void send_complaint(const Complaint& c) {
        EXPECT_EQ(send("POST", "/complaints/" + c.id + "/step", kForm,
                       "csrf=" + c.step_token + "&codename=" + c.codename + "&to=sent")
                      .status,
                  200);
    }

    // An account the admin makes in the site; returns its one-time set-up link.
    std::string set_up_link(const std::string& username) {
        const auto made = signed_post(admin_, "/admin", "/admin/accounts", "username=" + username + "&role=moderator");
        std::smatch m;
        EXPECT_TRUE(std::regex_search(made.body, m, std::regex(R"re(/set-up/[0-9a-f]{64})re"))) << username;
        return m[0].str();
    }

    std::string account_id(const std::string& username) {
        const auto page = signed_get(admin_, "/admin").body;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(
            page, m, std::regex("id=\"account-([0-9]+)\"><td class=\"govuk-table__cell\">" + username + "<")));
        return m[1].str();
    }

    // A month of the provider's ratings held, as the publication's flood check keeps it; its id as
    // the moderators' page shows it.
    std::string hold_for(const std::string& provider, const std::string& month) {
        auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
        auto s = (*database)->session();
        long long id = 0;
        s << "INSERT INTO rating_holds (provider_id, month, kind, noisy_count, expected, why, state) VALUES (" +
                 provider + ", '" + month +
                 "', 'jump', 300, 40, 'About 300 ratings arrived in the month', 'held') "
                 "RETURNING id",
            soci::into(id);
        return shown_id(pw::crypto::IdKind::hold, std::to_string(id));
    }

    // A story about the provider with a published response from its representative, reported
    // (abusive: it stays up, and the provider is told in its area); the report link's path.
    std::string reported_response(const std::string& provider, const std::string& rep, const std::string& text) {
        const auto story = published_story("A story that gets a response: " + text, false, provider);
        signed_post(rep, "/provider-area", "/stories/" + story + "/respond", "text=" + url_encode(text));
        const auto response = newest(mod_, "/moderate", R"re(/moderate/responses/([0-9a-f]{16})/approve)re",
                                     pw::crypto::IdKind::response);
        EXPECT_EQ(signed_post(mod_, "/moderate", "/moderate/responses/" + response + "/approve", "").status, 200);
        const auto page = get(port(), "/providers/" + provider).body;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(
            page, m, std::regex(R"re(/stories/[0-9a-f]{16}/responses/)re" + response + R"re(/report)re")));
        const std::string path = m.empty() ? "" : m[0].str();
        EXPECT_EQ(send("POST", path, kForm,
                       "csrf=" + csrf_in(get(port(), path).body, path) + "&ground=abusive&explanation=Rude")
                      .status,
                  200);
        return path;
    }

    std::string mod_, admin_, rep_;
};
PW_ENGINE_SUITE(Authorisation);

TEST_P(Authorisation, TheMatrixHoldsForSuggestionsComplaintsAdminAndAccountRoutes) {
    struct Role {
        std::string name;
        std::string cookie;  // empty: anonymous (a participant)
    };
    const std::vector<Role> roles{{"anonymous", ""},
                                  {"the provider concerned", rep_},
                                  {"another provider", sign_in("a4e-rep", passwords_["a4e-rep"])},
                                  {"moderator", mod_},
                                  {"admin", admin_},
                                  {"researcher", sign_in("res1", create_account(db(), "res1", "researcher"))},
                                  {"evaluator", sign_in("eval1", create_account(db(), "eval1", "evaluator"))}};

    // Suggestions: one to answer; one to A4e, so its representative has an answer form (and the
    // session's answer token, which serves every answer and rewrite form); notes for moderators;
    // a note rejected for Seetec to write again; pending ones to moderate; one never published.
    const auto answerable = published_suggestion(seetec_, "Free bus passes for appointments");
    const auto ref = public_ref("Free bus passes for appointments");
    published_suggestion(a4e_, "A4e should open on Saturdays");
    const auto chain = published_suggestion(seetec_, "Longer opening hours on Fridays");
    const auto note1 = answer_with_note(chain, "under_consideration");
    const auto note2 = answer_with_note(chain, "planned");
    const auto note3 = answer_with_note(chain, "implemented");
    const auto note4 = answer_with_note(published_suggestion(seetec_, "Water in the waiting room"), "declined");
    const auto rejected = answer_with_note(published_suggestion(seetec_, "A quiet room for calls"), "declined");
    ASSERT_EQ(signed_post(mod_, "/moderate", "/moderate/suggestion-notes/" + rejected + "/reject", "").status, 200);
    std::vector<std::string> pending;
    for (int i = 0; i < 5; ++i)
        pending.push_back(pending_suggestion(seetec_, "Waiting suggestion " + std::to_string(i)));

    // Complaints: one sent to Seetec to answer and look up, one sent to A4e (its representative's
    // answer form), one only drafted (no provider sees it), and one for each role to step on.
    const auto sent = complaint(seetec_);
    send_complaint(sent);
    send_complaint(complaint(a4e_));
    const auto drafted = complaint(seetec_);
    std::vector<Complaint> own;
    for (const auto& role : roles) own.push_back(complaint(seetec_, role.cookie));
    std::vector<std::string> steps, step_bodies, step_tokens, letter_tokens;
    for (const auto& c : own) {
        steps.push_back("/complaints/" + c.id + "/step");
        step_bodies.push_back("codename=" + c.codename + "&to=sent");
        step_tokens.push_back(c.step_token);
        letter_tokens.push_back(c.letter_token);
    }

    // The letter to the Independent Case Examiner: each role's own complaint, sent long enough ago
    // for the ICE to take it, its token read from the page its codename shows.
    std::vector<std::string> ice_paths, ice_bodies, ice_tokens;
    for (const auto& role : roles) {
        const auto c = complaint(seetec_, role.cookie);
        send_complaint(c);
        {
            auto database = pw::store::Database::open(*pw::store::parse_database_url(db()));
            auto s = (*database)->session();
            // The complaint just sent is the newest (the page shows its id masked).
            s << "UPDATE complaints SET sent_week = '2020-W01' WHERE id = (SELECT MAX(id) FROM complaints)";
        }
        const auto ask = request(port(), "GET", "/complaints/mine", role.cookie).body;
        const auto mine = send("POST", "/complaints/mine", role.cookie + kForm,
                               "csrf=" + csrf_in(ask, "/complaints/mine") + "&codename=" + c.codename);
        ice_paths.push_back("/complaints/" + c.id + "/ice-letter");
        ice_bodies.push_back("codename=" + c.codename);
        ice_tokens.push_back(csrf_in(mine.body, ice_paths.back()));
        EXPECT_FALSE(ice_tokens.back().empty()) << "no letter to the ICE offered";
    }

    // Takedown of providers' responses: one of Seetec's reported, for its representative to answer,
    // and one of A4e's, so A4e's representative has the answer form (and its token) too.
    const auto response_report = reported_response(seetec_, rep_, "We are looking into this.");
    reported_response(a4e_, sign_in("a4e-rep", passwords_["a4e-rep"]), "A4e will call you.");
    const auto response_notice =
        newest(rep_, "/provider-area", R"re(name="id" value="([0-9a-f]{16})")re", pw::crypto::IdKind::notice);

    // Accounts: one for the admin to disable, and a set-up link for each role to use.
    create_account(db(), "spare1", "moderator");
    const auto spare = account_id("spare1");
    std::vector<std::string> links;
    for (std::size_t r = 0; r < roles.size(); ++r) links.push_back(set_up_link("set-up-" + std::to_string(r)));
    // Two months the flood check held, written as publication writes them, for moderators to decide.
    std::vector<std::string> holds;
    for (const std::string month : {"2026-09", "2026-10"}) holds.push_back(hold_for(seetec_, month));
    ASSERT_FALSE(HasFailure()) << "the set-up failed";

    // A role that cannot see the page holding a route's token posts an empty one; its 303 or 403
    // is still the role check's, since each of these handlers checks the role before the token:
    // representative() in the suggestion answer and rewrite, the complaint answer and the answer
    // to a takedown notice about a response, moderator() in moderation's act(), admin() in the
    // admin's create, disable, standards and upload (before it even parses the multipart body). Another provider's
    // representative posts a valid token from its own page, so its 403 (or 404) is the command's check of the provider.
    struct Route {
        std::string method;
        std::vector<std::string> paths;          // one for every role, or one each
        std::vector<int> expected;               // in the order of `roles`
        std::vector<std::string> pages = {};     // where each role's token is read (POST): one, or one each
        std::vector<std::string> bodies = {""};  // the fields after the token: one, or one each
        std::string form = "";                   // a form whose token serves too, when none posts to the path
        std::vector<std::string> tokens = {};    // read in the set-up, from pages that only a POST shows
        std::string shows = "";                  // what a 200 contains: the action done, not refused on its page
        bool participant = false;                // anyone's page: it must show nothing of an account
        bool multipart = false;
    };
    const std::string seetec = "/providers/" + seetec_;
    const std::string answer_form = R"re(/suggestions/[0-9a-f]{16}/answer)re";
    const std::string complaint_form = R"re(/complaints/[0-9a-f]+/answer)re";
    const std::string suggestion = "wants_codename=no&text=A+matrix+suggestion";
    const std::string done = "__heading\">Done.</p>";  // the moderation queue answers 200 either way
    const std::vector<Route> routes{
        // Suggestions. A participant's pages first: each role's suggestion is its own.
        {.method = "GET",
         .paths = {seetec + "/suggest"},
         .expected = kEveryone,
         .shows = "Suggest an improvement",
         .participant = true},
        {.method = "POST",
         .paths = {seetec + "/suggest"},
         .expected = kEveryone,
         .pages = {seetec + "/suggest"},
         .bodies = {suggestion},
         .shows = "Check your suggestion before you send it",
         .participant = true},
        {.method = "POST",
         .paths = {seetec + "/suggest"},
         .expected = kEveryone,
         .pages = {seetec + "/suggest"},
         .bodies = {suggestion + "&confirm=yes"},
         .shows = "Your suggestion is sent",
         .participant = true},
        {.method = "GET",
         .paths = {"/suggestions/" + ref},
         .expected = kEveryone,
         .shows = "Free bus passes for appointments",
         .participant = true},
        {.method = "GET",
         .paths = {"/provider-area/suggestions"},
         .expected = kRepresentatives,
         .shows = "Suggestions to your organisation"},
        // Seetec's answer moves it on; A4e's is refused for its provider before the state is read.
        {.method = "POST",
         .paths = {"/suggestions/" + answerable + "/answer"},
         .expected = kProviderConcerned,
         .pages = {"/provider-area/suggestions"},
         .bodies = {"to=under_consideration&note="},
         .form = answer_form,
         .shows = "Done. Your note"},
        // Not public yet: to every representative it does not exist.
        {.method = "POST",
         .paths = {"/suggestions/" + pending[4] + "/answer"},
         .expected = kHidden,
         .pages = {"/provider-area/suggestions"},
         .bodies = {"to=under_consideration&note="},
         .form = answer_form},
        {.method = "POST",
         .paths = {"/suggestion-notes/" + rejected + "/rewrite"},
         .expected = kProviderConcerned,
         .pages = {"/provider-area/suggestions"},
         .bodies = {"note=Every+room+is+booked+until+April"},
         .form = answer_form,
         .shows = "Sent again."},
        // A provider's published response: anyone may report it; its own provider answers the
        // report, another provider's is refused by the command as if there were no such notice.
        {.method = "GET",
         .paths = {response_report},
         .expected = kEveryone,
         .shows = "Report this response",
         .participant = true},
        {.method = "POST",
         .paths = {response_report},
         .expected = kEveryone,
         .pages = {response_report},
         .bodies = {"ground=abusive&explanation=Rude+to+people"},
         .shows = "The response stays published while the provider is told",
         .participant = true},
        {.method = "POST",
         .paths = {"/provider-area/notices/answer"},
         .expected = {303, 200, 404, 403, 403, 403, 403},
         .pages = {"/provider-area"},
         .bodies = {"id=" + response_notice + "&answer=It+is+polite"},
         .shows = "Your answer is with the moderators"},
        // Ratings that count and the award (docs/integrity.md): participants' pages first.
        {.method = "GET",
         .paths = {"/award"},
         .expected = kEveryone,
         .shows = "How it is decided",
         .participant = true},
        {.method = "GET",
         .paths = {seetec + "/pressure"},
         .expected = kEveryone,
         .shows = "Someone pressured me to rate",
         .participant = true},
        {.method = "POST",
         .paths = {seetec + "/pressure"},
         .expected = kEveryone,
         .pages = {seetec + "/pressure"},
         .bodies = {"kind-watched=yes"},
         .shows = "Report received",
         .participant = true},
        {.method = "GET",
         .paths = {"/provider-area/recovery"},
         .expected = kRepresentatives,
         .shows = "not under recovery measures: no report is due"},
        // A held month: only moderators (and the admin) decide; the provider concerned is refused.
        {.method = "POST",
         .paths =
             moderator_and_admin("/moderate/holds/" + holds[0] + "/count", "/moderate/holds/" + holds[1] + "/exclude"),
         .expected = kModerators,
         .pages = {"/moderate"},
         .shows = done},
        // Moderation: the moderator and the admin each decide an item of their own.
        {.method = "POST",
         .paths = moderator_and_admin("/moderate/suggestions/" + pending[0] + "/approve",
                                      "/moderate/suggestions/" + pending[1] + "/approve"),
         .expected = kModerators,
         .pages = {"/moderate"},
         .shows = done},
        {.method = "POST",
         .paths = moderator_and_admin("/moderate/suggestions/" + pending[2] + "/reject",
                                      "/moderate/suggestions/" + pending[3] + "/reject"),
         .expected = kModerators,
         .pages = {"/moderate"},
         .bodies = {"reason=Not+about+the+service"},
         .shows = done},
        {.method = "POST",
         .paths = moderator_and_admin("/moderate/suggestion-notes/" + note1 + "/approve",
                                      "/moderate/suggestion-notes/" + note2 + "/approve"),
         .expected = kModerators,
         .pages = {"/moderate"},
         .shows = done},
        {.method = "POST",
         .paths = moderator_and_admin("/moderate/suggestion-notes/" + note3 + "/reject",
                                      "/moderate/suggestion-notes/" + note4 + "/reject"),
         .expected = kModerators,
         .pages = {"/moderate"},
         .shows = done},
        // Complaints. A participant's pages: each role drafts its own and steps on its own.
        {.method = "GET",
         .paths = {"/complaints"},
         .expected = kEveryone,
         .shows = "Complain about a provider",
         .participant = true},
        {.method = "GET",
         .paths = {seetec + "/complain"},
         .expected = kEveryone,
         .shows = "Make an official complaint",
         .participant = true},
        {.method = "POST",
         .paths = {seetec + "/complain"},
         .expected = kEveryone,
         .pages = {seetec + "/complain"},
         .bodies = {"category=travel-costs&what_happened=They+refused+my+fares&wanted=Pay+them"},
         .shows = "Your complaint is drafted",
         .participant = true},
        {.method = "GET",
         .paths = {"/complaints/mine"},
         .expected = kEveryone,
         .shows = "Follow your complaint",
         .participant = true},
        {.method = "POST",
         .paths = {"/complaints/mine"},
         .expected = kEveryone,
         .pages = {"/complaints/mine"},
         .bodies = {"codename=" + sent.codename},
         .shows = "id=\"complaint-" + sent.id + "\"",
         .participant = true},
        {.method = "POST",
         .paths = steps,
         .expected = kEveryone,
         .bodies = step_bodies,
         .tokens = step_tokens,
         .shows = "Your complaint is updated.",
         .participant = true},
        {.method = "POST",
         .paths = {"/complaints/letter"},
         .expected = kEveryone,
         .bodies = {"format=text&letter=Dear+Seetec+this+is+a+matrix+letter"},
         .tokens = letter_tokens,
         .shows = "this is a matrix letter",
         .participant = true},
        {.method = "POST",
         .paths = ice_paths,
         .expected = kEveryone,
         .bodies = ice_bodies,
         .tokens = ice_tokens,
         .shows = "To: the Independent Case Examiner",
         .participant = true},
        {.method = "GET",
         .paths = {"/provider-area/complaints"},
         .expected = kRepresentatives,
         .shows = "Complaints to your organisation"},
        // Seetec acknowledges it; A4e's is refused for its provider before the state is read.
        {.method = "POST",
         .paths = {"/complaints/" + sent.id + "/answer"},
         .expected = kProviderConcerned,
         .pages = {"/provider-area/complaints"},
         .bodies = {"to=acknowledged"},
         .form = complaint_form,
         .shows = "Done. The person who complained"},
        // Only drafted, never sent: to every representative it does not exist.
        {.method = "POST",
         .paths = {"/complaints/" + drafted.id + "/answer"},
         .expected = kHidden,
         .pages = {"/provider-area/complaints"},
         .bodies = {"to=acknowledged"},
         .form = complaint_form},
        // The admin's pages last: an import changes Seetec's offices, which the forms above list.
        {.method = "GET", .paths = {"/admin"}, .expected = kAdmins, .shows = "action=\"/admin/accounts\""},
        {.method = "GET", .paths = {"/admin/audit"}, .expected = kAdmins, .shows = "Audit log"},
        {.method = "POST",
         .paths = {"/admin/accounts"},
         .expected = kAdmins,
         .pages = {"/admin"},
         .bodies = {"username=made-in-matrix&role=moderator"},
         .shows = "Account created"},
        {.method = "POST",
         .paths = {"/admin/accounts/" + spare + "/disable"},
         .expected = kAdmins,
         .pages = {"/admin"},
         .shows = "Disabled: its sessions have ended."},
        {.method = "GET",
         .paths = {"/standards"},
         .expected = kEveryone,
         .shows = "Standards and recovery measures",
         .participant = true},
        {.method = "GET",
         .paths = {"/league-table"},
         .expected = kEveryone,
         .shows = "League table",
         .participant = true},
        {.method = "GET", .paths = {"/admin/standards"}, .expected = kAdmins, .shows = "Save the standards"},
        {.method = "POST",
         .paths = {"/admin/standards"},
         .expected = kAdmins,
         .pages = {"/admin/standards"},
         .bodies = {"stars=3&complaints=10&answered=75&agree=2&recover=3"},
         .shows = "Saved."},
        {.method = "GET", .paths = {"/admin/imports"}, .expected = kAdmins, .shows = "Import a file"},
        {.method = "POST",
         .paths = {"/admin/imports"},
         .expected = kAdmins,
         .pages = {"/admin/imports"},
         .shows = "1 row read, 1 added",
         .multipart = true},
        // Account set-up: anyone with a link, signed in or not; each role uses a link of its own.
        {.method = "GET",
         .paths = {links[0]},
         .expected = kEveryone,
         .shows = "Choose your password",
         .participant = true},
        {.method = "POST",
         .paths = links,
         .expected = kEveryone,
         .pages = links,
         .bodies = {kPassword},
         .shows = "Your account is ready",
         .participant = true},
    };

    // Every role's form tokens are read before anything is posted. A role that sees the page has
    // a token for the route (the form posting to it, or one whose token serves the same session).
    std::map<std::pair<std::size_t, std::size_t>, std::string> tokens;
    for (std::size_t k = 0; k < routes.size(); ++k) {
        const auto& route = routes[k];
        if (route.method == "GET") continue;
        for (std::size_t r = 0; r < roles.size(); ++r) {
            if (!route.tokens.empty()) {
                tokens[{k, r}] = route.tokens[r];
                continue;
            }
            const auto page = request(port(), "GET", pick(route.pages, r), roles[r].cookie);
            auto token = csrf_in(page.body, pick(route.paths, r));
            std::smatch form;
            if (token.empty() && !route.form.empty() && std::regex_search(page.body, form, std::regex(route.form))) {
                token = csrf_in(page.body, form[0].str());
            }
            if (page.status == 200) {
                EXPECT_FALSE(token.empty()) << pick(route.paths, r) << " as " << roles[r].name;
            }
            tokens[{k, r}] = token;
        }
    }

    int checked = 0;
    for (std::size_t k = 0; k < routes.size(); ++k) {
        const auto& route = routes[k];
        for (std::size_t r = 0; r < roles.size(); ++r) {
            const auto& role = roles[r];
            const auto& path = pick(route.paths, r);
            const auto& fields = pick(route.bodies, r);
            HttpResponse response;
            if (route.method == "GET") {
                response = send("GET", path, role.cookie);
            } else if (route.multipart) {
                response = send("POST", path,
                                role.cookie + "Content-Type: multipart/form-data; boundary=" + kBoundary + "\r\n",
                                import_body(tokens[{k, r}]));
            } else {
                response = send("POST", path, role.cookie + kForm,
                                "csrf=" + tokens[{k, r}] + (fields.empty() ? "" : "&" + fields));
            }
            const auto where = route.method + " " + path + " as " + role.name;
            EXPECT_EQ(response.status, route.expected[r]) << where << "\n" << response.body.substr(0, 600);
            if (response.status == 200 && !route.shows.empty()) {
                EXPECT_NE(response.body.find(route.shows), std::string::npos) << where << " did not do it";
            }
            if (route.participant) {
                for (const auto& text : kAccountOnly) {
                    EXPECT_EQ(response.body.find(text), std::string::npos) << where << " shows " << text;
                }
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 301);  // 43 routes, 7 roles
}
