#pragma once
// Ratings and codenames in the database. Writes run inside the writer's transaction; reads
// borrow a session from the pool.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/ratings/rating.hpp"
#include "core/ratings/score.hpp"
#include "core/ratings/service.hpp"
#include "crypto/codenames.hpp"
#include "store/database.hpp"

namespace pw::store {

// The codename's id, when one stored codename matches. Each candidate under its look-up key
// (keyed, or the unkeyed one of a codename made before look-up keys were keyed) is checked with
// argon2id, and a look-up with no candidate checks a stand-in hash, so the time taken does not
// tell whether a look-up key is in use. Slow: never on a thread that serves connections.
std::optional<std::int64_t> find_codename(soci::session& s, const crypto::LookupKeys& keys,
                                          std::string_view normalised);

struct NewCodename {
    std::int64_t lookup_key = 0;
    std::string hash;
};
// Hashes a new codename (argon2id: slow work, done before the writer's batch, not inside it).
NewCodename hash_codename(const crypto::LookupKeys& keys, std::string_view normalised);
std::int64_t insert_codename(soci::session& s, const NewCodename& codename, Month month);

struct RatingRecord {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;
    Month month;
    ratings::Stars overall;
    std::array<std::optional<ratings::Stars>, ratings::kAspects.size()> aspects{};
    std::optional<ratings::PaymentGroup> payment_group;
    std::optional<std::int64_t> codename_id;
    std::optional<std::int64_t> area_id;
};

struct SavedRating {
    std::int64_t id = 0;
    bool replaced = false;  // the codename had already rated this unit this month
};

// Inserts, or replaces the codename's rating of the same unit in the same month; appends the
// event. Runs inside the caller's transaction.
SavedRating save_rating(soci::session& s, const RatingRecord& rating);

}  // namespace pw::store
