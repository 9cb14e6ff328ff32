// Hostile input in every field of every form a participant, a provider, a moderator and a
// researcher can reach, and in the search boxes: no script comes back unescaped, no database
// error shows, no 5xx, no header is injected, and a rejected request changes nothing.
#include <soci/soci.h>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"
#include "store/database.hpp"

using namespace pw::testing;

namespace {

struct Payload {
    std::string name;
    std::string encoded;    // as it goes in a form body or query
    std::string forbidden;  // must never appear in a response body as it is
};

const std::vector<Payload> kPayloads = {
    {"script", "%3Cscript%3Ealert(%22pw-xss%22)%3C%2Fscript%3E", "<script>alert(\"pw-xss\")"},
    {"attribute", "%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", "<img src=x onerror"},
    {"sql", "%27%3B+DROP+TABLE+ratings%3B+--", ""},  // harmless as text: checked by leaks and row counts
    {"header", "a%0D%0ASet-Cookie%3A+pw_injected%3D1", ""},
    {"utf8", "%FF%FE%C0%AF", ""},
    {"nul", "a%00b", ""},
    {"long", std::string(20000, 'x'), ""},
};

// Whether text holds word as a word of its own: a codename may hold "social", which is no leak of "soci".
bool contains_word(const std::string& text, const std::string& word) {
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !letter(text[at - 1]) || !letter(word.front());
        const bool ends = at + word.size() >= text.size() || !letter(text[at + word.size()]) || !letter(word.back());
        if (starts && ends) return true;
    }
    return false;
}

// Signs of a database error leaking into a page.
const std::vector<std::string> kLeaks = {
    "SQLITE", "sqlite3", "syntax error", "ERROR:  ", "soci", "constraint failed", "postgresql"};

struct Form {
    std::string action;
    std::vector<std::pair<std::string, std::string>> fixed;  // hidden fields and chosen radios, as sent
    std::vector<std::string> typed;                          // fields a person fills in or chooses
};

std::string url_decode(const std::string& encoded) {
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '+') {
            out += ' ';
        } else if (encoded[i] == '%' && i + 2 < encoded.size()) {
            out += static_cast<char>(std::stoi(encoded.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return out;
}

std::string attribute(const std::string& tag, const std::string& name) {
    std::smatch m;
    return std::regex_search(tag, m, std::regex(" " + name + "=\"([^\"]*)\"")) ? m[1].str() : "";
}

// The form in html that posts to action: its fields, with hidden values kept.
std::optional<Form> form_in(const std::string& html, const std::string& action) {
    const auto at = html.find("action=\"" + action + "\"");
    if (at == std::string::npos) return std::nullopt;
    const std::string body = html.substr(at, html.find("</form>", at) - at);
    Form form{action, {}, {}};
    std::set<std::string> seen;
    static const std::regex field(R"re(<(input|textarea|select)\b[^>]*>)re");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), field); it != std::sregex_iterator(); ++it) {
        const std::string tag = it->str();
        const std::string name = attribute(tag, "name");
        if (name.empty() || !seen.insert(name).second) continue;
        const std::string type = attribute(tag, "type");
        if (type == "hidden")
            form.fixed.emplace_back(name, url_encode(attribute(tag, "value")));
        else
            form.typed.push_back(name);
    }
    return form;
}

// Rows in every table a form could change, counted through `session`.
long long rows(soci::session& s) {
    long long total = 0;
    for (const char* table : {"ratings",
                              "stories",
                              "responses",
                              "flags",
                              "censor_rules",
                              "codenames",
                              "sanction_cases",
                              "accounts",
                              "events",
                              "takedown_notices",
                              "suggestions",
                              "suggestion_steps",
                              "change_confirmations",
                              "complaints",
                              "offices",
                              "service_standards",
                              "complaints_procedures",
                              "subcontracts",
                              "contracts",
                              "areas",
                              "standards_settings"}) {
        long long n = 0;
        s << std::string("SELECT COUNT(*) FROM ") + table, soci::into(n);
        total += n;
    }
    return total;
}

}  // namespace

class HostileInput : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto search = get(port(), "/search?q=seetec");
        std::smatch m;
        ASSERT_TRUE(std::regex_search(search.body, m, std::regex(R"re(href="/providers/([0-9]+)")re")));
        provider_ = m[1].str();
        moderator_ = sign_in(port(), "mod1", create_account(db(), "mod1", "moderator"));
        representative_ = sign_in(port(), "rep1", create_account(db(), "rep1", "provider", provider_));
    }

    // Sends every payload in every typed field of the form (others left as the page gave them).
    // extra: fields a button adds (confirm=yes after a preview).
    void attack(const std::string& page_html, const std::string& action, const std::string& cookie = "",
                const std::string& extra = "") {
        auto form = form_in(page_html, action);
        ASSERT_TRUE(form) << "no form posting to " << action;
        for (const auto& target : form->typed) {
            for (const auto& payload : kPayloads) {
                std::string body = extra.empty() ? "" : extra + "&";
                for (const auto& [name, value] : form->fixed) body += name + "=" + value + "&";
                for (const auto& name : form->typed) body += name + "=" + (name == target ? payload.encoded : "") + "&";
                const auto before = rows();
                const auto r = request(port(), "POST", action, cookie + kForm + another_client(), body);
                const std::string where = action + " field " + target + " with " + payload.name;
                ++sent_;
                EXPECT_GT(r.status, 0) << where;
                EXPECT_LT(r.status, 500) << where << "\n" << r.body.substr(0, 500);
                check_body(r, where);
                if (r.status >= 400) {
                    EXPECT_EQ(rows(), before) << where << ": a rejected request changed the database";
                }
            }
        }
    }

    void check_body(const HttpResponse& r, const std::string& where) {
        // Markup sent in must come back escaped in a page (JSON carries it as a string: not markup).
        if (r.header("content-type").starts_with("text/html")) {
            for (const auto& payload : kPayloads) {
                if (payload.forbidden.empty()) continue;
                const auto at = r.body.find(payload.forbidden);
                EXPECT_EQ(at, std::string::npos)
                    << where << ": " << payload.name << " comes back as it was sent: ..."
                    << (at == std::string::npos ? "" : r.body.substr(at - std::min<std::size_t>(at, 80), 200));
            }
        }
        for (const auto& leak : kLeaks) EXPECT_FALSE(contains_word(r.body, leak)) << where << ": " << leak;
        for (const auto& [name, value] : r.headers)
            EXPECT_EQ(value.find("pw_injected"), std::string::npos) << where << ": header " << name;
    }

    // One connection, opened once: on PostgreSQL a new one per count took most of the suite's time.
    long long rows() {
        if (!counter_) counter_ = std::move(*pw::store::Database::open(*pw::store::parse_database_url(db())));
        auto session = counter_->session();
        return ::rows(session);
    }

    std::string provider_, moderator_, representative_;
    std::unique_ptr<pw::store::Database> counter_;
    int sent_ = 0;
};
PW_ENGINE_SUITE(HostileInput);

TEST_P(HostileInput, ParticipantFormsRefuseOrEscapeEverything) {
    const std::string rate = "/providers/" + provider_ + "/rate";
    attack(get(port(), rate).body, rate);
    attack(get(port(), "/sanctions/log").body, "/sanctions/log");
    attack(get(port(), "/sanctions/mine").body, "/sanctions/mine");
    attack(get(port(), "/my-codename").body, "/my-codename");
    const auto sign_in_page = get(port(), "/sign-in");  // its token is bound to the cookie it sets
    const auto set = sign_in_page.header("set-cookie");
    attack(sign_in_page.body, "/sign-in", "Cookie: " + set.substr(0, set.find(';')) + "\r\n");
    std::printf("hostile input: %d participant requests, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, AParticipantsOwnCaseFormsRefuseOrEscapeEverything) {
    auto form = get(port(), "/sanctions/log");
    auto logged = request(port(), "POST", "/sanctions/log", kForm,
                          "csrf=" + csrf_in(form.body, "/sanctions/log") + "&referrer=" + provider_ +
                              "&reason=missed-appointment&good_reason=illness&travel_paid=no&benefit=jsa&"
                              "referral_month=1&referral_year=2026");
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(logged.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    auto ask = get(port(), "/sanctions/mine");
    auto cases = request(port(), "POST", "/sanctions/mine", kForm,
                         "csrf=" + csrf_in(ask.body, "/sanctions/mine") + "&codename=" + codename);
    ASSERT_TRUE(std::regex_search(cases.body, m, std::regex(R"re(id="case-([0-9a-f]+)")re")));
    const std::string base = "/sanctions/cases/" + m[1].str();
    attack(cases.body, base + "/step");
    // Sanctioned: the details and letter forms appear.
    auto sanctioned = request(port(), "POST", base + "/step", kForm,
                              "csrf=" + csrf_in(cases.body, base + "/step") + "&codename=" + codename +
                                  "&to=adverse&step_month=2&step_year=2026");
    ASSERT_EQ(sanctioned.status, 200);
    attack(sanctioned.body, base + "/details");
    attack(sanctioned.body, base + "/letter");
    std::printf("hostile input: %d requests on a participant's own case, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, StaffFormsRefuseOrEscapeEverything) {
    // Two stories waiting: one the moderator is attacked through, one published for the provider.
    const std::string url = "/providers/" + provider_ + "/rate";
    std::smatch m;
    for (int i = 0; i < 2; ++i) {
        auto form = get(port(), url);
        auto sent = request(port(), "POST", url, kForm,
                            "csrf=" + csrf_in(form.body, url) + area_of(form.body) +
                                "&stars=2&get_codename=no&confirm=yes&story=The+adviser+never+listened.");
        ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 1000);
    }
    const auto queue = request(port(), "GET", "/moderate", moderator_).body;
    std::vector<std::string> stories;
    static const std::regex reject(R"re(/moderate/stories/([0-9a-f]{16})/reject)re");
    for (auto it = std::sregex_iterator(queue.begin(), queue.end(), reject); it != std::sregex_iterator(); ++it)
        stories.push_back((*it)[1].str());
    ASSERT_EQ(stories.size(), 2u);
    const std::string published = "/moderate/stories/" + stories[1] + "/approve";
    ASSERT_EQ(request(port(), "POST", published, moderator_ + kForm, "csrf=" + csrf_in(queue, published)).status, 200);
    attack(request(port(), "GET", "/provider-area", representative_).body, "/stories/" + stories[1] + "/respond",
           representative_);
    attack(request(port(), "GET", "/provider-area", representative_).body, "/stories/" + stories[1] + "/flag",
           representative_);
    // Anyone may report a published story: every field of the report, attacked.
    std::smatch link;
    const auto provider_page = get(port(), "/providers/" + provider_);
    ASSERT_TRUE(std::regex_search(provider_page.body, link, std::regex(R"re(/stories/[0-9a-f]{16}/report)re")));
    const std::string report = link[0].str();
    attack(get(port(), report).body, report);
    // The responses the attack sent wait for the moderator: each page that shows them escapes them.
    const auto with_responses = request(port(), "GET", "/moderate", moderator_);
    check_body(with_responses, "the moderation queue holding the attack's responses");
    check_body(request(port(), "GET", "/provider-area", representative_), "the provider's list of its responses");
    static const std::regex response_form(R"re(/moderate/responses/([0-9a-f]{16})/reject)re");
    ASSERT_TRUE(std::regex_search(with_responses.body, m, response_form)) << "no response waiting";
    attack(with_responses.body, "/moderate/responses/" + m[1].str() + "/reject", moderator_);
    check_body(request(port(), "GET", "/provider-area", representative_), "the provider reading why it was rejected");
    attack(request(port(), "GET", "/moderate", moderator_).body, "/moderate/stories/" + stories[0] + "/censor",
           moderator_);
    attack(request(port(), "GET", "/moderate", moderator_).body, "/moderate/stories/" + stories[0] + "/reject",
           moderator_);
    // A published response: anyone may report it, and its provider answers the report.
    const std::string respond = "/stories/" + stories[1] + "/respond";
    ASSERT_EQ(request(port(), "POST", respond, representative_ + kForm,
                      "csrf=" + csrf_in(request(port(), "GET", "/provider-area", representative_).body, respond) +
                          "&text=We+will+look+into+it.")
                  .status,
              200);
    const auto waiting = request(port(), "GET", "/moderate", moderator_).body;
    static const std::regex approve_response(R"re(/moderate/responses/([0-9a-f]{16})/approve)re");
    ASSERT_TRUE(std::regex_search(waiting, m, approve_response)) << "no response waiting";
    const std::string approve = m[0].str();
    ASSERT_EQ(request(port(), "POST", approve, moderator_ + kForm, "csrf=" + csrf_in(waiting, approve)).status, 200);
    const auto with_response = get(port(), "/providers/" + provider_).body;
    ASSERT_TRUE(std::regex_search(with_response, link,
                                  std::regex(R"re(/stories/[0-9a-f]{16}/responses/[0-9a-f]{16}/report)re")));
    const std::string response_report = link[0].str();
    attack(get(port(), response_report).body, response_report);
    ASSERT_EQ(request(port(), "POST", response_report, kForm + another_client(),
                      "csrf=" + csrf_in(get(port(), response_report).body, response_report) +
                          "&ground=abusive&explanation=Rude")
                  .status,
              200);
    attack(request(port(), "GET", "/provider-area", representative_).body, "/provider-area/notices/answer",
           representative_);
    check_body(request(port(), "GET", "/moderate", moderator_), "the moderation queue holding the attack's reports");
    std::printf("hostile input: %d staff requests, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, SuggestionFormsRefuseOrEscapeEverything) {
    const std::string suggest = "/providers/" + provider_ + "/suggest";
    attack(get(port(), suggest).body, suggest);
    // The preview's form, sent as its "Send suggestion" button sends it.
    auto form = get(port(), suggest);
    auto preview = request(port(), "POST", suggest, kForm,
                           "csrf=" + csrf_in(form.body, suggest) + "&wants_codename=no&text=More+computers");
    ASSERT_EQ(preview.status, 200);
    attack(preview.body, suggest, "", "confirm=yes");
    // The attack's suggestions wait for the moderator: the queue escapes them; one is published.
    const auto queue = request(port(), "GET", "/moderate", moderator_);
    check_body(queue, "the moderation queue holding the attack's suggestions");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(queue.body, m, std::regex(R"re(/moderate/suggestions/([0-9a-f]{16})/approve)re")));
    const std::string approve = m[0].str();
    ASSERT_EQ(request(port(), "POST", approve, moderator_ + kForm, "csrf=" + csrf_in(queue.body, approve)).status, 200);
    attack(
        request(port(), "GET", "/moderate", moderator_).body,
        "/moderate/suggestions/" +
            [&] {
                std::smatch next;
                const auto page = request(port(), "GET", "/moderate", moderator_).body;
                EXPECT_TRUE(
                    std::regex_search(page, next, std::regex(R"re(/moderate/suggestions/([0-9a-f]{16})/reject)re")));
                return next[1].str();
            }() +
            "/reject",
        moderator_);
    // The representative answers it with every payload in its note.
    const auto area = request(port(), "GET", "/provider-area/suggestions", representative_);
    check_body(area, "the representative's suggestions");
    ASSERT_TRUE(std::regex_search(area.body, m, std::regex(R"re(/suggestions/([0-9a-f]{16})/answer)re")));
    attack(area.body, m[0].str(), representative_);
    // A move the lifecycle allows, with markup in its note: kept, and escaped wherever it shows.
    const auto moved = request(port(), "POST", m[0].str(), representative_ + kForm,
                               "csrf=" + csrf_in(area.body, m[0].str()) +
                                   "&to=under_consideration&note=" + kPayloads[0].encoded + kPayloads[1].encoded);
    ASSERT_EQ(moved.status, 200) << moved.body.substr(0, 500);
    check_body(moved, "the representative's page after a note with markup");
    check_body(request(port(), "GET", "/moderate", moderator_), "the moderation queue holding the attack's notes");
    check_body(get(port(), "/providers/" + provider_), "the provider page listing suggestions");
    std::printf("hostile input: %d suggestion requests, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, ComplaintFormsRefuseOrEscapeEverything) {
    const std::string complain = "/providers/" + provider_ + "/complain";
    attack(get(port(), complain).body, complain);
    // A complaint drafted, with markup in its texts: the letter page, its codename page and the
    // representative's page escape it.
    auto form = get(port(), complain);
    auto drafted =
        request(port(), "POST", complain, kForm,
                "csrf=" + csrf_in(form.body, complain) + "&category=other&what_happened=" + kPayloads[0].encoded +
                    "&wanted=" + kPayloads[1].encoded);
    ASSERT_EQ(drafted.status, 200) << drafted.body.substr(0, 500);
    check_body(drafted, "the drafted letter");
    attack(drafted.body, "/complaints/letter");
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(drafted.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    attack(get(port(), "/complaints/mine").body, "/complaints/mine");
    const auto ask = get(port(), "/complaints/mine");
    auto mine = request(port(), "POST", "/complaints/mine", kForm,
                        "csrf=" + csrf_in(ask.body, "/complaints/mine") + "&codename=" + codename);
    check_body(mine, "the participant's complaints");
    ASSERT_TRUE(std::regex_search(mine.body, m, std::regex(R"re(/complaints/([0-9a-f]+)/step)re")));
    const std::string step = m[0].str();
    attack(mine.body, step);
    ASSERT_EQ(
        request(port(), "POST", step, kForm, "csrf=" + csrf_in(mine.body, step) + "&codename=" + codename + "&to=sent")
            .status,
        200);
    const auto area = request(port(), "GET", "/provider-area/complaints", representative_);
    check_body(area, "the representative's complaints");
    ASSERT_TRUE(std::regex_search(area.body, m, std::regex(R"re(/complaints/([0-9a-f]+)/answer)re")));
    attack(area.body, m[0].str(), representative_, "to=final_response");
    std::printf("hostile input: %d complaint requests, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, AdminFormsRefuseOrEscapeEverything) {
    const auto admin = sign_in(port(), "admin1", create_account(db(), "admin1", "admin"));
    attack(request(port(), "GET", "/admin", admin).body, "/admin/accounts", admin);
    check_body(request(port(), "GET", "/admin", admin), "the accounts page after the attack");
    check_body(request(port(), "GET", "/admin/audit", admin), "the audit log after the attack");
    attack(request(port(), "GET", "/admin/standards", admin).body, "/admin/standards", admin);
    check_body(request(port(), "GET", "/standards"), "the standards page after the attack");
    const std::string link = "/set-up/" + std::string(64, 'b');
    attack(get(port(), link).body, link);
    std::printf("hostile input: %d admin requests, none unescaped, leaking or 5xx\n", sent_);
}

// The import page takes a file: every payload in every column of every kind of file, in the
// kind field and in the file's name. A refused file changes nothing; an accepted one shows its
// text escaped wherever it appears.
TEST_P(HostileInput, AdminImportFilesRefuseOrEscapeEverything) {
    const auto admin = sign_in(port(), "admin1", create_account(db(), "admin1", "admin"));
    const std::map<std::string, std::vector<std::string>> good_rows{
        {"registry", {"Work Programme (2011–2017)", "9", "Hostile Area", "Seetec", "", "src"}},
        {"providers", {"Work Programme (2011–2017)", "5", "Seetec", "Hostile Sub", "src"}},
        {"offices", {"Seetec", "Hostile Office", "Leeds", "LS1", "src"}},
        {"standards", {"Seetec", "We will see you monthly", "src"}},
        {"procedures", {"Seetec", "Write to us", "", "", "src"}}};
    const std::map<std::string, std::string> headers{
        {"registry", "programme,cpa_number,cpa_name,prime_provider,notes,source"},
        {"providers", "programme,cpa_number,prime_provider,subcontractor,source"},
        {"offices", "provider,office_name,town,postcode_district,source"},
        {"standards", "provider,standard,source"},
        {"procedures", "provider,how_to_complain,contact,url,source"}};
    auto quoted = [](const std::string& field) {
        std::string out = "\"";
        for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    auto upload = [&](const std::string& kind, const std::string& filename, const std::string& csv) {
        const std::string boundary = "pw-hostile-boundary";
        const auto token = csrf_in(request(port(), "GET", "/admin/imports", admin).body, "/admin/imports");
        const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token +
                                 "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" +
                                 kind + "\r\n--" + boundary +
                                 "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                                 "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return request(port(), "POST", "/admin/imports",
                       admin + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n" + another_client(),
                       body);
    };
    for (const auto& payload : kPayloads) {
        const auto raw = url_decode(payload.encoded);
        for (const auto& [kind, row] : good_rows) {
            for (std::size_t column = 0; column < row.size(); ++column) {
                std::string line;
                for (std::size_t k = 0; k < row.size(); ++k)
                    line += (k ? "," : "") + quoted(k == column ? raw : row[k]);
                const auto before = rows();
                const auto r = upload(kind, "file.csv", headers.at(kind) + "\r\n" + line + "\r\n");
                const std::string where =
                    "/admin/imports " + kind + " column " + std::to_string(column) + " with " + payload.name;
                ++sent_;
                EXPECT_GT(r.status, 0) << where;
                EXPECT_LT(r.status, 500) << where << "\n" << r.body.substr(0, 500);
                check_body(r, where);
                if (r.status >= 400) {
                    EXPECT_EQ(rows(), before) << where << ": a refused file changed the database";
                }
            }
        }
        const auto as_kind = upload(raw, "file.csv", headers.at("offices") + "\r\n");
        EXPECT_EQ(as_kind.status, 422) << payload.name;
        check_body(as_kind, "/admin/imports kind " + payload.name);
        const auto as_name = upload("offices", raw, headers.at("offices") + "\r\nNobody,X,Leeds,LS1,src\r\n");
        EXPECT_LT(as_name.status, 500) << payload.name;
        check_body(as_name, "/admin/imports filename " + payload.name);
        sent_ += 2;
    }
    // What was accepted shows escaped on the pages that show it.
    check_body(request(port(), "GET", "/providers/" + provider_, admin), "the provider page after the imports");
    check_body(request(port(), "GET", "/providers/" + provider_ + "/complain"), "the complaint form after the imports");
    check_body(request(port(), "GET", "/admin/audit", admin), "the audit log after the imports");
    std::printf("hostile input: %d import requests, none unescaped, leaking or 5xx\n", sent_);
}

TEST_P(HostileInput, SearchesAndAddressesNeverReflectOrInject) {
    for (const auto& payload : kPayloads) {
        for (const std::string target :
             {"/search?q=", "/api/v1/search?q=", "/providers/", "/areas/", "/offices/", "/api/v1/providers/",
              "/api/v1/areas/", "/api/v1/offices/", "/assets/", "/league-table?programme=", "/league-table?sort=",
              "/league-table.csv?kind=", "/api/v1/league-table?area="}) {
            const auto r = get(port(), target + payload.encoded);
            EXPECT_GT(r.status, 0) << target << payload.name;
            EXPECT_LT(r.status, 500) << target << payload.name;
            check_body(r, target + " with " + payload.name);
        }
    }
}
