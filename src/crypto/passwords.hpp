#pragma once
// Account passwords (argon2id) and random tokens (session ids).
#include <string>
#include <string_view>

namespace pw::crypto {

std::string hash_password(std::string_view password);
bool password_matches(std::string_view hash, std::string_view password);

// 128 random bits as 32 hex digits (session ids), or more when asked.
std::string random_token(std::size_t bytes = 16);

}  // namespace pw::crypto
