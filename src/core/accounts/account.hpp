#pragma once
// Accounts are for moderators, provider representatives, researchers, evaluators and admins only. Participants and
// frontline staff never have one.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace pw::accounts {

// A researcher runs target-detection reports on uploaded referral data, and nothing else. An
// evaluator carries out the independent evaluation: today the same reports; the standards and the
// award are theirs to set when those arrive.
enum class Role { moderator, provider, admin, researcher, evaluator };

std::string_view role_name(Role role);
std::optional<Role> role_from(std::string_view name);

struct Account {
    std::int64_t id = 0;
    std::string username;
    Role role = Role::moderator;
    std::optional<std::int64_t> provider_id;  // a provider representative's provider
};

// 3-40 characters: letters, digits, dot, hyphen, underscore.
Result<std::string> check_username(std::string_view username);
// 12-128 characters; nothing else is imposed (length beats rules).
Result<void> check_password(std::string_view password);

// Session lifetimes: a session ends after `idle` without use, and `absolute` after sign-in.
struct SessionPolicy {
    std::chrono::seconds idle{30 * 60};
    std::chrono::seconds absolute{12 * 60 * 60};
};

using Clock = std::chrono::system_clock;  // shared by every server through the database
bool session_alive(Clock::time_point signed_in, Clock::time_point last_used, Clock::time_point now,
                   const SessionPolicy& policy);

// Login throttling by username and client: after `max_failures` failures in `window` from one
// client, that client waits until the window has passed to try that username again. Another
// client is not held up, so nobody can lock a known user out. At most `max_records` are kept;
// past that the expired go first, then the oldest. Pure: the caller keeps it and passes the
// time and the client (a keyed hash of its address, never the address).
class LoginThrottle {
public:
    explicit LoginThrottle(int max_failures = 5, std::chrono::seconds window = std::chrono::minutes(15),
                           std::size_t max_records = 10'000)
        : max_failures_(max_failures), window_(window), max_records_(max_records) {}
    bool allowed(std::string_view username, std::uint64_t client, Clock::time_point now) const;
    void failed(std::string_view username, std::uint64_t client, Clock::time_point now);
    void succeeded(std::string_view username, std::uint64_t client);
    std::size_t size() const { return records_.size(); }

private:
    struct Record {
        int failures = 0;
        Clock::time_point first;
    };
    static std::string key(std::string_view username, std::uint64_t client);
    void make_room(Clock::time_point now);
    int max_failures_;
    std::chrono::seconds window_;
    std::size_t max_records_;
    std::map<std::string, Record, std::less<>> records_;
};

}  // namespace pw::accounts
