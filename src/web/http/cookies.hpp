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

// Before sign-in: a random value the sign-in form's token is bound to, so a form posted from
// another site (which cannot read or set it) cannot sign a browser in as someone else.
inline constexpr std::string_view kSignInCookie = "__Host-pw_signin";
std::string sign_in_cookie(std::string_view value, long max_age_seconds);

}  // namespace pw::web
