#include "store/accounts/sessions.hpp"

namespace pw::store {

void insert_session(Database& db, std::string_view id_hash, std::int64_t account_id, std::int64_t now) {
    auto s = db.session();
    const std::string id(id_hash);
    const long long account = account_id;
    const long long at = now;
    s << "INSERT INTO sessions (id_hash, account_id, signed_in_at, last_used_at) VALUES (:i, :a, :s, :l)",
        soci::use(id), soci::use(account), soci::use(at), soci::use(at);
}

std::optional<StoredSession> find_session(Database& db, std::string_view id_hash) {
    auto s = db.session();
    const std::string id(id_hash);
    long long account = 0;
    long long signed_in = 0;
    long long last_used = 0;
    s << "SELECT account_id, signed_in_at, last_used_at FROM sessions WHERE id_hash = :i", soci::into(account),
        soci::into(signed_in), soci::into(last_used), soci::use(id);
    if (!s.got_data()) return std::nullopt;
    return StoredSession{account, signed_in, last_used};
}

void touch_session(soci::session& s, std::string_view id_hash, std::int64_t now) {
    const std::string id(id_hash);
    const long long at = now;
    s << "UPDATE sessions SET last_used_at = :l WHERE id_hash = :i AND last_used_at < :l2", soci::use(at),
        soci::use(id), soci::use(at);
}

void delete_session(Database& db, std::string_view id_hash) {
    auto s = db.session();
    const std::string id(id_hash);
    s << "DELETE FROM sessions WHERE id_hash = :i", soci::use(id);
}

int delete_dead_sessions(Database& db, std::int64_t idle_before, std::int64_t signed_in_before) {
    auto s = db.session();
    const long long idle = idle_before;
    const long long signed_in = signed_in_before;
    soci::statement st = (s.prepare << "DELETE FROM sessions WHERE last_used_at < :i OR signed_in_at < :s",
                          soci::use(idle), soci::use(signed_in));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
}

}  // namespace pw::store
