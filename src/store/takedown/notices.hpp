#pragma once
// Notices asking for a published story to be taken down (docs/takedown.md). A notice that hides
// its story takes it off every public page until a moderator decides; every change checks the
// notice's lifecycle table (core/takedown/lifecycle.hpp), is compare-and-set on the state read,
// and appends an event. Writes run inside the writer's transaction.
#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/takedown/lifecycle.hpp"
#include "core/takedown/notice.hpp"
#include "store/database.hpp"
#include "store/stories/stories.hpp"

namespace pw::store {

struct NoticeRecord {
    std::int64_t story_id = 0;
    takedown::Ground ground = takedown::Ground::identifying;
    redaction::RedactedText explanation;  // the writer reads it on their codename page
    std::optional<std::string> complainant_name;
    std::optional<std::string> complainant_contact;
    std::chrono::sys_days received;
};

struct ReceivedNotice {
    std::int64_t id = 0;
    bool hidden = false;            // the story is off the public pages now
    bool writer_reachable = false;  // the writer left a codename, so reads the notice there
};
// Only a published story not already hidden can be reported. A story a moderator has kept after
// an earlier notice is not hidden at once by a new one: the new one waits in the queue.
Result<ReceivedNotice> insert_notice(soci::session& s, const NoticeRecord& notice, Month month);

struct NoticeRow {
    std::int64_t id = 0;
    takedown::Ground ground = takedown::Ground::identifying;
    std::string explanation;
    std::string complainant_name;
    std::string complainant_contact;
    std::string received_on;
    std::string answer_due_on;
    bool hides = false;
    takedown::NoticeState state = takedown::NoticeState::received;
    std::string writer_answer;
    bool writer_reachable = false;
    bool story_hidden = false;  // by this notice or another one still open
    StoryRow story;             // as stored, hidden or not
};
// Notices not yet decided, the earliest due first: the moderators' queue.
std::vector<NoticeRow> open_notices(Database& db);
// Notices not yet decided on the stories this codename wrote: what the writer is told.
std::vector<NoticeRow> open_notices_for_writer(Database& db, std::int64_t codename_id);

// The writer objects, saying why the story should stay; only the story's own codename may.
Result<void> answer_notice(soci::session& s, std::int64_t notice_id, std::int64_t codename_id,
                           const std::string& answer, Month month);
// A moderator decides: upheld removes the story; dismissed puts a hidden story back. Either way
// the complainant's name and contact are cleared.
Result<void> decide_notice(soci::session& s, std::int64_t notice_id, bool upheld, Month month);

// Whether an open notice hides the story.
bool story_hidden(Database& db, std::int64_t story_id);

// Hides the stories whose writers have not answered by the end of the day due; returns how many.
int hide_unanswered_notices(soci::session& s, std::chrono::sys_days today, Month month);

// The choke point, held at compile time (docs/redaction.md).
static_assert(std::is_same_v<decltype(NoticeRecord::explanation), redaction::RedactedText>,
              "takedown_notices.explanation");

}  // namespace pw::store
