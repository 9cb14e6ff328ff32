#include "crypto/client_keys.hpp"

#include <cstring>

#include <sodium.h>

namespace pw::crypto {

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

std::uint64_t ClientKeys::key_for(std::string_view address, std::int64_t day) {
    unsigned char hash[crypto_shorthash_BYTES];
    {
        std::lock_guard lock(mutex_);
        if (day != day_) {
            randombytes_buf(key_.data(), key_.size());
            day_ = day;
        }
        crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(address.data()), address.size(), key_.data());
    }
    std::uint64_t out = 0;
    std::memcpy(&out, hash, sizeof out);
    return out;
}

}  // namespace pw::crypto
