#pragma once
// A short-lived cache of public responses (registry pages, open data), one per worker thread
// so a hit takes no lock. Entries live for a few seconds: a change made by another process (an
// import) shows within that time; a change made by this process calls invalidate() at once.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "web/http/message.hpp"

namespace pw::web {

class PageCache {
public:
    using Clock = std::chrono::steady_clock;
    explicit PageCache(std::chrono::milliseconds ttl, std::size_t max_entries_per_thread = 4096)
        : ttl_(ttl), max_entries_(max_entries_per_thread) {}

    bool enabled() const { return ttl_.count() > 0; }
    std::optional<Response> find(const std::string& key, Clock::time_point now) const;
    void store(const std::string& key, const Response& response, Clock::time_point now);
    void invalidate() { ++generation_; }

private:
    struct Entry {
        Response response;
        Clock::time_point expires;
        std::uint64_t generation;
    };
    using Shard = std::unordered_map<std::string, Entry>;
    Shard& shard() const;

    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    std::atomic<std::uint64_t> generation_{0};
};

}  // namespace pw::web
