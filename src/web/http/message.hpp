#pragma once
// The application's own request and response: the server converts Beast messages to and
// from these, so no handler ever sees a socket or a Beast type.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http/answer.hpp"

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
    // Who answers it, the handler or the server at the deadline (web/http/answer.hpp). Null where no
    // server runs the request (tests, jobs).
    std::shared_ptr<Answer> answer;
    bool abandoned_now() const { return abandoned(answer); }

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

// Completes a request. Called exactly once, from any thread (an async handler calls it from
// the writer thread once its change is on disk).
using Responder = std::function<void(Response)>;

}  // namespace pw::web
