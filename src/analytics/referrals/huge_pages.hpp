#pragma once
// Memory for large columns and blocks, backed by 2 MB pages where the kernel allows it
// (transparent huge pages in "madvise" or "always" mode). On a machine whose page faults are slow
// (a virtual machine), first touching 4 KB at a time was most of the time spent writing ten
// million rows into their columns; a 2 MB page is one fault for 512 of them. A large request gets
// a mapping of its own, advised and then unmapped when freed, so the advice never outlives it
// whatever allocator the program uses (the server's, jemalloc, keeps freed ranges and reuses them
// for anything). Small requests go to operator new. Where the kernel says no, nothing changes.
#include <cstddef>
#include <new>
#include <vector>

namespace pw::analytics {

inline constexpr std::size_t kLargeAllocation = 4u << 20;  // from here on, a mapping of its own

void* allocate_large(std::size_t bytes);                 // throws std::bad_alloc
void deallocate_large(void* data, std::size_t bytes) noexcept;  // the same bytes as allocated

// A stateless allocator over allocate_large, for std::vector: any two are equal, so vectors
// using it move and swap as with std::allocator.
template <class T>
struct LargeAllocator {
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    using value_type = T;
    LargeAllocator() = default;
    template <class U>
    LargeAllocator(const LargeAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(allocate_large(n * sizeof(T)));
    }
    void deallocate(T* data, std::size_t n) noexcept { deallocate_large(data, n * sizeof(T)); }
    template <class U>
    bool operator==(const LargeAllocator<U>&) const noexcept {
        return true;
    }
};

// A column of a large table.
template <class T>
using Column = std::vector<T, LargeAllocator<T>>;

}  // namespace pw::analytics
