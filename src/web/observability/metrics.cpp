#include "web/observability/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <mutex>
#include <string_view>
#include <unordered_map>

namespace pw::web {

struct Metrics::Impl {
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests = prometheus::BuildCounter()
                                                            .Name("providerwatch_http_requests_total")
                                                            .Help("HTTP requests served")
                                                            .Register(*registry);
    prometheus::Family<prometheus::Histogram>& durations = prometheus::BuildHistogram()
                                                               .Name("providerwatch_http_request_duration_seconds")
                                                               .Help("Time to build a response, by route")
                                                               .Register(*registry);

    // The series of a method, route and status, found once: building their labels for every
    // request cost the writer's thread, which answers most requests, more than the SQL did.
    struct Series {
        prometheus::Counter* requests;
        prometheus::Histogram* duration;
    };
    Series& series(std::string_view method, std::string_view route, int status) {
        std::string key;
        key.reserve(method.size() + route.size() + 8);
        key.append(method).append(" ").append(route).append(" ").append(std::to_string(status));
        std::lock_guard lock(mutex);
        auto it = known.find(key);
        if (it != known.end()) return it->second;
        static const prometheus::Histogram::BucketBoundaries buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1};
        const std::string route_text(route);
        Series made{
            &requests.Add({{"method", std::string(method)}, {"route", route_text}, {"status", std::to_string(status)}}),
            &durations.Add({{"route", route_text}}, buckets)};
        return known.emplace(std::move(key), made).first->second;
    }
    std::mutex mutex;
    std::unordered_map<std::string, Series> known;  // bounded: routes are patterns, statuses few
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

namespace {
// A method label from a fixed few: anything a client can invent would make a series of its own.
std::string_view method_label(std::string_view method) {
    for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
        if (method == known) return known;
    }
    return "OTHER";
}
}  // namespace

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
    auto& series = impl_->series(method_label(method), route, status);
    series.requests->Increment();
    series.duration->Observe(seconds);
}

std::string Metrics::serialize() const {
    return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace pw::web
