#pragma once
// The commands a participant gives about their ratings, one per action: validate, run against a
// small repository (store/ratings implements it inside the writer's transaction; unit tests use
// an in-memory fake), append the event, and return a result or a typed error. Slow or heavy work
// (argon2id, redaction) is done before a command runs: commands run inside the writer's batch.
#include <array>
#include <cstdint>
#include <optional>

#include "core/codenames/codename.hpp"
#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/ratings/lifecycle.hpp"
#include "core/ratings/rating.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/commands.hpp"

namespace pw::ratings {

// One rating as kept.
struct RatingRecord {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;  // rating an office of the provider
    Month month;
    Stars overall;
    std::array<std::optional<Stars>, kAspects.size()> aspects{};
    std::optional<PaymentGroup> payment_group;
    std::optional<std::int64_t> codename_id;
    std::optional<std::int64_t> area_id;  // the area the participant was in, when known
};

// A rating a codename gave, as a command needs it.
struct RatingFacts {
    std::int64_t id = 0;
    std::optional<std::int64_t> codename_id;
    RatingState state = RatingState::active;
};

class RatingRepository : public codenames::CodenameRepository {
public:
    // The rating this codename gave the record's unit (office, else provider) in its month.
    virtual std::optional<RatingFacts> rating_by(std::int64_t codename_id, const RatingRecord& unit) = 0;
    virtual std::optional<RatingFacts> rating(std::int64_t rating_id) = 0;
    virtual std::int64_t insert_rating(const RatingRecord& rating) = 0;
    // Replaces a rating's stars and answers and makes it active, only if it is still in `from`;
    // false when it was no longer in `from`.
    virtual bool replace_rating(std::int64_t rating_id, RatingState from, const RatingRecord& rating) = 0;
    virtual bool move_rating(std::int64_t rating_id, RatingState from, RatingState to) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A participant rates a provider or office, perhaps with a story. With a codename, a second
// rating of the same unit in the same month replaces the first (and brings it back if withdrawn).
struct SubmitRating {
    RatingRecord rating;                                    // codename_id: one recognised already
    std::optional<codenames::HashedCodename> new_codename;  // asked for a new one
    std::optional<redaction::RedactedText> story;           // waits for a moderator
};
struct SavedRating {
    std::int64_t id = 0;
    bool replaced = false;  // the codename had already rated this unit this month
    std::optional<std::int64_t> story_id;
};
Result<SavedRating> submit_rating(const SubmitRating& command, RatingRepository& ratings,
                                  stories::StoryRepository& stories);

// A participant withdraws their rating through their codename: it no longer counts.
struct WithdrawRating {
    std::int64_t rating_id = 0;
    std::int64_t codename_id = 0;
    Month month;
};
Result<void> withdraw_rating(const WithdrawRating& command, RatingRepository& ratings);

}  // namespace pw::ratings
