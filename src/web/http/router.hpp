#pragma once
// A small router: patterns like "/areas/{id}", matched segment by segment.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

// Public: the same answer for everyone, so it may be kept for a moment (web/cache).
enum class Caching { none, public_page };

class Router {
public:
    void get(std::string pattern, RouteHandler handler, Caching caching = Caching::none) {
        add("GET", std::move(pattern), std::move(handler), caching);
    }
    void post(std::string pattern, RouteHandler handler) { add("POST", std::move(pattern), std::move(handler)); }
    void add(std::string method, std::string pattern, RouteHandler handler, Caching caching = Caching::none);

    // A prefix route: "/assets/*" matches any path below it; the rest is params["*"].
    struct Match {
        const RouteHandler* handler = nullptr;
        std::string pattern;
        RouteParams params;
        bool path_known = false;  // some route has this path, with another method (405)
        Caching caching = Caching::none;
    };
    Match match(std::string_view method, std::string_view path) const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        RouteHandler handler;
        Caching caching;
    };
    std::vector<Route> routes_;
};

}  // namespace pw::web
