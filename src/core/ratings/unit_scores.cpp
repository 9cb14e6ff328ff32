#include "core/ratings/service.hpp"

namespace pw::ratings {

UnitScores unit_scores(const RatingCounts& unit, const RatingCounts& programme, const ScoreSettings& settings) {
    UnitScores out;
    out.overall = score(unit.overall, prior_from(programme.overall, settings), settings);
    for (std::size_t i = 0; i < kAspects.size(); ++i) {
        out.aspects[i] = score(unit.aspects[i], prior_from(programme.aspects[i], settings), settings);
    }
    // The distribution is published only with the score, and then only through disclosure control.
    if (out.overall.shown) out.distribution = disclosure::protect_row(unit.overall);
    return out;
}

}  // namespace pw::ratings
