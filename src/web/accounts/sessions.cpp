#include "web/accounts/sessions.hpp"

#include "crypto/passwords.hpp"
#include "store/accounts/sessions.hpp"

namespace pw::web {

namespace {
std::int64_t seconds(accounts::Clock::time_point at) {
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}
}  // namespace

std::string SessionStore::start(std::int64_t account_id, accounts::Clock::time_point now) {
    std::string id = crypto::random_token(16);
    const auto at = seconds(now);
    store::delete_dead_sessions(db_, at - policy_.idle.count(), at - policy_.absolute.count());
    store::insert_session(db_, crypto::token_digest(id), account_id, at);
    return id;
}

std::optional<std::int64_t> SessionStore::touch(const std::string& id, accounts::Clock::time_point now) {
    const auto digest = crypto::token_digest(id);
    auto stored = store::find_session(db_, digest);
    if (!stored) return std::nullopt;
    const accounts::Clock::time_point signed_in{std::chrono::seconds(stored->signed_in_at)};
    const accounts::Clock::time_point last_used{std::chrono::seconds(stored->last_used_at)};
    if (!accounts::session_alive(signed_in, last_used, now, policy_)) {
        store::delete_session(db_, digest);
        return std::nullopt;
    }
    // Idle timeouts count in minutes: one write a minute per session is enough, and it need not
    // hold up the page.
    if (now - last_used >= std::chrono::minutes(1)) {
        writer_.submit(
            [digest, at = seconds(now)](soci::session& s) {
                store::touch_session(s, digest, at);
                return store::Writer::Outcome::keep;
            },
            [](std::exception_ptr) {});
    }
    return stored->account_id;
}

void SessionStore::end(const std::string& id) {
    store::delete_session(db_, crypto::token_digest(id));
}

bool SessionStore::may_try(std::string_view username, std::uint64_t client, accounts::Clock::time_point now) {
    std::lock_guard lock(mutex_);
    return throttle_.allowed(username, client, now);
}

void SessionStore::record(std::string_view username, std::uint64_t client, bool success,
                          accounts::Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (success) {
        throttle_.succeeded(username, client);
    } else {
        throttle_.failed(username, client, now);
    }
}

}  // namespace pw::web
