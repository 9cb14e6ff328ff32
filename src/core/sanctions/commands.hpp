#pragma once
// The commands a participant gives about their own sanction case, one per action: validate, run
// against a small repository (store/sanctions implements it inside the writer's transaction;
// unit tests use an in-memory fake), append the event, and return a result or a typed error.
// Every move is a compare-and-set on the state it was read in: a case another server moved
// meanwhile is a conflict, never overwritten.
#include <cstdint>
#include <optional>

#include "core/codenames/codename.hpp"
#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/sanctions/case.hpp"
#include "core/sanctions/case_form.hpp"
#include "core/sanctions/lifecycle.hpp"

namespace pw::sanctions {

class CaseRepository : public codenames::CodenameRepository {
public:
    virtual std::int64_t insert_case(const CaseAnswers& answers, std::int64_t codename_id) = 0;
    // The state of a case the codename owns; nullopt when there is none (or it is another's).
    virtual std::optional<CaseState> state_of(std::int64_t case_id, std::int64_t codename_id) = 0;
    // Moves the case to `to` only if it is still in `from`, recording the decision's month when
    // given; false when it was no longer in `from`.
    virtual bool move(std::int64_t case_id, CaseState from, CaseState to, std::optional<Month> decision_month) = 0;
    // Sets a sanctioned case's details only if it is still in `state`; false otherwise.
    virtual bool set_details(std::int64_t case_id, CaseState state, Level level, int previous, Hardship hardship) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A participant logs a referral for a sanction, under the codename they gave or a new one: a
// case can only be followed with a codename.
struct LogReferral {
    CaseAnswers answers;                                    // checked (check_case), its referrer found in the registry
    std::optional<std::int64_t> codename_id;                // recognised already
    std::optional<codenames::HashedCodename> new_codename;  // made when none was given
    Month month;
};
Result<std::int64_t> log_referral(const LogReferral& command, CaseRepository& cases);

// What happened next: a decision, a reconsideration asked for or decided, an appeal.
struct StepCase {
    std::int64_t case_id = 0;
    std::int64_t codename_id = 0;
    CaseState to = CaseState::referred;
    Month month;
};
Result<void> step_case(const StepCase& command, CaseRepository& cases);

// The level of a sanction, how many came before it in 52 weeks (0, 1, 2 or more), and any
// hardship payment: what sets its length.
struct RecordCaseDetails {
    std::int64_t case_id = 0;
    std::int64_t codename_id = 0;
    Level level = Level::lower;
    int previous = 0;
    Hardship hardship = Hardship::not_applied;
    Month month;
};
Result<void> record_case_details(const RecordCaseDetails& command, CaseRepository& cases);

}  // namespace pw::sanctions
