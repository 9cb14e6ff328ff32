#include "web/http/router.hpp"

namespace pw::web {

namespace {
std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 1;  // skip the leading '/'
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        parts.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    if (!parts.empty() && parts.back().empty()) parts.pop_back();  // "/" and "/areas/" end in ""
    return parts;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& parts, RouteParams& params) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const auto& seg = pattern[i];
        if (seg == "*") {
            std::string rest;
            for (std::size_t j = i; j < parts.size(); ++j) rest += (j > i ? "/" : "") + parts[j];
            params.values["*"] = rest;
            return i < parts.size();
        }
        if (i >= parts.size()) return false;
        if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
            params.values[seg.substr(1, seg.size() - 2)] = parts[i];
        } else if (seg != parts[i]) {
            return false;
        }
    }
    return pattern.size() == parts.size();
}
}  // namespace

void Router::add(std::string method, std::string pattern, RouteHandler handler, Caching caching,
                 std::vector<std::string> query) {
    add_async(
        std::move(method), std::move(pattern),
        [handler = std::move(handler)](const Request& request, const RouteParams& params, Responder respond) {
            respond(handler(request, params));
        },
        caching, std::move(query));
}

void Router::add_async(std::string method, std::string pattern, AsyncRouteHandler handler, Caching caching,
                       std::vector<std::string> query) {
    auto segments = split(pattern);
    routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler), caching,
                       std::move(query), std::nullopt, Work::quick});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match result;
    if (path.empty() || path.front() != '/') return result;
    const auto parts = split(path);
    for (const auto& route : routes_) {
        RouteParams params;
        if (!matches(route.segments, parts, params)) continue;
        if (route.method != method) {
            result.path_known = true;
            const std::string methods = route.method == "GET" ? "GET, HEAD" : route.method;
            if (result.allow.find(methods) == std::string::npos)
                result.allow += (result.allow.empty() ? "" : ", ") + methods;
            continue;
        }
        result.handler = &route.handler;
        result.pattern = route.pattern;
        result.params = std::move(params);
        result.caching = route.caching;
        result.query = &route.query;
        result.limit = route.limit;
        result.work = route.work;
        return result;
    }
    return result;
}

}  // namespace pw::web
