#pragma once
// What one codename has sent: its ratings and stories, and withdrawing them.
#include <string>
#include <vector>

#include "core/common/month.hpp"
#include "core/ratings/lifecycle.hpp"
#include "store/database.hpp"
#include "store/stories/stories.hpp"

namespace pw::store {

struct OwnRating {
    std::int64_t id = 0;
    std::string unit_name;
    std::string month;
    int stars = 0;
    ratings::RatingState state = ratings::RatingState::active;
};

struct Submissions {
    std::vector<OwnRating> ratings;
    std::vector<StoryRow> stories;
};

Submissions submissions_for(Database& db, std::int64_t codename_id);

// Both check that the codename owns the item and that the lifecycle allows it; append the event.
Result<void> withdraw_rating(soci::session& s, std::int64_t rating_id, std::int64_t codename_id, Month month);
Result<void> withdraw_story(soci::session& s, std::int64_t story_id, std::int64_t codename_id, Month month);

}  // namespace pw::store
