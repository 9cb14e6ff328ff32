#pragma once
// Form tokens against cross-site request forgery, without a cookie (participants get none):
// a random nonce and its MAC over the form's path and the day, under the deployment's form key
// (crypto/secrets.hpp), so every server accepts every server's tokens. A token is good for the
// day it was made and the next.
#include <array>
#include <string>
#include <string_view>

namespace pw::crypto {

class CsrfTokens {
public:
    CsrfTokens();  // a fresh random key: for tests, and tools that serve nobody twice
    explicit CsrfTokens(const std::array<unsigned char, 32>& key) : key_(key) {}
    std::string issue(std::string_view form_path, long day) const;
    bool valid(std::string_view token, std::string_view form_path, long day) const;

private:
    std::string mac(std::string_view nonce_hex, std::string_view form_path, long day) const;
    std::array<unsigned char, 32> key_{};
};

}  // namespace pw::crypto
