#pragma once
// Signed-in sessions, kept in the database (store/accounts/sessions.hpp) so that every server
// over it knows them: 128-bit random ids, only their hash stored, a new one at every sign-in,
// idle and absolute timeouts. Sign-in throttling stays in this process's memory: nginx sends
// each client address to one server.
#include <mutex>
#include <optional>
#include <string>

#include "core/accounts/account.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::web {

class SessionStore {
public:
    SessionStore(store::Database& db, store::Writer& writer, accounts::SessionPolicy policy = {})
        : db_(db), writer_(writer), policy_(policy) {}
    // Writes the new session before returning (and forgets dead ones).
    std::string start(std::int64_t account_id, accounts::Clock::time_point now);
    // The account id while the session is alive; marks it used (through the writer, at most
    // once a minute); ends a dead session.
    std::optional<std::int64_t> touch(const std::string& id, accounts::Clock::time_point now);
    void end(const std::string& id);
    // Sign-in attempts, per username and client (accounts::LoginThrottle).
    bool may_try(std::string_view username, std::uint64_t client, accounts::Clock::time_point now);
    void record(std::string_view username, std::uint64_t client, bool success, accounts::Clock::time_point now);
    const accounts::SessionPolicy& policy() const { return policy_; }

private:
    store::Database& db_;
    store::Writer& writer_;
    accounts::SessionPolicy policy_;
    std::mutex mutex_;
    accounts::LoginThrottle throttle_;
};

}  // namespace pw::web
