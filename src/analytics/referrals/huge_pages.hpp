#pragma once
// Large columns backed by 2 MB pages where the kernel allows it (transparent huge pages in
// "madvise" or "always" mode). On a machine whose page faults are slow (a virtual machine), first
// touching a 4 KB page at a time was most of the time spent writing ten million rows into their
// columns; a 2 MB page is one fault for 512 of them. Where the kernel says no, nothing changes.
#include <cstddef>
#include <vector>

namespace pw::analytics {

// Advises the kernel to back the whole 2 MB pages inside [data, data + bytes) with huge pages.
// Best effort: no error, whatever the kernel answers.
void advise_huge_pages(const void* data, std::size_t bytes);

// v.reserve(n), advised before anything is written to it.
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace pw::analytics
