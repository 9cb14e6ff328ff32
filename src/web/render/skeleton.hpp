#pragma once
// A page rendered once, with markers where its per-request parts go, so that a request joins
// strings instead of walking the layout's and the page's templates. For the busiest pages whose
// shape is the same for every ordinary request (the league table); anything else renders as usual.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "web/render/renderer.hpp"

namespace pw::web {

class PageSkeleton {
public:
    // What to put in the page's data for slot k (a few control bytes that no value holds).
    static std::string marker(std::size_t k);

    // Renders the page `name` from data whose slot values are marker(0) .. marker(slots - 1).
    // Throws std::logic_error if a slot's marker is not in the result: the page would lose it.
    PageSkeleton(const Renderer& renderer, std::string_view name, mustache::data data, std::size_t slots);

    // The page with values[k] written, as it is, wherever slot k was: each value must already be
    // HTML (escaped where it is text), as a triple-mustache value would be.
    std::string fill(std::span<const std::string_view> values) const;

private:
    std::vector<std::string> pieces_;  // the fixed text around the slots: one more than gaps_
    std::vector<std::size_t> gaps_;    // the slot written between pieces_[n] and pieces_[n + 1]
    std::size_t slots_ = 0;
};

}  // namespace pw::web
