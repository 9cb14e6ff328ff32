#pragma once
// Keys as text, for the files that hold them (secrets.cpp, staff_keys.cpp): hex, and their lines.
#include <sodium.h>

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace pw::crypto {

template <std::size_t N>
std::string hex(const std::array<unsigned char, N>& bytes) {
    std::string out(N * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), N);
    out.pop_back();  // the terminating zero
    return out;
}

// Exactly 2N hex digits into bytes; false (bytes unspecified) for anything else.
template <std::size_t N>
bool unhex(std::string_view text, std::array<unsigned char, N>& bytes) {
    if (text.size() != 2 * N) return false;
    for (const char c : text) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    std::size_t length = 0;
    return sodium_hex2bin(bytes.data(), N, text.data(), text.size(), nullptr, &length, nullptr) == 0 && length == N;
}

// A line of a key file without the spaces, tabs and carriage return around it.
inline std::string_view trim_line(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

// Bytes as base64 text (the original alphabet, padded), and back; nullopt for anything else.
inline std::string base64_text(std::string_view bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // the terminating zero
    return out;
}
inline std::optional<std::string> bytes_from_base64(std::string_view text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

// SHA-256 of some bytes as 64 lowercase hex digits (a file's checksum, for a kept report).
inline std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(digest);
}

}  // namespace pw::crypto
