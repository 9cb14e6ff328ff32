#pragma once
// A client's address turned into a number for rate limiting: a keyed hash (SipHash) whose key
// is random, held only in memory, and replaced each day, so the numbers cannot be turned back
// into addresses or linked from one day to the next. Never written down or logged. An IPv6
// client is its /64 network, which one home or phone holds whole.
#include <array>
#include <cstdint>
#include <mutex>
#include <string_view>

namespace pw::crypto {

class ClientKeys {
public:
    // day: days since the epoch (the caller's clock).
    std::uint64_t key_for(std::string_view address, std::int64_t day);

private:
    std::mutex mutex_;
    std::int64_t day_ = -1;
    std::array<unsigned char, 16> key_{};
};

}  // namespace pw::crypto
