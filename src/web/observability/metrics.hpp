#pragma once
// Request counts and durations by route pattern and status, in Prometheus text format,
// served from our own /metrics route. Labels never hold a raw path or anything personal.
#include <memory>
#include <string>

namespace pw::web {

class Metrics {
public:
    Metrics();
    ~Metrics();
    void observe(const std::string& method, const std::string& route, int status, double seconds);
    std::string serialize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pw::web
