#include "core/sanctions/commands.hpp"

#include <string>

namespace pw::sanctions {

namespace {
constexpr const char* kNotYours = "That case is not one of yours.";
constexpr const char* kChanged =
    "Your case was changed somewhere else a moment ago. Look at it again below and choose what happened next.";
}  // namespace

Result<std::int64_t> log_referral(const LogReferral& command, CaseRepository& cases) {
    const auto owner = codenames::keep_under(command.codename_id, command.new_codename, command.month, cases);
    if (!owner) return fail(ErrorKind::invalid_input, "A case is kept under a codename: give yours, or get a new one");
    const auto id = cases.insert_case(command.answers, *owner);
    cases.append(events::Event{"sanction_case.logged", "sanction_case", id, std::nullopt,
                               std::string(case_state_key(CaseState::referred)), events::ActorRole::participant,
                               command.answers.month});
    return id;
}

Result<void> step_case(const StepCase& command, CaseRepository& cases) {
    const auto from = cases.state_of(command.case_id, command.codename_id);
    if (!from) return fail(ErrorKind::not_found, kNotYours);
    if (auto ok = check_case_transition(*from, command.to); !ok) return ok;
    // The step that decides the case keeps the decision's month (the reconsideration deadline
    // counts from it); later steps leave it.
    const auto decision_month = is_decided(*from) ? std::nullopt : std::optional<Month>(command.month);
    if (!cases.move(command.case_id, *from, command.to, decision_month)) {
        return fail(ErrorKind::conflict, kChanged, "sanction case moved by another writer");
    }
    cases.append(events::Event{"sanction_case.stepped", "sanction_case", command.case_id,
                               std::string(case_state_key(*from)), std::string(case_state_key(command.to)),
                               events::ActorRole::participant, command.month});
    return {};
}

Result<void> record_case_details(const RecordCaseDetails& command, CaseRepository& cases) {
    if (command.previous < 0 || command.previous > 2) {
        return fail(ErrorKind::invalid_input, "Choose how many sanctions you had in the 52 weeks before");
    }
    const auto state = cases.state_of(command.case_id, command.codename_id);
    if (!state) return fail(ErrorKind::not_found, kNotYours);
    if (!ended_in_sanction(*state)) {
        return fail(ErrorKind::illegal_transition, "Record the decision to sanction you first.");
    }
    if (!cases.set_details(command.case_id, *state, command.level, command.previous, command.hardship)) {
        return fail(ErrorKind::conflict, kChanged, "sanction case moved by another writer");
    }
    cases.append(events::Event{"sanction_case.details", "sanction_case", command.case_id, std::nullopt,
                               std::string(hardship_key(command.hardship)), events::ActorRole::participant,
                               command.month});
    return {};
}

}  // namespace pw::sanctions
