#include "core/publication/structure.hpp"

#include <algorithm>
#include <set>

namespace pw::publication {

Structure::Structure(const RegistryShape& shape) {
    std::map<std::int64_t, std::set<std::int64_t>> areas;  // provider -> areas it works in
    for (const auto& [prime, area] : shape.contracts) {
        areas[prime].insert(area);
        auto& primes = primes_[{prime, area}];
        if (std::ranges::find(primes, std::pair{prime, area}) == primes.end()) primes.emplace_back(prime, area);
    }
    for (const auto& [sub, contract] : shape.subcontracts) {
        if (contract < 0 || static_cast<std::size_t>(contract) >= shape.contracts.size()) continue;
        const auto [prime, area] = shape.contracts[static_cast<std::size_t>(contract)];
        areas[sub].insert(area);
        auto& primes = primes_[{sub, area}];
        if (std::ranges::find(primes, std::pair{prime, area}) == primes.end()) primes.emplace_back(prime, area);
    }
    auto add_unit = [&](std::int64_t provider, std::int64_t office) {
        auto& list = areas_of_unit_[{provider, office}];
        const auto found = areas.find(provider);
        if (found == areas.end() || found->second.empty()) {
            list.push_back(0);
        } else {
            list.assign(found->second.begin(), found->second.end());
        }
        for (auto area : list) leaves_.push_back({provider, office, area});
    };
    for (auto provider : shape.providers) add_unit(provider, 0);
    for (const auto& [office, provider] : shape.offices) add_unit(provider, office);
    std::ranges::sort(leaves_);
    leaves_.erase(std::unique(leaves_.begin(), leaves_.end()), leaves_.end());
    referrers_.push_back(0);
    referrers_.insert(referrers_.end(), shape.providers.begin(), shape.providers.end());
    std::ranges::sort(referrers_);
    referrers_.erase(std::unique(referrers_.begin(), referrers_.end()), referrers_.end());
}

std::optional<Leaf> Structure::place(const Leaf& raw) const {
    const auto unit = areas_of_unit_.find({raw.provider_id, raw.office_id});
    if (unit == areas_of_unit_.end()) return std::nullopt;
    if (std::ranges::find(unit->second, raw.area_id) != unit->second.end()) return raw;
    return Leaf{raw.provider_id, raw.office_id, unit->second.front()};
}

const std::vector<std::pair<std::int64_t, std::int64_t>>& Structure::primes_of(const Leaf& leaf) const {
    static const std::vector<std::pair<std::int64_t, std::int64_t>> none;
    const auto found = primes_.find({leaf.provider_id, leaf.area_id});
    return found == primes_.end() ? none : found->second;
}

}  // namespace pw::publication
