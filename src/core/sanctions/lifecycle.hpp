#pragma once
// A sanction case's lifecycle, and nothing else: referral, decision, mandatory reconsideration,
// appeal. Impossible steps are refused with a plain explanation.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::sanctions {

enum class CaseState {
    referred,     // waiting for the decision maker
    reserved,     // decision put off
    cancelled,    // the referral was dropped
    non_adverse,  // good reason accepted: no sanction
    adverse,      // benefit stopped
    reconsideration_requested,
    reconsideration_upheld,  // the sanction stands
    overturned_reconsideration,
    appeal_lodged,
    appeal_won,
    appeal_lost,
};
inline constexpr std::array kCaseStates{CaseState::referred,
                                        CaseState::reserved,
                                        CaseState::cancelled,
                                        CaseState::non_adverse,
                                        CaseState::adverse,
                                        CaseState::reconsideration_requested,
                                        CaseState::reconsideration_upheld,
                                        CaseState::overturned_reconsideration,
                                        CaseState::appeal_lodged,
                                        CaseState::appeal_won,
                                        CaseState::appeal_lost};

inline constexpr Transition<CaseState> kCaseTransitions[] = {
    {CaseState::referred, CaseState::reserved, Actor::participant},
    {CaseState::referred, CaseState::cancelled, Actor::participant},
    {CaseState::referred, CaseState::non_adverse, Actor::participant},
    {CaseState::referred, CaseState::adverse, Actor::participant},
    {CaseState::reserved, CaseState::non_adverse, Actor::participant},
    {CaseState::reserved, CaseState::adverse, Actor::participant},
    {CaseState::reserved, CaseState::cancelled, Actor::participant},
    {CaseState::adverse, CaseState::reconsideration_requested, Actor::participant},
    {CaseState::reconsideration_requested, CaseState::reconsideration_upheld, Actor::participant},
    {CaseState::reconsideration_requested, CaseState::overturned_reconsideration, Actor::participant},
    {CaseState::reconsideration_upheld, CaseState::appeal_lodged, Actor::participant},  // needs the outcome first
    {CaseState::appeal_lodged, CaseState::appeal_won, Actor::participant},
    {CaseState::appeal_lodged, CaseState::appeal_lost, Actor::participant},
};

std::string_view case_state_key(CaseState state);
std::string_view case_state_label(CaseState state);
std::optional<CaseState> case_state_from(std::string_view key);

// Decided at all (not waiting, not put off), and decided against the person (whatever came later).
inline bool is_decided(CaseState s) {
    return s != CaseState::referred && s != CaseState::reserved;
}
inline bool ended_in_sanction(CaseState s) {
    return is_decided(s) && s != CaseState::cancelled && s != CaseState::non_adverse;
}

// Ok, or an error whose message says in plain words why the step is not possible yet.
Result<void> check_case_transition(CaseState from, CaseState to);

}  // namespace pw::sanctions
