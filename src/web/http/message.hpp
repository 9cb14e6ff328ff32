#pragma once
// The application's own request and response: the server converts Beast messages to and
// from these, so no handler ever sees a socket or a Beast type.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pw::web {

struct Request {
    std::string method;                                        // "GET", "HEAD", "POST", ...
    std::string target;                                        // as sent: "/providers/3?x=1"
    std::string path;                                          // percent-decoded path, without the query
    std::string query;                                         // raw query string, without '?'
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;
    // Who sent it, for rate limits only: a keyed hash of the client's address that rotates daily
    // (crypto/client_keys). The address itself never leaves the connection's code.
    std::uint64_t client = 0;
    // Set once the server has answered this request itself, at its deadline: work queued for it
    // and not yet done should not be done, since its answer can no longer say what happened.
    std::shared_ptr<const std::atomic<bool>> abandoned;
    bool abandoned_now() const { return abandoned && abandoned->load(); }
    // Who gives the answer: kOpen until the deadline answers (kAnswered, and `abandoned` is set) or
    // the handler claims it (kClaimed, claim_answer), whichever comes first. Null where no server
    // runs the request (tests, jobs).
    static constexpr int kOpen = 0, kAnswered = 1, kClaimed = 2;
    std::shared_ptr<std::atomic<int>> answer_state;

    std::optional<std::string_view> header(std::string_view lower_name) const {
        for (const auto& [name, value] : headers) {
            if (name == lower_name) return value;
        }
        return std::nullopt;
    }
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string route;  // the matched route pattern, for logs and metrics (never the raw path)

    void set_header(std::string name, std::string value) {
        for (auto& header : headers) {
            if (header.first == name) {
                header.second = std::move(value);
                return;
            }
        }
        headers.emplace_back(std::move(name), std::move(value));
    }
};

// For work whose answer must be the one the person sees (a report queued under the address the
// answer gives): true when the answer is now the handler's to give, and the deadline waits for it
// (up to ServerConfig::claimed_grace more); false when the deadline has already answered, and the
// work should not be done. The handler must answer promptly once it has claimed.
inline bool claim_answer(const std::shared_ptr<std::atomic<int>>& state) {
    if (!state) return true;
    int open = Request::kOpen;
    return state->compare_exchange_strong(open, Request::kClaimed) || open == Request::kClaimed;
}

// Completes a request. Called exactly once, from any thread (an async handler calls it from
// the writer thread once its change is on disk).
using Responder = std::function<void(Response)>;

}  // namespace pw::web
