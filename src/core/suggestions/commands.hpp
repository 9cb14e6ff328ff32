#pragma once
// The commands about suggestions, one per user action: a participant suggests, a moderator
// reviews, the provider's representative moves it through its lifecycle with a note, a moderator
// reviews the note, and people who rate the provider later confirm a change they noticed. Each
// runs against a small repository (store/suggestions implements it inside the writer's
// transaction; unit tests use a fake), appends its event, and every move is compare-and-set.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/codenames/codename.hpp"
#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/common/week.hpp"
#include "core/events/event.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/suggestions/lifecycle.hpp"

namespace pw::suggestions {

inline constexpr std::size_t kMaxSuggestionCharacters = 2000;
// A rating asks about one change at most, the provider's newest made in the last 6 months: each
// answer enters a count published with its own noise (docs/disclosure.md), so a rating's privacy
// loss is capped by asking once.
inline constexpr std::size_t kMaxChangesAsked = 1;
inline constexpr int kAskedForMonths = 6;  // the month it was made and the 5 after

struct SuggestionFacts {
    SuggestionState state = SuggestionState::open;
    Review review = Review::pending;
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> codename_id;
};

struct StepFacts {
    std::int64_t suggestion_id = 0;
    Review review = Review::pending;
    std::int64_t provider_id = 0;  // the suggestion's
};

// A suggestion as first kept: redacted already, waiting for a moderator, open.
struct NewSuggestion {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;
    std::optional<std::int64_t> codename_id;
    Week week;
    Month month = *Month::from(2000, 1);
    redaction::RedactedText body;
};

// A provider's move, with the note the public reads once a moderator has (none: nothing to read).
struct NewStep {
    std::int64_t suggestion_id = 0;
    SuggestionState from = SuggestionState::open;
    SuggestionState to = SuggestionState::open;
    std::int64_t account_id = 0;
    Week week;
    Month month = *Month::from(2000, 1);
    std::optional<redaction::RedactedText> note;
    Review review = Review::pending;
};

class SuggestionRepository : public codenames::CodenameRepository {
public:
    virtual std::int64_t insert_suggestion(const NewSuggestion& suggestion) = 0;
    virtual std::optional<SuggestionFacts> suggestion(std::int64_t id) = 0;
    // Each moves only from the state it was read in; false when it had moved meanwhile.
    // Publishing keeps the week: the provider's 4-week answer clock starts there.
    virtual bool review_suggestion(std::int64_t id, Review from, Review to,
                                   const std::optional<redaction::RedactedText>& reason, Week week) = 0;
    // Keeps the week of the provider's first answer (the 4-week clock stops there).
    virtual bool move_suggestion(std::int64_t id, SuggestionState from, SuggestionState to, Week week) = 0;
    virtual std::int64_t insert_step(const NewStep& step) = 0;
    virtual std::optional<StepFacts> step(std::int64_t step_id) = 0;
    virtual bool review_step(std::int64_t step_id, Review from, Review to) = 0;
    // A rejected note written again: back to pending, only if it is still rejected.
    virtual bool rewrite_note(std::int64_t step_id, const redaction::RedactedText& note) = 0;
    virtual void insert_confirmation(std::int64_t suggestion_id, Month month) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A suggestion's text: 1 to 2,000 characters, then redacted. Call it before the command is
// queued (redaction is too slow for the writer's thread).
Result<redaction::RedactedText> suggestion_text(std::string_view text);

// A participant suggests an improvement to a provider (or one of its offices). It waits for a
// moderator; with a codename they follow it.
struct Suggest {
    NewSuggestion suggestion;
    std::optional<codenames::HashedCodename> new_codename;  // made when they asked for one
};
Result<std::int64_t> suggest(const Suggest& command, SuggestionRepository& suggestions);

// A moderator publishes a pending suggestion, or rejects it with a reason its writer reads.
struct ReviewSuggestion {
    std::int64_t suggestion_id = 0;
    bool approved = false;
    std::optional<redaction::RedactedText> reason;  // required when rejecting
    Month month = *Month::from(2000, 1);
    Week week;
};
Result<void> review_suggestion(const ReviewSuggestion& command, SuggestionRepository& suggestions);

// A provider's representative moves a published suggestion on, with a note: why it was declined
// and what was done are required. Only for a provider the account acts for.
struct AnswerSuggestion {
    std::int64_t suggestion_id = 0;
    std::int64_t account_id = 0;
    std::vector<std::int64_t> acting_for;  // the providers the account represents
    SuggestionState to = SuggestionState::under_consideration;
    std::optional<redaction::RedactedText> note;
    Week week;
    Month month = *Month::from(2000, 1);
};
Result<std::int64_t> answer_suggestion(const AnswerSuggestion& command, SuggestionRepository& suggestions);

// A moderator publishes a provider's note, or rejects it (the move itself stands).
struct ReviewStep {
    std::int64_t step_id = 0;
    bool approved = false;
    Month month = *Month::from(2000, 1);
};
Result<void> review_step(const ReviewStep& command, SuggestionRepository& suggestions);

// A representative writes again a note a moderator rejected (the move it came with stands, and
// a decline or a change made must not stay without its reason or description).
struct RewriteNote {
    std::int64_t step_id = 0;
    std::vector<std::int64_t> acting_for;
    redaction::RedactedText note;
    Month month = *Month::from(2000, 1);
};
Result<void> rewrite_note(const RewriteNote& command, SuggestionRepository& suggestions);

// Someone rating a provider says they noticed changes it made: each must be a published,
// implemented suggestion to that provider, at most kMaxChangesAsked of them.
struct ConfirmChanges {
    std::int64_t provider_id = 0;
    std::vector<std::int64_t> suggestion_ids;
    Month month = *Month::from(2000, 1);
};
Result<void> confirm_changes(const ConfirmChanges& command, SuggestionRepository& suggestions);

}  // namespace pw::suggestions
