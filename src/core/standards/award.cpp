#include "core/standards/award.hpp"

#include <algorithm>

namespace pw::standards {

std::vector<AwardPlace> rank_for_award(const publication::Snapshot& year, std::span<const std::int64_t> providers,
                                       int places) {
    std::vector<AwardPlace> out;
    for (const auto provider : providers) {
        const auto& score = year.scores({ratings::UnitKind::provider, provider, 0}).overall;
        if (score.shown) out.push_back({0, provider, score});
    }
    std::ranges::sort(out, [](const AwardPlace& a, const AwardPlace& b) {
        if (a.score.lower != b.score.lower) return a.score.lower > b.score.lower;
        if (a.score.mean != b.score.mean) return a.score.mean > b.score.mean;
        return a.provider_id < b.provider_id;
    });
    if (static_cast<int>(out.size()) > places) out.resize(places);
    for (std::size_t i = 0; i < out.size(); ++i) out[i].place = static_cast<int>(i) + 1;
    return out;
}

int places_within_reach(std::span<const publication::AwardEntry> places) {
    if (places.empty()) return 0;
    const double bottom = places.front().lower;
    return static_cast<int>(
        std::ranges::count_if(places.subspan(1), [bottom](const publication::AwardEntry& e) { return e.upper >= bottom; }));
}

}  // namespace pw::standards
