#pragma once
#include "core/ratings/service.hpp"
#include "crypto/codenames.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::store {

// The SubmitRating command over SOCI and the group-commit writer. Scores come from the
// published snapshot (store/publication), never from here.
class SociRatingService final : public ratings::RatingService {
public:
    // A submission with a codename to check or make hashes it (argon2id) on the calling thread:
    // call it from the slow-work pool then.
    SociRatingService(Database& db, Writer& writer, const crypto::LookupKeys& keys)
        : db_(db), writer_(writer), keys_(keys) {}
    void submit(const ratings::RatingSubmission& submission, std::function<void(Result<ratings::RatingReceipt>)> done,
                std::function<bool()> abandoned = {}) override;

private:
    Database& db_;
    Writer& writer_;
    const crypto::LookupKeys& keys_;
};

}  // namespace pw::store
