#include "web/http/server.hpp"

#include "web/http/beast_request.hpp"

#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

namespace pw::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

// Per io_context: streams waiting for the first byte of their next request. Only touched on
// that context's own thread, so it needs no lock.
struct Shard {
    asio::io_context ioc{1};
    std::unordered_set<beast::tcp_stream*> idle;
};

int refusal_status(const beast::error_code& ec) {
    if (ec == http::error::header_limit) return 431;
    if (ec == http::error::body_limit) return 413;
    return 400;
}

// The address a proxy appended last to X-Forwarded-For: the one it saw. Earlier entries are
// whatever the client sent and prove nothing.
std::string_view last_forwarded(std::string_view header) {
    const auto comma = header.rfind(',');
    auto last = comma == std::string_view::npos ? header : header.substr(comma + 1);
    while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
    while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
    return last;
}
}  // namespace

struct Server::Impl {
    ServerConfig config;
    Handler handler;
    RefusalPage refusal_page;
    std::vector<std::unique_ptr<Shard>> shards;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    std::atomic<std::size_t> connections{0};
    std::atomic<bool> stopping{false};
    std::atomic<std::size_t> next_shard{0};
    std::once_flag stop_once;

    Impl(ServerConfig c, Handler h, RefusalPage r)
        : config(std::move(c)),
          handler(std::move(h)),
          refusal_page(std::move(r)),
          shards(make_shards(config.threads)),
          acceptor(shards[0]->ioc),
          signals(shards[0]->ioc, SIGTERM, SIGINT) {
        tcp::endpoint endpoint(asio::ip::make_address(config.bind), config.port);
        acceptor.open(endpoint.protocol());
        acceptor.set_option(asio::socket_base::reuse_address(true));
        acceptor.bind(endpoint);
        acceptor.listen(asio::socket_base::max_listen_connections);
    }

    static std::vector<std::unique_ptr<Shard>> make_shards(unsigned threads) {
        std::vector<std::unique_ptr<Shard>> list;
        for (unsigned i = 0; i < std::max(1u, threads); ++i) list.push_back(std::make_unique<Shard>());
        return list;
    }

    awaitable<void> accept_loop() {
        while (!stopping) {
            auto& shard = *shards[next_shard++ % shards.size()];
            auto [ec, socket] = co_await acceptor.async_accept(shard.ioc, asio::as_tuple(use_awaitable));
            if (ec) {
                if (stopping || ec == asio::error::operation_aborted) break;
                spdlog::warn("event=accept_failed error=\"{}\"", ec.message());
                continue;
            }
            if (connections >= config.max_connections) {
                socket.close();  // over the cap: refuse at once rather than queue without bound
                continue;
            }
            ++connections;
            asio::co_spawn(shard.ioc, session(shard, std::move(socket)), asio::detached);
        }
    }

    // Runs the handler and waits for its response, which may come from another thread, until
    // the request's deadline; then answers 503 itself. Sets timed_out when it did.
    awaitable<Response> respond_to(Request request, bool& timed_out, bool quiet) {
        struct Pending {
            asio::steady_timer ready;
            std::optional<Response> response;
            std::atomic<bool> in_call{true};  // the handler has not returned yet
            // Who answers (web/http/answer.hpp): apart from this, so that work still queued does not
            // keep the timer alive past its io_context.
            std::shared_ptr<Answer> answer = std::make_shared<Answer>();
            std::thread::id caller = std::this_thread::get_id();
            Pending(asio::any_io_executor executor, std::chrono::milliseconds deadline)
                : ready(std::move(executor), deadline) {}
        };
        auto executor = co_await asio::this_coro::executor;
        auto pending = std::make_shared<Pending>(executor, config.request_deadline);
        request.answer = pending->answer;
        try {
            handler(std::move(request), [pending, executor](Response response) {
                if (pending->in_call && std::this_thread::get_id() == pending->caller) {
                    pending->response = std::move(response);  // answered at once, on this thread
                    return;
                }
                asio::post(executor, [pending, response = std::move(response)]() mutable {
                    if (pending->response) return;  // too late: the deadline answered
                    pending->response = std::move(response);
                    pending->ready.cancel();
                });
            });
        } catch (const std::exception& e) {
            if (!quiet) spdlog::error("event=handler_threw error=\"{}\"", e.what());
            if (!pending->response) {
                pending->response =
                    Response{500, "text/plain; charset=utf-8", {}, "Sorry, something went wrong.\n", "-"};
            }
        }
        pending->in_call = false;
        bool waited_for_claim = false;
        while (!pending->response) {
            auto [ec] = co_await pending->ready.async_wait(asio::as_tuple(use_awaitable));
            if (!ec && !pending->response && !waited_for_claim && !pending->answer->answer_at_deadline()) {
                // Claimed (Answer::claim): its answer is on its way, and a dropped responder still
                // answers (web/app.cpp), so this wait is a safety net only.
                waited_for_claim = true;
                pending->ready.expires_after(config.claimed_grace);
                continue;
            }
            if (!ec && !pending->response) {  // the timer ran out, not cancelled by an answer
                if (waited_for_claim) {
                    if (!quiet) spdlog::error("event=claimed_answer_late grace_ms={}", config.claimed_grace.count());
                    pending->answer->answer_after_grace();
                }
                if (!quiet) spdlog::error("event=request_deadline deadline_ms={}", config.request_deadline.count());
                timed_out = true;
                Response page =
                    refusal_page ? refusal_page(503, !quiet) : Response{503, "text/plain; charset=utf-8", {}, "", ""};
                page.status = 503;
                pending->response = std::move(page);
            }
        }
        co_return std::move(*pending->response);
    }

    awaitable<void> write_refusal(beast::tcp_stream& stream, int status, bool quiet) {
        Response page =
            refusal_page ? refusal_page(status, !quiet) : Response{status, "text/plain; charset=utf-8", {}, "", ""};
        page.status = status;
        http::response<http::string_body> res{static_cast<http::status>(status), 11};
        res.set(http::field::content_type, page.content_type);
        for (const auto& [name, value] : page.headers) res.set(name, value);
        res.set(http::field::connection, "close");
        res.body() = std::move(page.body);
        res.prepare_payload();
        stream.expires_after(config.read_timeout);
        co_await http::async_write(stream, res, asio::as_tuple(use_awaitable));
    }

    awaitable<void> session(Shard& shard, tcp::socket socket) {
        struct Count {
            std::atomic<std::size_t>& n;
            ~Count() { --n; }
        } count{connections};
        beast::error_code peer_ec;
        const auto peer = socket.remote_endpoint(peer_ec);
        const std::string peer_address = peer_ec ? std::string() : peer.address().to_string();
        const bool from_proxy = !config.trusted_proxy.empty() && peer_address == config.trusted_proxy;
        beast::tcp_stream stream(std::move(socket));
        beast::flat_buffer buffer(config.header_limit + config.body_limit);
        for (;;) {
            if (buffer.size() == 0) {
                // Idle: waiting for the next request. Draining may close the connection here.
                if (stopping) break;
                shard.idle.insert(&stream);
                stream.expires_after(config.idle_timeout);
                auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), asio::as_tuple(use_awaitable));
                shard.idle.erase(&stream);
                if (ec) break;
                buffer.commit(n);
            }
            http::request_parser<http::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
            // Beast checks a Content-Length against the limit as the headers arrive, so the parser
            // starts at the upload limit and the ordinary limit is applied here for everyone else.
            parser.body_limit(config.may_upload ? std::max(config.body_limit, config.upload_limit) : config.body_limit);
            stream.expires_after(config.read_timeout);
            auto [header_ec, header_n] =
                co_await http::async_read_header(stream, buffer, parser, asio::as_tuple(use_awaitable));
            beast::error_code ec = header_ec;
            if (!ec && config.may_upload) {
                const auto& head = parser.get();
                bool allowed = false;
                try {  // it reads the session from the database, which may be down
                    allowed = config.may_upload(head.target(), head[http::field::cookie]);
                } catch (const std::exception&) {
                    spdlog::error("event=upload_check_failed");  // the app logs its own failures' detail
                }
                if (!allowed) {
                    if (parser.content_length().value_or(0) > config.body_limit)
                        ec = http::error::body_limit;
                    else
                        parser.body_limit(config.body_limit);  // a chunked body is held to it as it comes
                } else {
                    stream.expires_after(config.upload_timeout);  // a large file on a slow line
                }
            }
            if (!ec && !parser.is_done()) {
                auto [body_ec, body_n] =
                    co_await http::async_read(stream, buffer, parser, asio::as_tuple(use_awaitable));
                ec = body_ec;
            }
            if (ec == beast::error::timeout || ec == http::error::end_of_stream || ec == asio::error::eof ||
                ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
                break;
            }
            if (ec) {
                // Refused before the request was read whole: whether it leaves a trace is read from
                // its headers, when they arrived whole (a target that does not parse is traced).
                bool quiet = false;
                if (!header_ec && config.untraced) {
                    const auto& head = parser.get();
                    const auto origin = boost::urls::parse_origin_form(head.target());
                    quiet = origin && config.untraced(head.method_string(), origin->path(), head[http::field::cookie]);
                }
                co_await write_refusal(stream, refusal_status(ec), quiet);
                break;
            }
            auto message = parser.release();
            const bool keep_alive = message.keep_alive() && !stopping;
            const bool head = message.method() == http::verb::head;
            const unsigned version = message.version();
            bool bad_target = false;
            Request request = to_request(message, bad_target);
            if (bad_target) {
                co_await write_refusal(stream, 400, false);  // a target that does not parse is traced
                break;
            }
            if (config.client_key) {
                const auto forwarded = from_proxy ? request.header("x-forwarded-for") : std::nullopt;
                request.client = config.client_key(forwarded ? last_forwarded(*forwarded) : peer_address);
            }
            const bool quiet =
                config.untraced && config.untraced(request.method, request.path, request.header("cookie").value_or(""));
            bool timed_out = false;
            Response response = co_await respond_to(std::move(request), timed_out, quiet);
            http::response<http::string_body> res{static_cast<http::status>(response.status), version};
            res.set(http::field::content_type, response.content_type);
            for (const auto& [name, value] : response.headers) res.set(name, value);
            res.keep_alive(keep_alive && !timed_out);
            const auto length = response.body.size();
            if (!head) res.body() = std::move(response.body);
            res.prepare_payload();
            if (head) res.content_length(length);
            stream.expires_after(config.read_timeout);
            auto [write_ec, written] = co_await http::async_write(stream, res, asio::as_tuple(use_awaitable));
            if (write_ec || !keep_alive || timed_out) break;
        }
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream.socket().close(ignored);
    }

    void begin_stop() {
        std::call_once(stop_once, [this] {
            stopping = true;
            asio::post(shards[0]->ioc, [this] {
                beast::error_code ignored;
                acceptor.close(ignored);
                signals.cancel(ignored);
            });
            for (auto& shard : shards) {
                asio::post(shard->ioc, [s = shard.get()] {
                    for (auto* stream : s->idle) stream->cancel();
                });
            }
        });
    }
};

Server::Server(ServerConfig config, Handler handler, RefusalPage refusal_page)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(refusal_page))) {}
Server::~Server() = default;

unsigned short Server::port() const {
    return impl_->acceptor.local_endpoint().port();
}
std::size_t Server::open_connections() const {
    return impl_->connections;
}
void Server::stop() {
    impl_->begin_stop();
}

void Server::run() {
    auto& impl = *impl_;
    impl.signals.async_wait([&impl](const beast::error_code& ec, int signal) {
        if (ec) return;
        spdlog::info("event=shutdown signal={} open_connections={}", signal, impl.connections.load());
        impl.begin_stop();
    });
    asio::co_spawn(impl.shards[0]->ioc, impl.accept_loop(), asio::detached);

    // Work guards keep every context alive until draining says otherwise.
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    for (auto& shard : impl.shards) guards.push_back(asio::make_work_guard(shard->ioc));
    std::vector<std::thread> threads;
    for (auto& shard : impl.shards) threads.emplace_back([s = shard.get()] { s->ioc.run(); });

    // Wait for stop, then for in-flight requests to finish (bounded by drain_timeout).
    while (!impl.stopping) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto deadline = std::chrono::steady_clock::now() + impl.config.drain_timeout;
    while (impl.connections > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    guards.clear();
    if (impl.connections > 0) {
        spdlog::warn("event=drain_timeout open_connections={}", impl.connections.load());
        for (auto& shard : impl.shards) shard->ioc.stop();
    }
    for (auto& thread : threads) thread.join();
}

}  // namespace pw::web
