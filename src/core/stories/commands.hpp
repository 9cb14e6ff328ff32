#pragma once
// The commands about stories, providers' flags and responses, and moderators' censor rules, one
// per user action: validate, run against a small repository (store/stories implements it inside
// the writer's transaction; unit tests use an in-memory fake), append the event, and return a
// result or a typed error. Every move is a compare-and-set on the state it was read in: a story a
// moderator removed on one server while its writer withdrew it on another is a conflict.
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/lifecycle.hpp"

namespace pw::stories {

// Where a moderator's censor rule applies.
enum class CensorScope { story, provider, everywhere };
std::string_view censor_scope_name(CensorScope scope);

// What a command needs to know of a story.
struct StoryFacts {
    StoryState state = StoryState::pending;
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> codename_id;  // its writer's, when they kept a codename
};

struct FlagFacts {
    FlagState state = FlagState::open;
    std::int64_t story_id = 0;
};

// A story as first kept: redacted already (the writer's preview showed what would go), pending.
struct NewStory {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;
    std::optional<std::int64_t> rating_id;  // the rating it was told with
    std::optional<std::int64_t> codename_id;
    Month month;
    redaction::RedactedText body;
};

class StoryRepository {
public:
    virtual ~StoryRepository() = default;
    virtual std::int64_t insert_story(const NewStory& story) = 0;
    virtual std::optional<StoryFacts> story(std::int64_t story_id) = 0;
    // Moves the story to `to` only if it is still in `from`, keeping the reason when given;
    // false when it was no longer in `from`.
    virtual bool move_story(std::int64_t story_id, StoryState from, StoryState to,
                            const std::optional<redaction::RedactedText>& reason) = 0;
    virtual void set_safeguarding(std::int64_t story_id, bool concern) = 0;
    virtual std::int64_t insert_flag(std::int64_t story_id, std::int64_t account_id, Month month,
                                     const std::string& reason) = 0;
    virtual std::optional<FlagFacts> flag(std::int64_t flag_id) = 0;
    virtual bool move_flag(std::int64_t flag_id, FlagState from, FlagState to) = 0;
    // scope_id: the story's id for CensorScope::story, its provider's for provider, none for everywhere.
    virtual std::int64_t insert_censor_rule(const std::string& phrase, CensorScope scope,
                                            std::optional<std::int64_t> scope_id, Month month) = 0;
    virtual std::optional<ResponseState> response_state(std::int64_t response_id) = 0;
    virtual std::int64_t insert_response(std::int64_t story_id, std::int64_t provider_id, std::int64_t account_id,
                                         Month month, const redaction::RedactedText& body) = 0;
    virtual bool move_response(std::int64_t response_id, ResponseState from, ResponseState to,
                               const std::optional<redaction::RedactedText>& reason) = 0;
    virtual void append(const events::Event& event) = 0;
};

// Text others will read (a moderator's reason, a provider's response): checked, then redacted.
// Call it before the command is queued: commands run inside the writer's batch, and redaction is
// too slow for the one thread every change waits on.
Result<redaction::RedactedText> text_for_others(std::string_view text, std::string_view what);

// A moderator's censor phrase: one line of at most 100 characters with at most 3 stars
// (matching backtracks on each star). Checked before queueing and again by the command.
Result<std::string> check_censor_phrase(std::string_view phrase);

// A participant tells a story (with a rating); it waits for a moderator. Redaction, the slow
// part, is done before: commands run inside the writer's batch.
using TellStory = NewStory;
Result<std::int64_t> tell_story(const TellStory& command, StoryRepository& stories);

// A moderator publishes a pending story.
struct ApproveStory {
    std::int64_t story_id = 0;
    Month month;
};
Result<void> approve_story(const ApproveStory& command, StoryRepository& stories);

// A moderator rejects a pending story, saying why: its writer reads the reason, so it passes
// redaction like any text shown (text_for_others).
struct RejectStory {
    std::int64_t story_id = 0;
    redaction::RedactedText reason;
    Month month;
};
Result<void> reject_story(const RejectStory& command, StoryRepository& stories);

// The writer takes their own story down, through their codename.
struct WithdrawStory {
    std::int64_t story_id = 0;
    std::int64_t codename_id = 0;
    Month month;
};
Result<void> withdraw_story(const WithdrawStory& command, StoryRepository& stories);

// A moderator takes a published story down (a flag or a takedown notice upheld). A story its
// writer has withdrawn meanwhile, or one already removed, is left as it is.
struct RemoveStory {
    std::int64_t story_id = 0;
    Month month;
};
Result<void> remove_story(const RemoveStory& command, StoryRepository& stories);

// A moderator marks (or clears) a safeguarding concern about a story's writer.
struct MarkSafeguarding {
    std::int64_t story_id = 0;
    bool concern = true;
    Month month;
};
Result<void> mark_safeguarding(const MarkSafeguarding& command, StoryRepository& stories);

// A provider's representative flags a published story; it stays up while a moderator decides.
struct FlagStory {
    std::int64_t story_id = 0;
    std::int64_t account_id = 0;
    std::string reason;  // moderators only read it
    Month month;
};
Result<std::int64_t> flag_story(const FlagStory& command, StoryRepository& stories);

// A moderator decides a flag: upheld removes the story, dismissed leaves it.
struct DecideFlag {
    std::int64_t flag_id = 0;
    bool upheld = false;
    Month month;
};
Result<void> decide_flag(const DecideFlag& command, StoryRepository& stories);

// A moderator hides a phrase in this story, in every story about its provider, or everywhere.
struct AddCensorRule {
    std::int64_t story_id = 0;
    CensorScope scope = CensorScope::story;
    std::string phrase;
    Month month;
};
Result<std::int64_t> add_censor_rule(const AddCensorRule& command, StoryRepository& stories);

// A provider's representative answers a published story; the answer, redacted
// (text_for_others), waits for a moderator.
struct RespondToStory {
    std::int64_t story_id = 0;
    std::int64_t provider_id = 0;
    std::int64_t account_id = 0;
    redaction::RedactedText body;
    Month month;
};
Result<std::int64_t> respond_to_story(const RespondToStory& command, StoryRepository& stories);

// A moderator decides a provider's pending response: published, or rejected with a reason the
// provider reads.
struct DecideResponse {
    std::int64_t response_id = 0;
    bool approved = false;
    std::optional<redaction::RedactedText> reason;  // required when rejecting (text_for_others)
    Month month;
};
Result<void> decide_response(const DecideResponse& command, StoryRepository& stories);

// A moderator takes a published response down (a takedown notice upheld). A response its provider
// has withdrawn meanwhile, or one already removed, is left as it is.
struct RemoveResponse {
    std::int64_t response_id = 0;
    Month month;
};
Result<void> remove_response(const RemoveResponse& command, StoryRepository& stories);

}  // namespace pw::stories
