#pragma once
// Providers' responses under stories. A response waits for a moderator like a story does
// (core/stories/lifecycle.hpp); every change is compare-and-set on the state it was read in,
// and appends an event. Writes run inside the writer's transaction.
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

// A new response, pending: only a published story can be answered.
Result<std::int64_t> insert_response(soci::session& s, std::int64_t story_id, std::int64_t provider_id,
                                     std::int64_t account_id, Month month, const redaction::RedactedText& body);

// reason: why a moderator rejected it, shown to the provider.
Result<void> change_response_state(soci::session& s, std::int64_t response_id, stories::ResponseState to, Actor actor,
                                   Month month, const std::optional<redaction::RedactedText>& reason = std::nullopt);

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

// The choke point, held at compile time (docs/redaction.md).
static_assert(!std::is_invocable_v<decltype(&insert_response), soci::session&, std::int64_t, std::int64_t, std::int64_t,
                                   Month, const std::string&>,
              "responses.body");
static_assert(!std::is_invocable_v<decltype(&change_response_state), soci::session&, std::int64_t,
                                   stories::ResponseState, Actor, Month, const std::string&>,
              "responses.reject_reason");

}  // namespace pw::store
