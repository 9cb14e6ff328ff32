#pragma once
// Kept detection reports read back from their JSON (analytics/report/reading.hpp), held in memory
// by id: a kept report never changes, so its JSON is parsed once, not on every page that reads it
// beside a staff report. Bounded (the least recently read goes first) and shared by all threads.
// It does not know whether a report still exists: callers check that first.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "analytics/report/reading.hpp"

namespace pw::web {

class KeptReadings {
public:
    using Reading = std::shared_ptr<const analytics::ReportReading>;
    using Load = std::function<std::optional<std::string>()>;  // the report's JSON; nullopt: none

    explicit KeptReadings(std::size_t capacity = 64) : capacity_(capacity ? capacity : 1) {}

    // The reading of report `id`, parsed from what `load` gives on a miss; nullptr when it gives
    // nothing or the text is not a report's JSON (neither is kept).
    Reading get(std::int64_t id, const Load& load);
    // A deleted report's reading is let go at once.
    void forget(std::int64_t id);
    std::size_t size() const;

private:
    using Entries = std::list<std::pair<std::int64_t, Reading>>;  // most recently read first
    std::size_t capacity_;
    mutable std::mutex mutex_;
    Entries entries_;
    std::unordered_map<std::int64_t, Entries::iterator> index_;
};

}  // namespace pw::web
