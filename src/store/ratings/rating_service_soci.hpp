#pragma once
#include <chrono>
#include <mutex>
#include <optional>

#include "core/ratings/service.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::store {

// The SubmitRating command and the score queries, over SOCI and the group-commit writer.
class SociRatingService final : public ratings::RatingService {
public:
    SociRatingService(Database& db, Writer& writer, ratings::ScoreSettings settings = {})
        : db_(db), writer_(writer), settings_(settings) {}
    void submit(const ratings::RatingSubmission& submission,
                std::function<void(Result<ratings::RatingReceipt>)> done) override;
    ratings::UnitScores scores(const ratings::RatedUnit& unit, Month now) override;

private:
    // The programme-wide counts behind every prior: the same for all pages, slow to change and
    // costly to count, so kept for a minute.
    ratings::RatingCounts programme_counts(Month now);

    Database& db_;
    Writer& writer_;
    ratings::ScoreSettings settings_;
    std::mutex prior_mutex_;
    std::optional<std::pair<Month, ratings::RatingCounts>> prior_;
    std::chrono::steady_clock::time_point prior_expires_{};
};

}  // namespace pw::store
