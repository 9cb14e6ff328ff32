#include "core/throttle/rate_limiter.hpp"

namespace pw::throttle {

int RateLimiter::limit(Action action) const {
    switch (action) {
        case Action::participant_write:
            return limits_.participant_writes_per_hour;
        case Action::codename_lookup:
            return limits_.codename_lookups_per_hour;
        case Action::sign_in:
            return limits_.sign_ins_per_hour;
        case Action::codename_action:
            return limits_.codename_actions_per_hour;
    }
    return 0;
}

bool RateLimiter::allow(Action action, std::uint64_t client, std::int64_t hour) {
    const int most = limit(action);
    if (most <= 0) return true;
    std::lock_guard lock(mutex_);
    if (hour != hour_) {
        counts_.clear();
        hour_ = hour;
    }
    auto found = counts_.find(client);
    if (found == counts_.end()) {
        if (counts_.size() >= limits_.max_clients) return true;
        found = counts_.emplace(client, std::array<int, kActions>{}).first;
    }
    int& count = found->second[static_cast<std::size_t>(action)];
    if (count >= most) return false;
    ++count;
    return true;
}

}  // namespace pw::throttle
