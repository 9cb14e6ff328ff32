#include "analytics/referrals/huge_pages.hpp"

#include <cstdint>

#include <sys/mman.h>

namespace pw::analytics {
namespace {

constexpr std::size_t kHuge = 2u << 20;

std::size_t rounded_up(std::size_t bytes) { return (bytes + kHuge - 1) & ~(kHuge - 1); }

}  // namespace

// Maps a 2 MB more than asked, keeps the 2 MB-aligned part and unmaps the rest, so the whole of
// it can be huge pages.
void* allocate_large(std::size_t bytes) {
    if (bytes < kLargeAllocation) return ::operator new(bytes);
    const std::size_t size = rounded_up(bytes);
    void* mapped = ::mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + kHuge - 1) & ~(kHuge - 1);
    if (aligned > start) ::munmap(mapped, aligned - start);
    if (const std::uintptr_t tail = start + size + kHuge - (aligned + size); tail > 0)
        ::munmap(reinterpret_cast<void*>(aligned + size), tail);
    ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // best effort: no error either way
    return reinterpret_cast<void*>(aligned);
}

void deallocate_large(void* data, std::size_t bytes) noexcept {
    if (data == nullptr) return;
    if (bytes < kLargeAllocation) return ::operator delete(data);
    ::munmap(data, rounded_up(bytes));
}

}  // namespace pw::analytics
