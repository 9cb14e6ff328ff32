#pragma once
// How often one client may act in an hour. A client is a number the web layer makes from its
// address with a keyed hash that rotates daily (crypto/client_keys): no address is kept here, or
// anywhere. Counts live in memory only and are dropped when the hour turns.
#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace pw::throttle {

enum class Action {
    participant_write,  // rating, story, sanction referral and its steps, withdrawal: a preview too
    codename_lookup,    // typing a codename to come back: each try costs an argon2id hash
    sign_in,            // an account's password checked: argon2id too, whoever the username
    // acting on a case, complaint or report already opened with its codename (recording a step,
    // the level, a letter and its downloads): each hashes the codename again, but someone
    // following their case makes many in a few minutes, and 20 an hour locked them out
    codename_action,
};
inline constexpr std::size_t kActions = 4;

struct Limits {
    int participant_writes_per_hour = 60;  // 0: no limit
    int codename_lookups_per_hour = 20;    // 0: no limit
    int sign_ins_per_hour = 30;            // 0: no limit
    int codename_actions_per_hour = 120;   // 0: no limit
    // Clients counted at once. Past this (an attack from very many addresses) new clients are let
    // through uncounted rather than refused: one shared address must never lock a town out.
    std::size_t max_clients = 200'000;
};

class RateLimiter {
public:
    explicit RateLimiter(Limits limits) : limits_(limits) {}

    // Counts the action and says whether it is within the limit. hour: hours since the epoch.
    bool allow(Action action, std::uint64_t client, std::int64_t hour);
    int limit(Action action) const;

private:
    Limits limits_;
    std::mutex mutex_;
    std::int64_t hour_ = -1;
    std::unordered_map<std::uint64_t, std::array<int, kActions>> counts_;
};

}  // namespace pw::throttle
