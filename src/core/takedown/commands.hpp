#pragma once
// The commands about notices asking for a story to be taken down (docs/takedown.md), one per
// user action, over a small repository (store/takedown implements it inside the writer's
// transaction; unit tests use an in-memory fake). Every move is a compare-and-set on the state
// it was read in, and appends an event.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/commands.hpp"
#include "core/takedown/lifecycle.hpp"
#include "core/takedown/notice.hpp"

namespace pw::takedown {

// What receiving a notice needs to know of its story.
struct ReportedStory {
    stories::StoryState state = stories::StoryState::pending;
    bool writer_reachable = false;  // the writer left a codename, so reads the notice there
    bool hidden = false;            // an open notice hides it already
    bool kept_before = false;       // a moderator dismissed an earlier notice about it
};

// What receiving a notice needs to know of a provider's response.
struct ReportedResponse {
    stories::ResponseState state = stories::ResponseState::pending;
    std::int64_t story_id = 0;  // the story it answers
    bool hidden = false;        // an open notice hides it already
    bool kept_before = false;   // a moderator dismissed an earlier notice about it
};

struct NoticeFacts {
    NoticeState state = NoticeState::received;
    std::int64_t story_id = 0;
    bool hides = false;
    std::optional<std::int64_t> response_id;           // a notice about a response, not its story
    std::optional<std::int64_t> response_provider_id;  // that response's provider
};

struct NewNotice {
    std::int64_t story_id = 0;
    std::optional<std::int64_t> response_id;
    Ground ground = Ground::identifying;
    redaction::RedactedText explanation;  // the writer reads it on their codename page
    std::optional<std::string> complainant_name;
    std::optional<std::string> complainant_contact;
    std::chrono::sys_days received;
    std::chrono::sys_days answer_due;
    bool hides = false;
};

class NoticeRepository {
public:
    virtual ~NoticeRepository() = default;
    virtual std::optional<ReportedStory> reported_story(std::int64_t story_id) = 0;
    virtual std::optional<ReportedResponse> reported_response(std::int64_t response_id) = 0;
    virtual std::int64_t insert_notice(const NewNotice& notice) = 0;
    virtual std::optional<NoticeFacts> notice(std::int64_t notice_id) = 0;
    // Moves the notice to `to` only if it is still in `from`, keeping the writer's answer when
    // given; `decided` also ends its hiding and forgets the complainant's name and contact.
    // False when it was no longer in `from`.
    virtual bool move_notice(std::int64_t notice_id, NoticeState from, NoticeState to,
                             const std::optional<std::string>& answer, bool decided) = 0;
    virtual void append(const events::Event& event) = 0;
};

struct ReceivedNotice {
    std::int64_t id = 0;
    bool hidden = false;            // the story is off the public pages now
    bool writer_reachable = false;  // the writer left a codename, so reads the notice there
};

// Anyone reports a published story, or a published response to one, not already hidden. What a
// moderator has kept after an earlier notice is not hidden at once by a new one: the new one
// waits in the queue. A response's writer is its provider, whose representatives always read the
// notice in their area, so a response is hidden at once only when it identifies someone.
struct ReceiveNotice {
    std::int64_t story_id = 0;
    Ground ground = Ground::identifying;
    redaction::RedactedText explanation;             // check_notice's, redacted before queueing
    std::optional<std::string> complainant_name;     // required for defamation, as the Act's notice
    std::optional<std::string> complainant_contact;  // likewise
    std::chrono::sys_days received;
    Month month;
    std::optional<std::int64_t> response_id;  // set: the notice is about this response to the story
};
Result<ReceivedNotice> receive_notice(const ReceiveNotice& command, NoticeRepository& notices);

// The writer objects, saying why the story should stay; only the story's own codename may.
struct AnswerNotice {
    std::int64_t notice_id = 0;
    std::int64_t codename_id = 0;
    std::string answer;  // moderators read it
    Month month;
};
Result<void> answer_notice(const AnswerNotice& command, NoticeRepository& notices, stories::StoryRepository& stories);

// A provider's representative objects to a notice about the provider's own response, saying why
// it should stay; no other provider may.
struct AnswerResponseNotice {
    std::int64_t notice_id = 0;
    std::int64_t provider_id = 0;  // the representative's
    std::string answer;            // moderators read it
    Month month;
};
Result<void> answer_response_notice(const AnswerResponseNotice& command, NoticeRepository& notices);

// A moderator decides: upheld removes the story (or the response); dismissed puts a hidden one
// back. Either way the complainant's name and contact are forgotten.
struct DecideNotice {
    std::int64_t notice_id = 0;
    bool upheld = false;
    Month month;
};
Result<void> decide_notice(const DecideNotice& command, NoticeRepository& notices, stories::StoryRepository& stories);

}  // namespace pw::takedown
