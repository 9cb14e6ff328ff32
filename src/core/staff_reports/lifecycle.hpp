#pragma once
// A staff report's lifecycle, and nothing else. Moderators read what arrives and judge it; when
// they need more, the staff member adds it under their codename and the report is read again.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::staff_reports {

enum class ReportState { received, needs_more, credible, not_relevant };
inline constexpr std::array kReportStates{ReportState::received, ReportState::needs_more, ReportState::credible,
                                          ReportState::not_relevant};

inline constexpr Transition<ReportState> kReportTransitions[] = {
    {ReportState::received, ReportState::credible, Actor::moderator},
    {ReportState::received, ReportState::needs_more, Actor::moderator},
    {ReportState::received, ReportState::not_relevant, Actor::moderator},
    {ReportState::needs_more, ReportState::received, Actor::staff},  // they added what was asked
    {ReportState::needs_more, ReportState::credible, Actor::moderator},
    {ReportState::needs_more, ReportState::not_relevant, Actor::moderator},
    // A judgement can be revisited when more comes to light.
    {ReportState::credible, ReportState::not_relevant, Actor::moderator},
    {ReportState::not_relevant, ReportState::credible, Actor::moderator},
};

std::string_view report_state_name(ReportState state);   // "needs_more"
std::string_view report_state_label(ReportState state);  // "We need more from you"
std::optional<ReportState> report_state_from(std::string_view name);

inline Result<void> check_report_transition(ReportState from, ReportState to, Actor actor) {
    return check_transition<ReportState>(kReportTransitions, from, to, actor, report_state_name);
}

}  // namespace pw::staff_reports
