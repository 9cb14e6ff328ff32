// Rate limits on participants' actions, counted per client address (a keyed hash of it, never
// the address), with the client taken from X-Forwarded-For only behind --trusted-proxy.
#include <regex>

#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"

using namespace pw::testing;

class RateLimits : public ServerTest {
protected:
    // Posts a rating's first step (the preview) for the office, as the client the headers say.
    HttpResponse rate(unsigned short port, const std::string& headers) {
        const std::string url = "/offices/1/rate";
        const auto form = get(port, url);
        return request(port, "POST", url, kForm + headers,
                       "csrf=" + csrf_in(form.body, url) + area_of(form.body) + "&stars=3&get_codename=no");
    }
    HttpResponse look_up(unsigned short port, const std::string& headers) {
        const auto form = get(port, "/my-codename");
        return request(port, "POST", "/my-codename", kForm + headers,
                       "csrf=" + csrf_in(form.body, "/my-codename") + "&codename=" + url_encode("no such words here"));
    }
    static std::string from(const std::string& address) { return "X-Forwarded-For: " + address + "\r\n"; }
};
PW_ENGINE_SUITE(RateLimits);

TEST_P(RateLimits, PastTheLimitAClientGetsAPlainPageAndOthersBehindTheProxyAreUnaffected) {
    ServerProcess server(db(), {"--publish", "off", "--trusted-proxy", "127.0.0.1", "--limit-writes", "3",
                                "--limit-lookups", "2"});
    ASSERT_TRUE(server.started()) << server.err();
    for (int i = 0; i < 3; ++i) EXPECT_EQ(rate(server.port(), from("198.51.100.1")).status, 200) << i;
    const auto refused = rate(server.port(), from("198.51.100.1"));
    EXPECT_EQ(refused.status, 429);
    EXPECT_NE(refused.body.find("You have sent a lot in a short time"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("Nothing you sent just now was saved"), std::string::npos);
    EXPECT_EQ(refused.header("retry-after"), "3600");
    EXPECT_EQ(rate(server.port(), from("198.51.100.2")).status, 200);  // another client through the proxy
    // The proxy appends the address it saw; what a client wrote before it proves nothing.
    EXPECT_EQ(rate(server.port(), from("203.0.113.7, 198.51.100.1")).status, 429);
    EXPECT_EQ(rate(server.port(), from("203.0.113.8,198.51.100.1")).status, 429);

    // Codename checks have their own, lower limit.
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(look_up(server.port(), from("198.51.100.3")).status, 400);  // a wrong codename, told so
    }
    EXPECT_EQ(look_up(server.port(), from("198.51.100.3")).status, 429);
    EXPECT_EQ(rate(server.port(), from("198.51.100.3")).status, 200);  // and do not use up the other

    // An IPv6 client is its /64: a phone may send from any address in it.
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(rate(server.port(), from("2001:db8:77:1::" + std::to_string(i))).status, 200) << i;
    EXPECT_EQ(rate(server.port(), from("2001:db8:77:1:aaaa::4")).status, 429);
    EXPECT_EQ(rate(server.port(), from("2001:db8:77:2::1")).status, 200);  // the next /64 is another client

    // Pages are never limited.
    for (int i = 0; i < 10; ++i) EXPECT_EQ(get(server.port(), "/offices/1").status, 200);
    server.signal(SIGTERM);
    ASSERT_EQ(server.wait(10000), 0);
    for (const auto* secret : {"198.51.100", "203.0.113", "2001:db8"}) {
        EXPECT_EQ(server.err().find(secret), std::string::npos) << "a client address reached the log";
    }
}

TEST_P(RateLimits, WithoutATrustedProxyXForwardedForIsIgnored) {
    ServerProcess server(db(), {"--publish", "off", "--limit-writes", "2"});
    ASSERT_TRUE(server.started()) << server.err();
    EXPECT_EQ(rate(server.port(), from("198.51.100.1")).status, 200);
    EXPECT_EQ(rate(server.port(), from("198.51.100.2")).status, 200);
    EXPECT_EQ(rate(server.port(), from("198.51.100.3")).status, 429);  // all one client: 127.0.0.1
}

TEST_P(RateLimits, ATrustedProxyMustBeAnAddress) {
    for (const std::string bad : {"localhost", "127.0.0.1:80", "300.1.1.1", "proxy"}) {
        auto refused = run_cli({"serve", "--db", db(), "--port", "0", "--trusted-proxy", bad});
        EXPECT_EQ(refused.exit_code, 2) << bad;
        EXPECT_NE(refused.err.find("--trusted-proxy must be an IP address"), std::string::npos) << refused.err;
    }
}

// Acting on a case already opened is allowed more than opening one; but a codename such a route
// does not recognise counts as a look-up, so it is no faster way to guess codenames.
TEST_P(RateLimits, ACaseOpenedTakesManyActionsButWrongCodenamesThereCountAsLookUps) {
    ServerProcess server(db(), {"--publish", "off", "--trusted-proxy", "127.0.0.1", "--limit-lookups", "2"});
    ASSERT_TRUE(server.started()) << server.err();
    const auto client = from("198.51.100.40");
    const auto form = get(server.port(), "/sanctions/log");
    const auto logged = request(server.port(), "POST", "/sanctions/log", kForm + client,
                                "csrf=" + csrf_in(form.body, "/sanctions/log") +
                                    "&referrer=jobcentre&reason=other&good_reason=none&travel_paid=yes&benefit=uc"
                                    "&referral_month=1&referral_year=2026");
    ASSERT_EQ(logged.status, 200) << logged.body.substr(0, 2000);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(logged.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    const auto ask = get(server.port(), "/sanctions/mine");
    const auto cases = request(server.port(), "POST", "/sanctions/mine", kForm + client,
                               "csrf=" + csrf_in(ask.body, "/sanctions/mine") + "&codename=" + codename);  // look-up 1
    ASSERT_EQ(cases.status, 200);
    ASSERT_TRUE(std::regex_search(cases.body, m, std::regex(R"re(id="case-([0-9a-f]+)")re")));
    const std::string step = "/sanctions/cases/" + m[1].str() + "/step";
    const std::string token = csrf_in(cases.body, step);
    auto act = [&](const std::string& with) {
        return request(server.port(), "POST", step, kForm + client,
                       "csrf=" + token + "&codename=" + with + "&to=adverse&step_month=1&step_year=2026");
    };
    // Many actions with the right codename: more than the 2 look-ups.
    for (int i = 0; i < 5; ++i) EXPECT_NE(act(codename).status, 429) << i;
    EXPECT_EQ(act("maple+river+candle+orbit").status, 400);  // look-up 2: told it is not recognised
    EXPECT_EQ(act("maple+river+candle+lantern").status, 429);  // past the look-ups
    EXPECT_NE(act(codename).status, 429);                       // the owner still acts on their case
}
