// What the server guarantees whatever the page: headers, limits, assets, health, logs, shutdown.
#include <signal.h>
#include <unistd.h>
#include <regex>

#include <chrono>
#include <sstream>

#include "integration/server_test.hpp"

using namespace pw::testing;

class ServerBehaviour : public ServerTest {};
PW_ENGINE_SUITE(ServerBehaviour);

TEST_P(ServerBehaviour, EveryResponseCarriesTheSecurityHeaders) {
    for (std::string target : {"/", "/nope", "/api/v1/areas", "/static/providerwatch.css"}) {
        auto r = get(port(), target);
        const auto csp = r.header("content-security-policy");
        EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << target;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
        EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
        EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << target;
    }
    EXPECT_EQ(get(port(), "/").header("cache-control"), "no-store");
}

TEST_P(ServerBehaviour, PagesHaveNoInlineScript) {
    auto home = get(port(), "/");
    std::size_t at = 0;
    while ((at = home.body.find("<script", at)) != std::string::npos) {
        const auto end = home.body.find('>', at);
        EXPECT_NE(home.body.substr(at, end - at).find(" src="), std::string::npos) << home.body.substr(at, 80);
        at = end;
    }
}

TEST_P(ServerBehaviour, AnOversizedHeaderGets431AndTheServerCarriesOn) {
    auto r = request(port(), "GET", "/", "X-Filler: " + std::string(9000, 'a') + "\r\n");
    EXPECT_EQ(r.status, 431);
    EXPECT_NE(r.body.find("The request is too large"), std::string::npos);
    EXPECT_EQ(get(port(), "/healthz").status, 200);
}

TEST_P(ServerBehaviour, AnOversizedBodyGets413AndTheServerCarriesOn) {
    auto r = request(port(), "POST", "/search", "", std::string(140 * 1024, 'x'));
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(get(port(), "/healthz").status, 200);
}

TEST_P(ServerBehaviour, AMalformedRequestGets400AndTheServerCarriesOn) {
    for (std::string garbage :
         {"NOT HTTP AT ALL\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET\r\n\r\n",
          "GET /x HTTP/1.1\r\nBad Header Line\r\n\r\n", "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n"}) {
        Connection c(port());
        ASSERT_TRUE(c.connected());
        c.send(garbage);
        auto r = parse_response(c.read_all(3000));
        EXPECT_EQ(r.status, 400) << garbage;
    }
    EXPECT_EQ(get(port(), "/healthz").status, 200);
}

TEST_P(ServerBehaviour, AssetsAreServedWithLongCacheAndNoPathTraversal) {
    auto css = get(port(), "/static/providerwatch.css?v=1");
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
    EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(css.body.find("GDS Transport"), std::string::npos);  // not a GOV.UK service: no GOV.UK typeface
    auto etag = css.header("etag");
    EXPECT_EQ(request(port(), "GET", "/static/providerwatch.css", "If-None-Match: " + etag + "\r\n").status, 304);
    EXPECT_EQ(get(port(), "/static/govuk-frontend.min.js").status, 200);
    EXPECT_EQ(get(port(), "/static/accessible-autocomplete.min.js").status, 200);
    EXPECT_EQ(get(port(), "/assets/images/favicon.ico").status, 200);
    for (std::string target : {"/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
                               "/static/../CMakeLists.txt", "/assets/nothing.css"}) {
        auto r = get(port(), target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_EQ(r.body.find("root:"), std::string::npos);
    }
    // An encoded slash is not a separator: the path as sent names no page.
    for (std::string target : {"/providers/1%2fcomplain", "/assets/..%2F..%2Fetc/passwd"}) {
        auto r = get(port(), target);
        EXPECT_EQ(r.status, 400) << target;
        EXPECT_EQ(r.body.find("root:"), std::string::npos);
    }
}

TEST_P(ServerBehaviour, HealthAndMetricsAnswer) {
    auto health = get(port(), "/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.body, "ok\n");
    get(port(), "/areas");
    // Request counts by route would time a submission: to anyone but an admin there is no such page.
    EXPECT_EQ(get(port(), "/metrics").status, 404);
}

// --metrics-bind: the counts without an account, on a loopback address only; the main address
// still hides them.
TEST_P(ServerBehaviour, MetricsHaveTheirOwnLoopbackAddressAndNoOther) {
    ServerProcess server(db(), {"--publish", "off", "--metrics-bind", "127.0.0.1:0"});
    ASSERT_TRUE(server.started()) << server.err();
    std::smatch m;
    const auto& out = server.startup_output();
    ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(metrics on http://127\.0\.0\.1:([0-9]+)/metrics)"))) << out;
    const auto metrics_port = static_cast<unsigned short>(std::stoi(m[1].str()));
    EXPECT_EQ(get(server.port(), "/areas").status, 200);
    auto metrics = get(metrics_port, "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("route=\"/areas\""), std::string::npos) << metrics.body;
    EXPECT_EQ(get(metrics_port, "/areas").status, 404);     // nothing else is served there
    EXPECT_EQ(get(server.port(), "/metrics").status, 404);  // and the main address still hides them
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(10000), 0);  // both addresses stop

    for (const std::string bad : {"0.0.0.0:9100", "192.0.2.1:9100", "127.0.0.1", "127.0.0.1:x", "localhost:99999"}) {
        auto refused = run_cli({"serve", "--db", db(), "--port", "0", "--metrics-bind", bad});
        EXPECT_EQ(refused.exit_code, 2) << bad;
        EXPECT_NE(refused.err.find("--metrics-bind must be a loopback address and port"), std::string::npos)
            << refused.err;
    }
}

TEST_P(ServerBehaviour, LogsNameTheRouteButNeverTheClientOrWhatItSearched) {
    request(port(), "GET", "/search?q=zebraword+quagga",
            "User-Agent: TestAgent/1.0\r\nX-Forwarded-For: 203.0.113.9\r\n");
    get(port(), "/providers/1");
    server_->signal(SIGTERM);
    ASSERT_EQ(server_->wait(10000), 0);
    const auto& log = server_->err();
    EXPECT_NE(log.find("method=GET route=/search status=200"), std::string::npos) << log;
    EXPECT_NE(log.find("route=/providers/{id}"), std::string::npos) << log;
    for (auto secret : {"zebraword", "quagga", "TestAgent", "203.0.113.9"}) {
        EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in " << log;
    }
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("route=") != std::string::npos) {
            EXPECT_EQ(line.find("127.0.0.1"), std::string::npos) << line;
        }
    }
}

TEST_P(ServerBehaviour, SigtermFinishesTheRequestInFlightClosesIdleConnectionsAndExitsCleanly) {
    Connection idle(port());
    Connection busy(port());
    ASSERT_TRUE(idle.connected() && busy.connected());
    ASSERT_TRUE(busy.send("GET /areas HTTP/1.1\r\nHost: x\r\n"));  // a request half sent
    usleep(200'000);
    server_->signal(SIGTERM);
    EXPECT_TRUE(idle.closed_by_peer(5000));
    ASSERT_TRUE(busy.send("\r\n"));  // the rest arrives after the signal
    auto r = parse_response(busy.read_all(5000));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("connection"), "close");
    EXPECT_NE(r.body.find("CPA 18"), std::string::npos);
    EXPECT_EQ(server_->wait(10000), 0);
    EXPECT_FALSE(Connection(port()).connected());  // no longer accepting
}

// The connection cap does not depend on the engine: SQLite only.
TEST(ConnectionCap, ConnectionsOverTheCapAreRefusedAndTheServerRecovers) {
    std::unique_ptr<TestDatabase> test_db;
    PW_REQUIRE_ENGINE(test_db, pw::store::Engine::sqlite);
    ASSERT_EQ(run_cli({"migrate", "--db", test_db->url()}).exit_code, 0);
    ServerProcess server(test_db->url(), {"--max-connections", "3"});
    ASSERT_TRUE(server.started()) << server.err();
    {
        std::vector<std::unique_ptr<Connection>> held;
        for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<Connection>(server.port()));
        usleep(200'000);
        Connection over(server.port());
        over.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto start = std::chrono::steady_clock::now();
        const std::string answer = over.read_all(3000);  // returns at once when the server closes
        EXPECT_TRUE(answer.empty()) << answer;
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2000));
    }
    usleep(200'000);  // the held connections are closed: slots free again
    EXPECT_EQ(get(server.port(), "/healthz").status, 200);
}
