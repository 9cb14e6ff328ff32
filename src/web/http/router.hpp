#pragma once
// A small router: patterns like "/areas/{id}", matched segment by segment.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/throttle/rate_limiter.hpp"
#include "web/http/message.hpp"

namespace pw::web {

struct RouteParams {
    std::map<std::string, std::string, std::less<>> values;
    std::string_view get(std::string_view name) const {
        auto it = values.find(name);
        return it == values.end() ? std::string_view{} : std::string_view(it->second);
    }
};

using RouteHandler = std::function<Response(const Request&, const RouteParams&)>;
// For handlers that wait on the writer: they must copy what they need from the request before
// returning, and call respond exactly once.
using AsyncRouteHandler = std::function<void(const Request&, const RouteParams&, Responder respond)>;

// Public: the same answer for everyone, so it may be kept for a moment (web/cache).
enum class Caching { none, public_page };
// Slow: the handler hashes a secret (argon2id), so the app runs it on its slow-work pool, never
// on a thread that serves connections.
enum class Work { quick, slow };

class Router {
public:
    // A public page declares the query parameters it reads: it is handed only those, so the
    // cache can key it by them alone.
    void get(std::string pattern, RouteHandler handler, Caching caching = Caching::none,
             std::vector<std::string> query = {}) {
        add("GET", std::move(pattern), std::move(handler), caching, std::move(query));
    }
    // A participant's action names its rate limit: the app counts it against the client before
    // the handler runs, and past the limit answers 429 itself.
    void post(std::string pattern, RouteHandler handler, std::optional<throttle::Action> limit = std::nullopt,
              Work work = Work::quick) {
        add("POST", std::move(pattern), std::move(handler));
        routes_.back().limit = limit;
        routes_.back().work = work;
    }
    void post_async(std::string pattern, AsyncRouteHandler handler,
                    std::optional<throttle::Action> limit = std::nullopt, Work work = Work::quick) {
        add_async("POST", std::move(pattern), std::move(handler), Caching::none);
        routes_.back().limit = limit;
        routes_.back().work = work;
    }
    void add(std::string method, std::string pattern, RouteHandler handler, Caching caching = Caching::none,
             std::vector<std::string> query = {});
    void add_async(std::string method, std::string pattern, AsyncRouteHandler handler, Caching caching,
                   std::vector<std::string> query = {});

    // A prefix route: "/assets/*" matches any path below it; the rest is params["*"].
    struct Match {
        const AsyncRouteHandler* handler = nullptr;
        std::string pattern;
        RouteParams params;
        bool path_known = false;  // some route has this path, with another method (405)
        std::string allow;        // then, the methods it has ("GET, HEAD", "POST")
        Caching caching = Caching::none;
        const std::vector<std::string>* query = nullptr;  // the parameters a public page reads
        std::optional<throttle::Action> limit;
        Work work = Work::quick;
    };
    Match match(std::string_view method, std::string_view path) const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        AsyncRouteHandler handler;
        Caching caching;
        std::vector<std::string> query;
        std::optional<throttle::Action> limit;
        Work work = Work::quick;
    };
    std::vector<Route> routes_;
};

}  // namespace pw::web
