#pragma once
// Signed-in sessions, in memory only: nothing about them is written down, and a restart signs
// everyone out. 128-bit random ids, a new one at every sign-in, idle and absolute timeouts.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/accounts/account.hpp"

namespace pw::web {

class SessionStore {
public:
    explicit SessionStore(accounts::SessionPolicy policy = {}) : policy_(policy) {}
    std::string start(std::int64_t account_id, accounts::Clock::time_point now);
    // The account id while the session is alive (and marks it used); ends a dead session.
    std::optional<std::int64_t> touch(const std::string& id, accounts::Clock::time_point now);
    void end(const std::string& id);
    // Sign-in throttling lives beside the sessions: both are per process and never stored.
    bool may_try(std::string_view username, accounts::Clock::time_point now);
    void record(std::string_view username, bool success, accounts::Clock::time_point now);
    const accounts::SessionPolicy& policy() const { return policy_; }

private:
    struct Session {
        std::int64_t account_id;
        accounts::Clock::time_point signed_in;
        accounts::Clock::time_point last_used;
    };
    accounts::SessionPolicy policy_;
    std::mutex mutex_;
    std::unordered_map<std::string, Session> sessions_;
    accounts::LoginThrottle throttle_;
};

}  // namespace pw::web
