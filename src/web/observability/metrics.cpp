#include "web/observability/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

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
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
    impl_->requests.Add({{"method", method}, {"route", route}, {"status", std::to_string(status)}}).Increment();
    static const prometheus::Histogram::BucketBoundaries buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1};
    impl_->durations.Add({{"route", route}}, buckets).Observe(seconds);
}

std::string Metrics::serialize() const {
    return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace pw::web
