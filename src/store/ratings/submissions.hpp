#pragma once
// What one codename has sent: its ratings and stories (withdrawing them: core/ratings/commands.hpp,
// core/stories/commands.hpp).
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

}  // namespace pw::store
