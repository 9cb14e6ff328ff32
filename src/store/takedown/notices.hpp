#pragma once
// Notices asking for a published story to be taken down (docs/takedown.md). A notice that hides
// its story takes it off every public page until a moderator decides. Receiving, answering and
// deciding one are commands (core/takedown/commands.hpp) over SociNoticeRepository.
#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/takedown/commands.hpp"
#include "core/takedown/lifecycle.hpp"
#include "core/takedown/notice.hpp"
#include "store/database.hpp"
#include "store/stories/stories.hpp"

namespace pw::store {

// The takedown commands' repository (core/takedown/commands.hpp), inside the caller's
// transaction (the writer's). Plain SQL: the rules are the commands'.
class SociNoticeRepository final : public takedown::NoticeRepository {
public:
    explicit SociNoticeRepository(soci::session& s) : s_(s) {}
    std::optional<takedown::ReportedStory> reported_story(std::int64_t story_id) override;
    std::optional<takedown::ReportedResponse> reported_response(std::int64_t response_id) override;
    std::int64_t insert_notice(const takedown::NewNotice& notice) override;
    std::optional<takedown::NoticeFacts> notice(std::int64_t notice_id) override;
    bool move_notice(std::int64_t notice_id, takedown::NoticeState from, takedown::NoticeState to,
                     const std::optional<std::string>& answer, bool decided) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

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
    bool story_hidden = false;            // what the notice is about (the story, or the response) is hidden now
    StoryRow story;                       // as stored, hidden or not
    std::optional<ResponseRow> response;  // a notice about a provider's response: that response
};
// Notices not yet decided, the earliest due first: the moderators' queue.
std::vector<NoticeRow> open_notices(Database& db);
// Notices not yet decided on the stories this codename wrote: what the writer is told.
std::vector<NoticeRow> open_notices_for_writer(Database& db, std::int64_t codename_id);
// Notices not yet decided on this provider's responses: what its representatives are told.
std::vector<NoticeRow> open_notices_for_provider(Database& db, std::int64_t provider_id);

// Whether an open notice hides the story (a notice about one of its responses does not).
bool story_hidden(Database& db, std::int64_t story_id);
// Whether an open notice hides the response.
bool response_hidden(Database& db, std::int64_t response_id);

// Hides the stories (and responses) whose writers have not answered by the end of the day due;
// returns how many.
int hide_unanswered_notices(soci::session& s, std::chrono::sys_days today, Month month);

// The choke point, held at compile time (docs/redaction.md).
static_assert(std::is_same_v<decltype(takedown::NewNotice::explanation), redaction::RedactedText>,
              "takedown_notices.explanation");

}  // namespace pw::store
