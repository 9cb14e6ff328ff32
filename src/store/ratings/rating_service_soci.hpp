#pragma once
#include <chrono>
#include <mutex>
#include <optional>

#include "core/ratings/service.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::store {

// The SubmitRating command over SOCI and the group-commit writer. Scores come from the
// published snapshot (store/publication), never from here.
class SociRatingService final : public ratings::RatingService {
public:
    SociRatingService(Database& db, Writer& writer, ratings::ScoreSettings settings = {})
        : db_(db), writer_(writer), settings_(settings) {}
    void submit(const ratings::RatingSubmission& submission,
                std::function<void(Result<ratings::RatingReceipt>)> done) override;

private:
    Database& db_;
    Writer& writer_;
    ratings::ScoreSettings settings_;
};

}  // namespace pw::store
