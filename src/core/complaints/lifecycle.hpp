#pragma once
// A complaint's lifecycle, and nothing else. The site drafts the official complaint; the
// participant sends it to the provider themselves and tracks it here under their codename. The
// provider (or the participant, where it does not take part) records its acknowledgement and
// final response. Being overdue is never a state: it comes from the weeks (clock.hpp).
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::complaints {

enum class ComplaintState { drafted, sent, acknowledged, final_response, taken_to_ice, withdrawn };
inline constexpr std::array kComplaintStates{ComplaintState::drafted,        ComplaintState::sent,
                                             ComplaintState::acknowledged,   ComplaintState::final_response,
                                             ComplaintState::taken_to_ice,   ComplaintState::withdrawn};

inline constexpr Transition<ComplaintState> kComplaintTransitions[] = {
    {ComplaintState::drafted, ComplaintState::sent, Actor::participant},  // they sent it to the provider
    {ComplaintState::drafted, ComplaintState::withdrawn, Actor::participant},
    {ComplaintState::sent, ComplaintState::acknowledged, Actor::participant},
    {ComplaintState::sent, ComplaintState::acknowledged, Actor::provider},
    {ComplaintState::sent, ComplaintState::final_response, Actor::participant},
    {ComplaintState::sent, ComplaintState::final_response, Actor::provider},
    {ComplaintState::acknowledged, ComplaintState::final_response, Actor::participant},
    {ComplaintState::acknowledged, ComplaintState::final_response, Actor::provider},
    {ComplaintState::sent, ComplaintState::withdrawn, Actor::participant},
    {ComplaintState::acknowledged, ComplaintState::withdrawn, Actor::participant},
    // To the Independent Case Examiner: after the final response, or without one once 8 weeks
    // have passed since it was sent (clock.hpp decides; the table only says who).
    {ComplaintState::final_response, ComplaintState::taken_to_ice, Actor::participant},
    {ComplaintState::sent, ComplaintState::taken_to_ice, Actor::participant},
    {ComplaintState::acknowledged, ComplaintState::taken_to_ice, Actor::participant},
};

std::string_view complaint_state_name(ComplaintState state);   // "final_response"
std::string_view complaint_state_label(ComplaintState state);  // "Final response received"
std::optional<ComplaintState> complaint_state_from(std::string_view name);

inline Result<void> check_complaint_transition(ComplaintState from, ComplaintState to, Actor actor) {
    return check_transition<ComplaintState>(kComplaintTransitions, from, to, actor, complaint_state_name);
}

}  // namespace pw::complaints
