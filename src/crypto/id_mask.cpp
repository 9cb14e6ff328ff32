#include "crypto/id_mask.hpp"

#include <sodium.h>

#include <charconv>
#include <cstdio>
#include <cstring>

namespace pw::crypto {

namespace {
// A Feistel network of 8 rounds over the id's two 32-bit halves, SipHash the round function: a
// permutation of 64-bit numbers that only the key's holder can run either way.
constexpr int kRounds = 8;
constexpr std::string_view kLabel = "providerwatch: ids shown to people";
// Ids are positive and under 2^53 (what JSON numbers hold exactly).
constexpr std::uint64_t kLargestId = (std::uint64_t{1} << 53) - 1;
}  // namespace

IdMask::IdMask(const std::array<unsigned char, 32>& deployment_key) {
    crypto_generichash(key_.data(), key_.size(), reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                       deployment_key.data(), deployment_key.size());
}

std::uint32_t IdMask::round(IdKind kind, std::uint32_t half, int n) const {
    unsigned char in[6];
    std::memcpy(in, &half, 4);
    in[4] = static_cast<unsigned char>(n);
    in[5] = static_cast<unsigned char>(kind);
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, in, sizeof in, key_.data());
    std::uint32_t value = 0;
    std::memcpy(&value, out, 4);
    return value;
}

std::string IdMask::show(IdKind kind, std::int64_t id) const {
    const auto plain = static_cast<std::uint64_t>(id);
    std::uint32_t left = static_cast<std::uint32_t>(plain >> 32), right = static_cast<std::uint32_t>(plain);
    for (int n = 0; n < kRounds; ++n) {
        const std::uint32_t next = left ^ round(kind, right, n);
        left = right;
        right = next;
    }
    const std::uint64_t masked = (std::uint64_t{left} << 32) | right;
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(masked));
    return text;
}

std::optional<std::int64_t> IdMask::read(IdKind kind, std::string_view shown) const {
    if (shown.size() != 16) return std::nullopt;
    for (char c : shown)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    std::uint64_t masked = 0;
    std::from_chars(shown.data(), shown.data() + shown.size(), masked, 16);
    std::uint32_t left = static_cast<std::uint32_t>(masked >> 32), right = static_cast<std::uint32_t>(masked);
    for (int n = kRounds - 1; n >= 0; --n) {
        const std::uint32_t previous = right ^ round(kind, left, n);
        right = left;
        left = previous;
    }
    const std::uint64_t plain = (std::uint64_t{left} << 32) | right;
    if (plain == 0 || plain > kLargestId) return std::nullopt;
    return static_cast<std::int64_t>(plain);
}

}  // namespace pw::crypto
