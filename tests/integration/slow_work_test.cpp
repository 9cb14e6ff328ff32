// Codenames cost argon2id (about 50 ms of a core each). Checked and made on the slow-work pool,
// they must not hold up anything else: with 8 clients guessing codenames and 8 rating with a new
// codename, /healthz stays fast, and guesses past the hourly limit get 429 without any hashing.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "crypto/codenames.hpp"
#include "integration/form_helpers.hpp"
#include "integration/server_test.hpp"

using namespace pw::testing;

class SlowWork : public ServerTest {};
PW_ENGINE_SUITE(SlowWork);

TEST_P(SlowWork, HealthzStaysFastWhileCodenamesAreGuessedAndMade) {
    pw::crypto::initialise();
    // Limits count per clock hour and start again when it turns: a run across the turn would see
    // its counts reset half way (it did, at 16:00 on a CI run). Close to the turn, wait it out.
    const auto now = std::chrono::system_clock::now();
    const auto to_next_hour = std::chrono::ceil<std::chrono::hours>(now) - now;
    if (to_next_hour < std::chrono::minutes(2)) std::this_thread::sleep_for(to_next_hour + std::chrono::seconds(1));
    const auto started_hour = std::chrono::floor<std::chrono::hours>(std::chrono::system_clock::now());
    constexpr int kClients = 8;
    constexpr int kLimit = 10;    // codename look-ups a client may make an hour (--limit-lookups)
    constexpr int kGuesses = 14;  // each guesser: 10 checked, then refused
    constexpr int kRatings = 5;   // each rater: a rating with a new codename, 5 times
    // Its own server without an access log: thousands of lines nobody reads would fill the pipe.
    ServerProcess server(db(), {"--publish", "off", "--trusted-proxy", "127.0.0.1", "--no-access-log",
                                "--limit-lookups", std::to_string(kLimit)});
    ASSERT_TRUE(server.started()) << server.err();
    const auto port = [&] { return server.port(); };
    const std::string url = "/offices/1/rate";
    const auto rate_form = get(port(), url);
    const std::string rate_body =
        "csrf=" + csrf_in(rate_form.body, url) + area_of(rate_form.body) + "&stars=4&get_codename=yes";
    const std::string guess_token = csrf_in(get(port(), "/my-codename").body, "/my-codename");
    std::atomic<bool> busy{true};
    std::mutex mutex;
    std::map<int, int> guess_statuses;
    std::map<int, int> rating_statuses;
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.emplace_back([&] {
            const auto client = another_client();
            for (int i = 0; i < kGuesses; ++i) {
                // Queued behind up to 15 others' argon2id on a machine busy with other tests: the
                // answer may take seconds, and is counted whatever it is.
                const auto r =
                    request(port(), "POST", "/my-codename", kForm + client,
                            "csrf=" + guess_token + "&codename=" + url_encode(pw::crypto::new_codename()), 30'000);
                std::lock_guard lock(mutex);
                ++guess_statuses[r.status];
            }
        });
        clients.emplace_back([&] {
            const auto client = another_client();
            for (int i = 0; i < kRatings; ++i) {
                const auto r = request(port(), "POST", url, kForm + client, rate_body, 30'000);
                std::lock_guard lock(mutex);
                ++rating_statuses[r.status];
            }
        });
    }
    std::vector<double> healthz_ms;
    std::thread prober([&] {
        while (busy) {
            const auto start = std::chrono::steady_clock::now();
            const auto r = get(port(), "/healthz");
            healthz_ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            EXPECT_EQ(r.status, 200);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    for (auto& client : clients) client.join();
    busy = false;
    prober.join();
    ASSERT_EQ(std::chrono::floor<std::chrono::hours>(std::chrono::system_clock::now()), started_hour)
        << "the run took over two minutes and crossed the hour, so the hourly counts were reset";

    std::sort(healthz_ms.begin(), healthz_ms.end());
    ASSERT_GT(healthz_ms.size(), 50u);
    const double p50 = healthz_ms[healthz_ms.size() / 2];
    const double p99 = healthz_ms[healthz_ms.size() * 99 / 100];
    std::printf(
        "slow work: %d clients guessing, %d rating with codenames; /healthz over %zu probes: p50 %.2f ms, "
        "p99 %.2f ms, max %.2f ms\n",
        kClients, kClients, healthz_ms.size(), p50, p99, healthz_ms.back());
    EXPECT_LT(p99, 50.0);
    EXPECT_EQ(guess_statuses[400], kClients * kLimit);  // "We do not recognise that codename"
    EXPECT_EQ(guess_statuses[429], kClients * (kGuesses - kLimit));
    EXPECT_EQ(rating_statuses[200], kClients * kRatings);
    std::string seen;
    for (const auto& [status, n] : guess_statuses)
        seen += " guesses " + std::to_string(status) + ":" + std::to_string(n);
    for (const auto& [status, n] : rating_statuses)
        seen += " ratings " + std::to_string(status) + ":" + std::to_string(n);
    EXPECT_EQ(guess_statuses.size(), 2u) << seen;
    EXPECT_EQ(rating_statuses.size(), 1u) << seen;
}
