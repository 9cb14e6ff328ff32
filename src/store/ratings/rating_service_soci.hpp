#pragma once
#include "core/ratings/service.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::store {

// The SubmitRating command over SOCI and the group-commit writer. Scores come from the
// published snapshot (store/publication), never from here.
class SociRatingService final : public ratings::RatingService {
public:
    SociRatingService(Database& db, Writer& writer) : db_(db), writer_(writer) {}
    void submit(const ratings::RatingSubmission& submission,
                std::function<void(Result<ratings::RatingReceipt>)> done) override;

private:
    Database& db_;
    Writer& writer_;
};

}  // namespace pw::store
