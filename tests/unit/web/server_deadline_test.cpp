// The server answers every request within its deadline, whatever the handler does: never
// answers, throws, or answers too late.
#include "web/http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

using namespace pw::web;

namespace {

// Sends one GET on a fresh connection and reads until the server closes it (at most 5 s).
std::string exchange(unsigned short port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return "";
    }
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
    (void)::send(fd, request.data(), request.size(), 0);
    std::string reply;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        char buffer[4096];
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;  // closed
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return reply;
}

class Deadline : public ::testing::Test {
protected:
    void SetUp() override {
        ServerConfig config;
        config.port = 0;
        config.threads = 1;
        config.request_deadline = std::chrono::milliseconds(300);
        config.claimed_grace = std::chrono::milliseconds(1000);
        config.untraced = [](std::string_view, std::string_view path, std::string_view) {
            return path.starts_with("/quiet/");
        };
        server_ = std::make_unique<Server>(
            config,
            [this](Request request, Responder respond) {
                if (request.path == "/never" || request.path == "/quiet/never") {
                    std::lock_guard lock(mutex_);
                    kept_.push_back(std::move(respond));  // held, never called
                    abandoned_.push_back(request.answer);
                } else if (request.path == "/throws" || request.path == "/quiet/throws") {
                    throw std::runtime_error("a bug");
                } else if (request.path == "/late") {
                    std::thread([respond] {
                        std::this_thread::sleep_for(std::chrono::milliseconds(600));
                        respond(Response{200, "text/plain", {}, "too late\n", "-"});
                    }).detach();
                } else if (request.path == "/claims-never") {
                    EXPECT_TRUE(pw::web::claim_answer(request.answer));
                    std::lock_guard lock(mutex_);
                    kept_.push_back(std::move(respond));  // claimed, then never answered
                    abandoned_.push_back(request.answer);
                } else if (request.path == "/claims" || request.path == "/claims-late") {
                    // Claims the answer before the deadline (or after it), then answers after it.
                    const auto wait = std::chrono::milliseconds(request.path == "/claims" ? 100 : 500);
                    std::thread([this, respond, wait, answer = request.answer] {
                        std::this_thread::sleep_for(wait);
                        const bool claimed = pw::web::claim_answer(answer);
                        {
                            std::lock_guard lock(mutex_);
                            claims_.push_back(claimed);
                        }
                        if (!claimed) return;  // the deadline answered: the work is not done
                        std::this_thread::sleep_for(std::chrono::milliseconds(500));
                        respond(Response{200, "text/plain", {}, "claimed\n", "-"});
                    }).detach();
                } else {
                    respond(Response{200, "text/plain", {}, "fine\n", "-"});
                }
            },
            [this](int status, bool traced) {
                std::lock_guard lock(mutex_);
                refused_traced_.push_back(traced);
                return Response{status, "text/plain", {}, "refused " + std::to_string(status) + "\n", "-"};
            });
        thread_ = std::thread([this] { server_->run(); });
    }
    void TearDown() override {
        server_->stop();
        thread_.join();
    }
    unsigned short port() const { return server_->port(); }

    std::unique_ptr<Server> server_;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Responder> kept_;
    std::vector<std::shared_ptr<const Answer>> abandoned_;
    std::vector<bool> claims_;
    std::vector<bool> refused_traced_;
};

}  // namespace

TEST_F(Deadline, AHandlerThatNeverAnswersGets503AtTheDeadlineAndTheConnectionIsClosed) {
    const auto start = std::chrono::steady_clock::now();
    const auto reply = exchange(port(), "/never");
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
    EXPECT_NE(reply.find("refused 503"), std::string::npos);
    EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
    EXPECT_GE(took, std::chrono::milliseconds(250));
    EXPECT_LT(took, std::chrono::seconds(3));  // answered and closed, not held until the client gives up
    EXPECT_TRUE(exchange(port(), "/").starts_with("HTTP/1.1 200"));  // and the server carries on
}

// A handler that claims its answer before the deadline (a report queued under the address it
// answers with) is waited for; one that tries after the deadline has answered is told not to.
TEST_F(Deadline, AnAnswerClaimedBeforeTheDeadlineIsWaitedForAndOneClaimedAfterIsNot) {
    const auto claimed = exchange(port(), "/claims");
    EXPECT_TRUE(claimed.starts_with("HTTP/1.1 200")) << claimed;
    EXPECT_NE(claimed.find("claimed"), std::string::npos);
    const auto late = exchange(port(), "/claims-late");
    EXPECT_TRUE(late.starts_with("HTTP/1.1 503")) << late;
    for (int i = 0; i < 200; ++i) {  // the late claim is made, and refused
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::lock_guard lock(mutex_);
        if (claims_.size() == 2) break;
    }
    std::lock_guard lock(mutex_);
    EXPECT_EQ(claims_, (std::vector<bool>{true, false}));
}

// A claim is not a way to hold a connection for ever: an answer claimed and never given is
// answered 503 once the grace has run out too.
TEST_F(Deadline, AnAnswerClaimedAndNeverGivenGets503AfterTheGrace) {
    const auto start = std::chrono::steady_clock::now();
    const auto reply = exchange(port(), "/claims-never");
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
    EXPECT_GE(took, std::chrono::milliseconds(1250)) << "the deadline (300 ms) and the grace (1 s) were waited";
    EXPECT_LT(took, std::chrono::milliseconds(4000));
    std::lock_guard lock(mutex_);
    ASSERT_EQ(abandoned_.size(), 1u);
    EXPECT_EQ(abandoned_[0]->state(), AnswerState::after_grace);
    EXPECT_TRUE(abandoned_[0]->abandoned());  // work still queued for it is not done
}

TEST_F(Deadline, AHandlerThatThrowsGets500) {
    EXPECT_TRUE(exchange(port(), "/throws").starts_with("HTTP/1.1 500"));
}

TEST_F(Deadline, AnAnswerAfterTheDeadlineIsDropped) {
    const auto reply = exchange(port(), "/late");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
    EXPECT_EQ(reply.find("too late"), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the late answer arrives: nothing breaks
    EXPECT_TRUE(exchange(port(), "/").starts_with("HTTP/1.1 200"));
}

TEST_F(Deadline, WorkStillQueuedForARequestAnsweredAtItsDeadlineCanTellItIsAbandoned) {
    const auto reply = exchange(port(), "/never");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
    std::lock_guard lock(mutex_);
    ASSERT_EQ(abandoned_.size(), 1u);
    ASSERT_TRUE(abandoned_[0]);
    EXPECT_TRUE(abandoned_[0]->abandoned());  // a job that checks it before writing does not write
    EXPECT_EQ(abandoned_[0]->state(), AnswerState::at_deadline);
}

// A request that must leave no trace (a staff report, whatever a participant sends) gets its 503
// or its 500 like any other, and the server writes no line about it: whatever collects the log
// stamps each line with the time. Another request's failure is logged as before.
TEST_F(Deadline, AnUntracedRequestThatFailsLeavesNoLogLine) {
    std::ostringstream lines;
    auto previous = spdlog::default_logger();
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("captured", std::make_shared<spdlog::sinks::ostream_sink_mt>(lines)));
    const auto quiet_never = exchange(port(), "/quiet/never");
    const auto quiet_throws = exchange(port(), "/quiet/throws");
    const auto never = exchange(port(), "/never");
    const auto throws = exchange(port(), "/throws");
    spdlog::set_default_logger(previous);
    EXPECT_TRUE(quiet_never.starts_with("HTTP/1.1 503")) << quiet_never;
    EXPECT_TRUE(quiet_throws.starts_with("HTTP/1.1 500")) << quiet_throws;
    EXPECT_TRUE(never.starts_with("HTTP/1.1 503")) << never;
    EXPECT_TRUE(throws.starts_with("HTTP/1.1 500")) << throws;
    const auto log = lines.str();
    // One line each for the traced requests only.
    EXPECT_EQ(log.find("request_deadline"), log.rfind("request_deadline")) << log;
    EXPECT_NE(log.find("request_deadline"), std::string::npos) << log;
    EXPECT_EQ(log.find("handler_threw"), log.rfind("handler_threw")) << log;
    EXPECT_NE(log.find("handler_threw"), std::string::npos) << log;
    std::lock_guard lock(mutex_);
    EXPECT_EQ(refused_traced_, (std::vector<bool>{false, true})) << "the 503 pages, quiet first";
}
