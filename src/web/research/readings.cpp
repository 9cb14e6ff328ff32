#include "web/research/readings.hpp"

namespace pw::web {

KeptReadings::Reading KeptReadings::get(std::int64_t id, const Load& load) {
    {
        std::lock_guard lock(mutex_);
        if (const auto it = index_.find(id); it != index_.end()) {
            entries_.splice(entries_.begin(), entries_, it->second);
            return it->second->second;
        }
    }
    // Read and parsed outside the lock: a large report must not hold up other pages. Two threads
    // missing at once both parse it; the first to finish is kept.
    const auto json = load();
    auto parsed = json ? analytics::read_report_json(*json) : std::nullopt;
    if (!parsed) return nullptr;
    Reading reading = std::make_shared<const analytics::ReportReading>(std::move(*parsed));
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(id); it != index_.end()) return it->second->second;
    entries_.emplace_front(id, reading);
    index_[id] = entries_.begin();
    if (entries_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
    return reading;
}

void KeptReadings::forget(std::int64_t id) {
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(id); it != index_.end()) {
        entries_.erase(it->second);
        index_.erase(it);
    }
}

std::size_t KeptReadings::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace pw::web
