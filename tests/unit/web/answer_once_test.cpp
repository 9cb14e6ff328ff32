// Every request is answered exactly once, whatever drops or repeats its responder.
#include "web/http/answer_once.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

using namespace pw::web;

namespace {
Response page(int status) {
    Response response;
    response.status = status;
    return response;
}
}  // namespace

TEST(AnswerOnce, TheFirstAnswerIsSentAndLaterOnesDropped) {
    std::vector<int> sent;
    int fallbacks = 0;
    {
        auto respond = answer_once([&](Response r) { sent.push_back(r.status); },
                                   [&] {
                                       ++fallbacks;
                                       return page(500);
                                   });
        respond(page(200));
        respond(page(404));
    }
    EXPECT_EQ(sent, std::vector<int>{200});
    EXPECT_EQ(fallbacks, 0);
}

TEST(AnswerOnce, AResponderDroppedUnansweredAnswersWithTheFallback) {
    std::vector<int> sent;
    {
        auto respond = answer_once([&](Response r) { sent.push_back(r.status); }, [] { return page(500); });
        auto copy = respond;  // held by a callback that will never run
    }
    EXPECT_EQ(sent, std::vector<int>{500});
}

TEST(AnswerOnce, ACallbackThatThrowsBeforeAnsweringStillGetsTheRequestAnswered) {
    std::vector<int> sent;
    auto respond = answer_once([&](Response r) { sent.push_back(r.status); }, [] { return page(500); });
    std::thread worker([callback = [respond](bool ok) {
        if (!ok) throw std::runtime_error("render failed");
        respond(page(200));
    }]() mutable {
        try {
            callback(false);
        } catch (const std::exception&) {
        }
    });
    worker.join();
    EXPECT_TRUE(sent.empty());  // this copy still holds it
    respond = nullptr;
    EXPECT_EQ(sent, std::vector<int>{500});
}

TEST(AnswerOnce, AFallbackThatThrowsDoesNotEscapeTheDestructor) {
    bool sent = false;
    {
        auto respond = answer_once([&](Response) { sent = true; }, []() -> Response { throw std::runtime_error("x"); });
    }
    EXPECT_FALSE(sent);  // nothing answered here: the server's deadline does
}
