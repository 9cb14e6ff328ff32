#include "web/http/cookies.hpp"

#include <fmt/format.h>

namespace pw::web {

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        auto end = header.find(';');
        auto pair = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        while (!pair.empty() && pair.back() == ' ') pair.remove_suffix(1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
        auto value = pair.substr(eq + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        for (char c : value) {
            const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                            c == '_' || c == '.';
            if (!ok) return std::nullopt;
        }
        return std::string(value);
    }
    return std::nullopt;
}

std::string session_cookie(std::string_view value, long max_age_seconds) {
    return fmt::format("{}={}; Path=/; Max-Age={}; Secure; HttpOnly; SameSite=Lax", kSessionCookie, value,
                       max_age_seconds);
}

std::string sign_in_cookie(std::string_view value, long max_age_seconds) {
    return fmt::format("{}={}; Path=/; Max-Age={}; Secure; HttpOnly; SameSite=Strict", kSignInCookie, value,
                       max_age_seconds);
}

}  // namespace pw::web
