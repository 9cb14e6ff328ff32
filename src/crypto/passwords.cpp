#include "crypto/passwords.hpp"

#include <array>

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace pw::crypto {

std::string hash_secret(std::string_view secret) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a secret");
    }
    return out;
}

bool secret_matches(std::string_view hash, std::string_view secret) {
    const std::string stored(hash);
    return crypto_pwhash_str_verify(stored.c_str(), secret.data(), secret.size()) == 0;
}

const std::string& stand_in_hash() {
    static const std::string hash = hash_secret(random_token(16));
    return hash;
}

std::string random_token(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(bytes * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), raw.data(), raw.size());
    out.pop_back();
    return out;
}

std::string token_digest(std::string_view token) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    std::string out(sizeof digest * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), digest, sizeof digest);
    out.pop_back();
    return out;
}

}  // namespace pw::crypto

namespace pw::crypto {
// Filled 32 KB at a time: one system call per 4,096 draws, not one per draw (a publication
// draws millions).
std::uint64_t random_bits() {
    thread_local std::array<std::uint64_t, 4096> buffer;
    thread_local std::size_t next = buffer.size();
    if (next == buffer.size()) {
        randombytes_buf(buffer.data(), sizeof buffer);
        next = 0;
    }
    return buffer[next++];
}
}  // namespace pw::crypto
