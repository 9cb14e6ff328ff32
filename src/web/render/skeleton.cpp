#include "web/render/skeleton.hpp"

#include <stdexcept>

namespace pw::web {

namespace {
constexpr char kMark = '\x1e';  // the record separator: never in a template, a value or a page
}

std::string PageSkeleton::marker(std::size_t k) {
    if (k >= 200) throw std::logic_error("a page skeleton has at most 200 slots");
    return {kMark, static_cast<char>('!' + k), kMark};
}

PageSkeleton::PageSkeleton(const Renderer& renderer, std::string_view name, mustache::data data, std::size_t slots)
    : slots_(slots) {
    const auto page = renderer.page(name, std::move(data));
    std::vector<bool> seen(slots, false);
    std::size_t from = 0;
    for (auto at = page.find(kMark); at != std::string::npos; at = page.find(kMark, from)) {
        const auto k = at + 2 < page.size() && page[at + 2] == kMark
                           ? static_cast<std::size_t>(static_cast<unsigned char>(page[at + 1]) - '!')
                           : slots;
        if (k >= slots) throw std::logic_error("page skeleton " + std::string(name) + ": a stray marker");
        pieces_.push_back(page.substr(from, at - from));
        gaps_.push_back(k);
        seen[k] = true;
        from = at + 3;
    }
    pieces_.push_back(page.substr(from));
    for (std::size_t k = 0; k < slots; ++k) {
        if (!seen[k])
            throw std::logic_error("page skeleton " + std::string(name) + ": slot " + std::to_string(k) +
                                   " is not on the page");
    }
}

std::string PageSkeleton::fill(std::span<const std::string_view> values) const {
    if (values.size() != slots_) throw std::logic_error("a page skeleton filled with the wrong number of values");
    std::size_t size = 0;
    for (const auto& piece : pieces_) size += piece.size();
    for (const auto k : gaps_) size += values[k].size();
    std::string out;
    out.reserve(size);
    for (std::size_t n = 0; n < gaps_.size(); ++n) {
        out += pieces_[n];
        out += values[gaps_[n]];
    }
    out += pieces_.back();
    return out;
}

}  // namespace pw::web
