#include "crypto/passwords.hpp"

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

std::string random_token(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(bytes * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), raw.data(), raw.size());
    out.pop_back();
    return out;
}

}  // namespace pw::crypto

namespace pw::crypto {
std::uint64_t random_bits() {
    std::uint64_t value = 0;
    randombytes_buf(&value, sizeof value);
    return value;
}
}  // namespace pw::crypto
