#include "core/accounts/account.hpp"

#include <algorithm>

#include "core/text/text.hpp"

namespace pw::accounts {

std::string_view role_name(Role role) {
    switch (role) {
        case Role::moderator:
            return "moderator";
        case Role::provider:
            return "provider";
        case Role::admin:
            return "admin";
        case Role::researcher:
            return "researcher";
        case Role::evaluator:
            return "evaluator";
    }
    return "moderator";
}

std::optional<Role> role_from(std::string_view name) {
    for (auto role : {Role::moderator, Role::provider, Role::admin, Role::researcher, Role::evaluator}) {
        if (role_name(role) == name) return role;
    }
    return std::nullopt;
}

Result<std::string> check_username(std::string_view username) {
    username = text::trim(username);
    if (username.size() < 3 || username.size() > 40) {
        return fail(ErrorKind::invalid_input, "A username has 3 to 40 characters");
    }
    for (char c : username) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_';
        if (!ok)
            return fail(ErrorKind::invalid_input,
                        "A username uses only letters, numbers, dots, hyphens and underscores");
    }
    std::string lower(username);
    for (auto& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return lower;
}

Result<void> check_password(std::string_view password) {
    if (password.size() < 12) return fail(ErrorKind::invalid_input, "A password has at least 12 characters");
    if (password.size() > 128) return fail(ErrorKind::invalid_input, "A password has at most 128 characters");
    if (!text::is_valid_utf8(password)) return fail(ErrorKind::invalid_input, "A password must be valid text");
    return {};
}

bool session_alive(Clock::time_point signed_in, Clock::time_point last_used, Clock::time_point now,
                   const SessionPolicy& policy) {
    return now - last_used < policy.idle && now - signed_in < policy.absolute;
}

std::string LoginThrottle::key(std::string_view username, std::uint64_t client) {
    return std::to_string(client) + " " + std::string(username);
}

bool LoginThrottle::allowed(std::string_view username, std::uint64_t client, Clock::time_point now) const {
    auto it = records_.find(key(username, client));
    if (it == records_.end()) return true;
    return it->second.failures < max_failures_ || now - it->second.first >= window_;
}

void LoginThrottle::make_room(Clock::time_point now) {
    std::erase_if(records_, [&](const auto& entry) { return now - entry.second.first >= window_; });
    // Then the oldest that blocks nobody, so junk usernames cannot push a blocking record out;
    // only when every record blocks does the oldest of them go.
    while (records_.size() >= max_records_) {
        auto oldest = records_.end();
        for (const bool spare_blocking : {true, false}) {
            for (auto it = records_.begin(); it != records_.end(); ++it) {
                if (spare_blocking && it->second.failures >= max_failures_) continue;
                if (oldest == records_.end() || it->second.first < oldest->second.first) oldest = it;
            }
            if (oldest != records_.end()) break;
        }
        records_.erase(oldest);
    }
}

void LoginThrottle::failed(std::string_view username, std::uint64_t client, Clock::time_point now) {
    const auto k = key(username, client);
    if (!records_.contains(k) && records_.size() >= max_records_) make_room(now);
    auto& record = records_[k];
    if (record.failures == 0 || now - record.first >= window_) record = Record{0, now};
    ++record.failures;
}

void LoginThrottle::succeeded(std::string_view username, std::uint64_t client) {
    if (auto it = records_.find(key(username, client)); it != records_.end()) records_.erase(it);
}

}  // namespace pw::accounts
