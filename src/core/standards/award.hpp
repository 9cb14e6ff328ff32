#pragma once
// The award for the top-rated provider of a year (DOMAIN.md): the highest lower bound of the
// score among providers with enough ratings that count, so a few glowing ratings cannot beat
// many good ones. DESIGN.md, "Ratings and standards".
#include <cstdint>
#include <span>
#include <vector>

#include "core/publication/snapshot.hpp"

namespace pw::standards {

struct AwardPlace {
    int place = 0;  // 1: the winner
    std::int64_t provider_id = 0;
    ratings::Score score;
};

inline constexpr int kAwardPlaces = 5;

// The top places from a snapshot of the year's counting ratings: by lower bound, then mean,
// then the lower id (the older provider) so a tie is decided the same way every time.
std::vector<AwardPlace> rank_for_award(const publication::Snapshot& year, std::span<const std::int64_t> providers,
                                       int places = kAwardPlaces);

// How many places after the winner have a likely range that reaches the bottom of the winner's:
// 0 when the winner's lead is clear. Another year's ratings, or another draw of the disclosure
// noise, could put any of them first, and the award page says so rather than claim a clear win.
int places_within_reach(std::span<const publication::AwardEntry> places);

}  // namespace pw::standards
