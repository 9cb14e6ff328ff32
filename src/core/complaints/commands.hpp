#pragma once
// The commands about complaints, one per user action: a participant drafts the official
// complaint (kept under a codename), says they sent it, records what the provider did, withdraws
// it or takes it to the Independent Case Examiner; a provider's representative acknowledges it
// and gives its final response in the site. Validate, compare-and-set, one event.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/codenames/codename.hpp"
#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/common/week.hpp"
#include "core/complaints/complaint.hpp"
#include "core/complaints/lifecycle.hpp"
#include "core/events/event.hpp"
#include "core/redaction/redacted_text.hpp"

namespace pw::complaints {

struct ComplaintFacts {
    ComplaintState state = ComplaintState::drafted;
    std::int64_t provider_id = 0;
    std::int64_t codename_id = 0;
    std::optional<Week> sent;
};

// Kept redacted: the provider's representative reads it in the site. The letter the person sends
// is drafted from their own words and never kept.
struct NewComplaint {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;
    std::optional<std::int64_t> codename_id;
    Category category = Category::other;
    redaction::RedactedText what_happened;
    redaction::RedactedText wanted;
    Week week;
    Month month = *Month::from(2000, 1);
};

class ComplaintRepository : public codenames::CodenameRepository {
public:
    virtual std::int64_t insert_complaint(const NewComplaint& complaint) = 0;
    virtual std::optional<ComplaintFacts> complaint(std::int64_t id) = 0;
    // Moves it only if it is still in `from`, keeping the week of the move (sent, acknowledged,
    // final response, taken to the ICE) and the provider's note with a final response.
    virtual bool move_complaint(std::int64_t id, ComplaintState from, ComplaintState to, Week week,
                                const std::optional<redaction::RedactedText>& note) = 0;
    virtual void append(const events::Event& event) = 0;
};

struct DraftComplaint {
    NewComplaint complaint;
    std::optional<codenames::HashedCodename> new_codename;  // when they had none
};
Result<std::int64_t> draft_complaint(const DraftComplaint& command, ComplaintRepository& complaints);

// The participant, through their codename.
struct StepComplaint {
    std::int64_t complaint_id = 0;
    std::int64_t codename_id = 0;
    ComplaintState to = ComplaintState::sent;
    Week week;
    Month month = *Month::from(2000, 1);
};
Result<void> step_complaint(const StepComplaint& command, ComplaintRepository& complaints);

// The provider's representative, for a provider the account acts for.
struct AnswerComplaint {
    std::int64_t complaint_id = 0;
    std::vector<std::int64_t> acting_for;
    ComplaintState to = ComplaintState::acknowledged;
    std::optional<redaction::RedactedText> note;  // the final response, required with it
    Week week;
    Month month = *Month::from(2000, 1);
};
Result<void> answer_complaint(const AnswerComplaint& command, ComplaintRepository& complaints);

}  // namespace pw::complaints
