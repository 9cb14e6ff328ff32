#pragma once
// Which leaves get a cell every month, and which units each leaf counts towards. Decided from the
// registry alone, never from the data: a cell that appeared only when someone rated would tell.
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/publication/cells.hpp"

namespace pw::publication {

struct RegistryShape {
    std::vector<std::int64_t> providers;
    std::vector<std::pair<std::int64_t, std::int64_t>> offices;       // (office, its provider)
    std::vector<std::pair<std::int64_t, std::int64_t>> contracts;     // (prime, area)
    std::vector<std::pair<std::int64_t, std::int64_t>> subcontracts;  // (sub-contractor, index into contracts)
};

class Structure {
public:
    explicit Structure(const RegistryShape& shape);

    const std::vector<Leaf>& rating_leaves() const { return leaves_; }
    // Referrers of sanction cases: every provider, and 0 for Jobcentre Plus.
    const std::vector<std::int64_t>& referrers() const { return referrers_; }
    // Where a raw rating belongs: its own leaf, or, when its area is not one the provider works
    // in (the registry changed), the unit's first leaf; nullopt for a unit no longer listed.
    std::optional<Leaf> place(const Leaf& raw) const;
    // The primes a leaf's ratings roll up to: (prime, area) of each contract it works under.
    const std::vector<std::pair<std::int64_t, std::int64_t>>& primes_of(const Leaf& leaf) const;

private:
    std::vector<Leaf> leaves_;
    std::vector<std::int64_t> referrers_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> areas_of_unit_;  // (provider, office)
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::pair<std::int64_t, std::int64_t>>>
        primes_;  // (provider, area) -> primes
};

}  // namespace pw::publication
