#pragma once
// Ratings and codenames in the database. Writes run inside the writer's transaction; reads
// borrow a session from the pool.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/codenames/codename.hpp"
#include "core/common/month.hpp"
#include "core/ratings/commands.hpp"
#include "core/ratings/rating.hpp"
#include "core/ratings/score.hpp"
#include "core/ratings/service.hpp"
#include "crypto/codenames.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"

namespace pw::store {

// The codename's id, when one stored codename matches. Each candidate under its look-up key
// (keyed, or the unkeyed one of a codename made before look-up keys were keyed) is checked with
// argon2id, and a look-up with no candidate checks a stand-in hash, so the time taken does not
// tell whether a look-up key is in use. Slow: never on a thread that serves connections.
// A codename found under its unkeyed key is given its keyed one through `rekey` (the writer), so
// that bucket, which anyone can compute, holds it no longer.
std::optional<std::int64_t> find_codename(soci::session& s, const crypto::LookupKeys& keys, std::string_view normalised,
                                          Writer* rekey = nullptr);

using NewCodename = codenames::HashedCodename;
// Hashes a new codename (argon2id: slow work, done before the writer's batch, not inside it).
NewCodename hash_codename(const crypto::LookupKeys& keys, std::string_view normalised);
std::int64_t insert_codename(soci::session& s, const NewCodename& codename, Month month);

using ratings::RatingRecord;

// The rating commands' repository (core/ratings/commands.hpp), inside the caller's transaction
// (the writer's). Plain SQL: the rules are the commands'.
class SociRatingRepository final : public ratings::RatingRepository {
public:
    explicit SociRatingRepository(soci::session& s) : s_(s) {}
    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month month) override;
    std::optional<ratings::RatingFacts> rating_by(std::int64_t codename_id, const RatingRecord& unit) override;
    std::optional<ratings::RatingFacts> rating(std::int64_t rating_id) override;
    std::int64_t insert_rating(const RatingRecord& rating) override;
    bool replace_rating(std::int64_t rating_id, ratings::RatingState from, const RatingRecord& rating) override;
    bool move_rating(std::int64_t rating_id, ratings::RatingState from, ratings::RatingState to) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

}  // namespace pw::store
