// Two server processes over one PostgreSQL, with one secrets file, behave as one site: a form
// from one is accepted by the other, a session or a codename made on one works on the other, and
// killing one under write load loses no acknowledged write.
#include <signal.h>

#include <soci/soci.h>
#include <atomic>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "integration/form_helpers.hpp"
#include "store/database.hpp"
#include "support/test_databases.hpp"

using namespace pw::testing;

namespace {

const std::string kRate = "/providers/1/rate";

class ScaleOut : public ::testing::Test {
protected:
    void SetUp() override {
        PW_REQUIRE_ENGINE(test_db_, pw::store::Engine::postgresql);
        ASSERT_EQ(run_cli({"migrate", "--db", db()}).exit_code, 0);
        ASSERT_EQ(run_cli({"import", "registry", source_dir() + "/tests/data/one_area.csv", "--db", db()}).exit_code,
                  0);
        password_ = create_account(db(), "mod1", "moderator");
        for (auto* server : {&one_, &two_}) {
            *server = std::make_unique<ServerProcess>(
                db(), std::vector<std::string>{"--publish", "off", "--limit-writes", "0", "--no-access-log",
                                               "--secrets", shared_secrets_file()});
            ASSERT_TRUE((*server)->started()) << (*server)->err();
        }
    }
    std::string db() const { return test_db_->url(); }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<ServerProcess> one_, two_;
    std::string password_;
};

std::string token(unsigned short port, const std::string& path) {
    return csrf_in(get(port, path).body, path);
}

}  // namespace

TEST_F(ScaleOut, AFormFetchedFromOneServerIsAcceptedByTheOther) {
    auto saved = request(two_->port(), "POST", kRate, kForm, "csrf=" + token(one_->port(), kRate) + "&stars=4");
    EXPECT_EQ(saved.status, 200) << saved.body.substr(0, 500);
    EXPECT_NE(saved.body.find("Your rating is saved"), std::string::npos);
}

TEST_F(ScaleOut, ASessionMadeOnOneServerWorksOnTheOtherAndEndsOnBoth) {
    const auto session = sign_in(one_->port(), "mod1", password_);
    const auto page = request(two_->port(), "GET", "/moderate", session);
    ASSERT_EQ(page.status, 200);
    auto out = request(two_->port(), "POST", "/sign-out", session + kForm, "csrf=" + csrf_in(page.body, "/sign-out"));
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(request(one_->port(), "GET", "/moderate", session).status, 303);  // to the sign-in page
}

TEST_F(ScaleOut, ACodenameMadeOnOneServerIsRecognisedByTheOther) {
    auto made =
        request(one_->port(), "POST", kRate, kForm, "csrf=" + token(one_->port(), kRate) + "&stars=2&get_codename=yes");
    ASSERT_EQ(made.status, 200);
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(made.body, m, std::regex(R"re(<strong>([a-z]+) ([a-z]+) ([a-z]+) ([a-z]+)</strong>)re")));
    const std::string codename = m[1].str() + "+" + m[2].str() + "+" + m[3].str() + "+" + m[4].str();
    auto shown = request(two_->port(), "POST", "/my-codename", kForm,
                         "csrf=" + token(two_->port(), "/my-codename") + "&codename=" + codename);
    EXPECT_EQ(shown.status, 200) << shown.body.substr(0, 800);
    EXPECT_NE(shown.body.find("2 stars"), std::string::npos) << shown.body.substr(0, 2000);
}

TEST_F(ScaleOut, KillingOneServerUnderWriteLoadLosesNoAcknowledgedWrite) {
    std::set<std::string> acknowledged;
    std::mutex mutex;
    std::atomic<bool> stop{false};
    std::atomic<long long> attempts{0};
    const std::string tokens[] = {token(one_->port(), kRate), token(two_->port(), kRate)};
    const unsigned short ports[] = {one_->port(), two_->port()};
    std::vector<std::thread> clients;
    for (int c = 0; c < 6; ++c) {
        clients.emplace_back([&, c] {
            const int server = c % 2;
            for (int n = 0; !stop; ++n) {
                const auto marker = "scaleout-" + std::to_string(c) + "-" + std::to_string(n);
                auto r = request(ports[server], "POST", kRate, kForm,
                                 "csrf=" + tokens[server] + "&stars=3&get_codename=no&confirm=yes&story=" + marker);
                ++attempts;
                if (r.status == 200 && r.body.find("Your rating is saved") != std::string::npos) {
                    std::lock_guard lock(mutex);
                    acknowledged.insert(marker);
                }
                if (r.status == 0 && server == 0) break;  // the killed server is gone
                if (r.status == 0) ADD_FAILURE() << "the surviving server stopped answering";
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    one_->signal(SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // the other carries on
    stop = true;
    for (auto& client : clients) client.join();
    one_->wait(5000);

    soci::session s("postgresql", pw::store::parse_database_url(db())->connect);
    std::set<std::string> stored;
    soci::rowset<std::string> bodies = (s.prepare << "SELECT body FROM stories");
    for (const auto& body : bodies) stored.insert(body);
    long long lost = 0;
    for (const auto& marker : acknowledged) lost += stored.contains(marker) ? 0 : 1;
    std::printf("scale-out: %lld ratings tried on two servers, %zu acknowledged, one server killed, %lld lost\n",
                attempts.load(), acknowledged.size(), lost);
    EXPECT_GT(acknowledged.size(), 10u);
    EXPECT_EQ(lost, 0);
}
