#include "crypto/csrf.hpp"

#include <sodium.h>

#include <string>

namespace pw::crypto {

namespace {
std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}
}  // namespace

CsrfTokens::CsrfTokens() {
    crypto_auth_keygen(key_.data());
}

std::string CsrfTokens::mac(std::string_view nonce_hex, std::string_view form_path, long day) const {
    const std::string message = std::string(nonce_hex) + "|" + std::string(form_path) + "|" + std::to_string(day);
    unsigned char tag[crypto_auth_BYTES];
    crypto_auth(tag, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key_.data());
    return hex(tag, sizeof tag);
}

std::string CsrfTokens::issue(std::string_view form_path, long day) const {
    unsigned char nonce[16];
    randombytes_buf(nonce, sizeof nonce);
    const std::string nonce_hex = hex(nonce, sizeof nonce);
    return nonce_hex + "." + mac(nonce_hex, form_path, day);
}

bool CsrfTokens::valid(std::string_view token, std::string_view form_path, long day) const {
    const auto dot = token.find('.');
    if (dot != 32 || token.size() != 32 + 1 + 2 * crypto_auth_BYTES) return false;
    const auto nonce_hex = token.substr(0, dot);
    const auto given = token.substr(dot + 1);
    for (long d : {day, day - 1}) {
        const std::string expected = mac(nonce_hex, form_path, d);
        if (sodium_memcmp(expected.data(), given.data(), expected.size()) == 0) return true;
    }
    return false;
}

}  // namespace pw::crypto
