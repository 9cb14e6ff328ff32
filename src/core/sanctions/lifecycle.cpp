#include "core/sanctions/lifecycle.hpp"

namespace pw::sanctions {

std::string_view case_state_key(CaseState s) {
    switch (s) {
        case CaseState::referred:
            return "referred";
        case CaseState::reserved:
            return "reserved";
        case CaseState::cancelled:
            return "cancelled";
        case CaseState::non_adverse:
            return "non-adverse";
        case CaseState::adverse:
            return "adverse";
        case CaseState::reconsideration_requested:
            return "reconsideration-requested";
        case CaseState::reconsideration_upheld:
            return "reconsideration-upheld";
        case CaseState::overturned_reconsideration:
            return "overturned-reconsideration";
        case CaseState::appeal_lodged:
            return "appeal-lodged";
        case CaseState::appeal_won:
            return "appeal-won";
        case CaseState::appeal_lost:
            return "appeal-lost";
    }
    return "referred";
}

std::string_view case_state_label(CaseState s) {
    switch (s) {
        case CaseState::referred:
            return "Waiting for a decision";
        case CaseState::reserved:
            return "Decision put off (reserved)";
        case CaseState::cancelled:
            return "Referral cancelled";
        case CaseState::non_adverse:
            return "No sanction: good reason accepted";
        case CaseState::adverse:
            return "Sanctioned";
        case CaseState::reconsideration_requested:
            return "Mandatory reconsideration asked for";
        case CaseState::reconsideration_upheld:
            return "Reconsideration: the sanction stands";
        case CaseState::overturned_reconsideration:
            return "Overturned at reconsideration";
        case CaseState::appeal_lodged:
            return "Appeal lodged with the tribunal";
        case CaseState::appeal_won:
            return "Appeal won: sanction overturned";
        case CaseState::appeal_lost:
            return "Appeal lost";
    }
    return "";
}

std::optional<CaseState> case_state_from(std::string_view key) {
    for (auto s : kCaseStates) {
        if (case_state_key(s) == key) return s;
    }
    return std::nullopt;
}

Result<void> check_case_transition(CaseState from, CaseState to) {
    auto ok = check_transition<CaseState>(kCaseTransitions, from, to, Actor::participant, case_state_key);
    if (ok) return ok;
    // Plain explanations for the steps people most often try too early.
    std::string why = "That step does not follow from where your case is now.";
    if (to == CaseState::appeal_lodged) {
        why = "An appeal needs the outcome of a mandatory reconsideration first: ask for one, then record its outcome.";
    } else if (to == CaseState::reconsideration_requested) {
        why = "You can ask for a mandatory reconsideration only after a decision to sanction you.";
    } else if (to == CaseState::reconsideration_upheld || to == CaseState::overturned_reconsideration) {
        why = "Record that you asked for a reconsideration before its outcome.";
    } else if (to == CaseState::appeal_won || to == CaseState::appeal_lost) {
        why = "Record that you lodged an appeal before its outcome.";
    }
    return fail(ErrorKind::illegal_transition, why, ok.error().detail);
}

}  // namespace pw::sanctions
