#pragma once
// Signed-in sessions in the database (migration 013), keyed by a hash of the session id. Times
// are seconds since the epoch. Each function is one statement on a session of its own.
#include <cstdint>
#include <optional>
#include <string_view>

#include "store/database.hpp"

namespace pw::store {

struct StoredSession {
    std::int64_t account_id = 0;
    std::int64_t signed_in_at = 0;
    std::int64_t last_used_at = 0;
};

void insert_session(Database& db, std::string_view id_hash, std::int64_t account_id, std::int64_t now);
std::optional<StoredSession> find_session(Database& db, std::string_view id_hash);
void touch_session(soci::session& s, std::string_view id_hash, std::int64_t now);
void delete_session(Database& db, std::string_view id_hash);
// Ends every session idle since idle_before or signed in before signed_in_before.
int delete_dead_sessions(Database& db, std::int64_t idle_before, std::int64_t signed_in_before);

}  // namespace pw::store
