#pragma once
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
    Database& db_;
    Writer& writer_;
    ratings::ScoreSettings settings_;
};

}  // namespace pw::store
