#include "core/standards/holds.hpp"

namespace pw::standards {

std::string_view hold_state_name(HoldState state) {
    switch (state) {
        case HoldState::held:
            return "held";
        case HoldState::counted:
            return "counted";
        case HoldState::excluded:
            return "excluded";
    }
    return "held";
}

std::optional<HoldState> hold_state_from(std::string_view name) {
    return state_named(kHoldStates, hold_state_name, name);
}

Result<void> decide_hold(const DecideHold& command, HoldRepository& holds) {
    const auto from = holds.hold_state(command.hold_id);
    if (!from) return fail(ErrorKind::not_found, "There is no such held month.");
    if (auto allowed =
            check_transition<HoldState>(kHoldTransitions, *from, command.to, Actor::moderator, hold_state_name);
        !allowed)
        return allowed;
    if (!holds.move_hold(command.hold_id, *from, command.to, command.month))
        return fail(ErrorKind::conflict, "Someone else decided it first.");
    holds.append(events::Event{command.to == HoldState::counted ? "rating_hold.counted" : "rating_hold.excluded",
                               "rating_hold", command.hold_id, std::string(hold_state_name(*from)),
                               std::string(hold_state_name(command.to)), events::ActorRole::moderator, command.month});
    return {};
}

}  // namespace pw::standards
