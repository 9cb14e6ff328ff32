#pragma once
// Secrets (account passwords and codenames) hashed with argon2id, and random tokens.
#include <cstdint>
#include <string>
#include <string_view>

namespace pw::crypto {

// libsodium crypto_pwhash_str with argon2id and interactive limits; salted, so never equal twice.
std::string hash_secret(std::string_view secret);
bool secret_matches(std::string_view hash, std::string_view secret);

// A hash nothing matches: checked when there is nothing to check (an unknown username, a codename
// look-up with no candidate), so that a refusal costs the same as a wrong secret.
const std::string& stand_in_hash();

// 128 random bits as 32 hex digits (session ids), or more when asked.
std::string random_token(std::size_t bytes = 16);

// BLAKE2b of a token, in hex: what the database keeps of a session id.
std::string token_digest(std::string_view token);

}  // namespace pw::crypto

namespace pw::crypto {
// 64 bits from libsodium's randombytes: the randomness behind published figures' noise.
std::uint64_t random_bits();
}  // namespace pw::crypto
