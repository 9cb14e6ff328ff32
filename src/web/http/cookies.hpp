#pragma once
// Reading the Cookie header and writing Set-Cookie. Only accounts get a cookie; participants never do.
#include <optional>
#include <string>
#include <string_view>

namespace pw::web {

// The value of one cookie in a Cookie header ("a=1; b=2"), if present and well formed.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

inline constexpr std::string_view kSessionCookie = "__Host-pw_session";

// __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/; max_age 0 deletes it.
std::string session_cookie(std::string_view value, long max_age_seconds);

}  // namespace pw::web
