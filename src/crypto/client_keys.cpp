#include "crypto/client_keys.hpp"

#include <arpa/inet.h>

#include <cstring>
#include <string>

#include <sodium.h>

namespace pw::crypto {
namespace {

// What counts as one client: an IPv4 address, or the /64 network of an IPv6 one. One home or
// phone holds a whole /64 and may send from any address in it: keyed by the full address, each
// of them was a new client, and the limits on guessing and on sending were no limit at all. An
// IPv4 address written as IPv6 (::ffff:203.0.113.9) is the IPv4 address.
std::string client_of(std::string_view address) {
    const std::string text(address);
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, text.c_str(), bytes) != 1) return text;
    // An IPv4 address inside IPv6: mapped (::ffff:a.b.c.d), or translated by NAT64 (64:ff9b::/96),
    // behind which every IPv4 client would otherwise be one /64.
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static constexpr unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::memcmp(bytes, kMapped, sizeof kMapped) == 0 || std::memcmp(bytes, kNat64, sizeof kNat64) == 0) {
        char v4[INET_ADDRSTRLEN];
        if (inet_ntop(AF_INET, bytes + 12, v4, sizeof v4)) return v4;
    }
    return "6:" + std::string(reinterpret_cast<const char*>(bytes), 8);
}

}  // namespace

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

std::uint64_t ClientKeys::key_for(std::string_view address, std::int64_t day) {
    unsigned char hash[crypto_shorthash_BYTES];
    {
        std::lock_guard lock(mutex_);
        if (day != day_) {
            randombytes_buf(key_.data(), key_.size());
            day_ = day;
        }
        const auto client = client_of(address);
        crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(client.data()), client.size(), key_.data());
    }
    std::uint64_t out = 0;
    std::memcpy(&out, hash, sizeof out);
    return out;
}

}  // namespace pw::crypto
