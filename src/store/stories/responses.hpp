#pragma once
// Providers' responses under stories, as moderators and providers read them. A response waits
// for a moderator like a story does; it is written and moved by the story commands
// (core/stories/commands.hpp, store/stories/story_repository.hpp).
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/lifecycle.hpp"
#include "store/database.hpp"
#include "store/stories/stories.hpp"

namespace pw::store {

struct ModeratedResponse {
    std::int64_t id = 0;
    std::string provider_name;  // who answered
    std::string month;
    std::string body;
    stories::ResponseState state = stories::ResponseState::pending;
    std::string reject_reason;
    StoryRow story;  // what it answers
};
// Pending responses, oldest first, with their stories: the moderation queue.
std::vector<ModeratedResponse> pending_responses(Database& db, int limit);
// A provider's own responses (those it wrote, in any state), newest first: its area.
std::vector<ModeratedResponse> responses_by(Database& db, std::int64_t provider_id, int limit);

}  // namespace pw::store
