#pragma once
// The HTTP server: Boost.Beast over Asio coroutines, one io_context per thread.
// Sessions own limits, timeouts, keep-alive and draining; meaning lives in the handler.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "web/http/message.hpp"

namespace pw::web {

struct ServerConfig {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port; see Server::port()
    unsigned threads = 2;
    std::size_t max_connections = 20000;
    std::size_t header_limit = 8 * 1024;
    // 128 KiB: a staff report's 10,000 characters, each up to 4 bytes and each byte 3 in a form
    // (120,000), with the rest of its form.
    std::size_t body_limit = 128 * 1024;
    // A larger body for the few requests may_upload allows (a researcher's CSV file); it is asked
    // once the headers are in, before the body is read, so nobody else can send a large body.
    // The research form and the 413 page say "32 MB": the file may be 32 MiB, and the form around
    // it (its token, its choices, the multipart boundaries) has 64 KiB more.
    std::size_t upload_limit = 32 * 1024 * 1024 + 64 * 1024;
    std::chrono::milliseconds upload_timeout{120'000};  // to receive an allowed upload's body
    std::function<bool(std::string_view target, std::string_view cookie)> may_upload;
    std::chrono::milliseconds read_timeout{10'000};   // to receive a whole request once it has begun
    std::chrono::milliseconds idle_timeout{120'000};  // between requests on a keep-alive connection
    std::chrono::milliseconds drain_timeout{20'000};  // how long SIGTERM waits for in-flight requests
    // A request the handler has not answered by then gets the refusal page for 503 and the
    // connection is closed; the late answer, if it ever comes, is dropped.
    std::chrono::milliseconds request_deadline{30'000};
    // How much longer the deadline waits for an answer its handler has claimed (claim_answer)
    // before it answers 503 all the same: a safety net, since a claimed answer comes promptly.
    std::chrono::milliseconds claimed_grace{60'000};
    // Request::client from the client's address. With trusted_proxy set, a connection from that
    // address is a proxy's: the client is the last address its X-Forwarded-For names.
    std::function<std::uint64_t(std::string_view address)> client_key;
    std::string trusted_proxy;
    // Whether a request must leave no trace (web/app.cpp says which), from its method, its path
    // percent-decoded as the router reads it, and its Cookie header: the server then writes no
    // line of its own about it either, when it misses its deadline, its handler throws or it is
    // refused, since whatever collects the log stamps each line with the time.
    std::function<bool(std::string_view method, std::string_view path, std::string_view cookie)> untraced;
};

// Handles one request and calls the responder once, on any thread.
using Handler = std::function<void(Request, Responder)>;
// The response for a request the server itself refuses (431, 413, 400), in the site's style;
// traced is false for a request that must leave no trace (ServerConfig::untraced).
using RefusalPage = std::function<Response(int status, bool traced)>;

class Server {
public:
    // Binds at once (so a taken port is an error here, before anything is served).
    Server(ServerConfig config, Handler handler, RefusalPage refusal_page = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    unsigned short port() const;
    // Serves until SIGTERM/SIGINT or stop(); then stops accepting, lets in-flight requests
    // finish (up to drain_timeout), closes idle connections and returns.
    void run();
    void stop();

    std::size_t open_connections() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pw::web
