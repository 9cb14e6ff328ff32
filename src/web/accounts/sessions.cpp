#include "web/accounts/sessions.hpp"

#include "crypto/passwords.hpp"

namespace pw::web {

std::string SessionStore::start(std::int64_t account_id, accounts::Clock::time_point now) {
    std::string id = crypto::random_token(16);
    std::lock_guard lock(mutex_);
    if (sessions_.size() >= 4096) {  // forget abandoned sessions now and then, so memory stays bounded
        std::erase_if(sessions_, [&](const auto& entry) {
            return !accounts::session_alive(entry.second.signed_in, entry.second.last_used, now, policy_);
        });
    }
    sessions_[id] = Session{account_id, now, now};
    return id;
}

std::optional<std::int64_t> SessionStore::touch(const std::string& id, accounts::Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    if (!accounts::session_alive(it->second.signed_in, it->second.last_used, now, policy_)) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.last_used = now;
    return it->second.account_id;
}

void SessionStore::end(const std::string& id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
}

bool SessionStore::may_try(std::string_view username, accounts::Clock::time_point now) {
    std::lock_guard lock(mutex_);
    return throttle_.allowed(username, now);
}

void SessionStore::record(std::string_view username, bool success, accounts::Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (success) {
        throttle_.succeeded(username);
    } else {
        throttle_.failed(username, now);
    }
}

}  // namespace pw::web
