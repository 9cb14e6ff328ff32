#pragma once
// Held ratings: the flood check holds a provider's month; a moderator looks and either counts
// them or leaves them out (docs/integrity.md). One transition table, one command per action.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/lifecycle/transition.hpp"

namespace pw::standards {

enum class HoldState {
    held,      // not counted towards status or the award; the public score still has them
    counted,   // a moderator found nothing wrong: they count like any other
    excluded,  // a moderator judged them a flood: left out of every figure from now on
};
inline constexpr std::array kHoldStates{HoldState::held, HoldState::counted, HoldState::excluded};

inline constexpr Transition<HoldState> kHoldTransitions[] = {
    {HoldState::held, HoldState::counted, Actor::moderator},
    {HoldState::held, HoldState::excluded, Actor::moderator},
};

std::string_view hold_state_name(HoldState state);  // "held", "counted", "excluded"
std::optional<HoldState> hold_state_from(std::string_view name);

class HoldRepository {
public:
    virtual ~HoldRepository() = default;
    virtual std::optional<HoldState> hold_state(std::int64_t hold_id) = 0;
    // Moves it only if it is still in `from`; false when it was not.
    virtual bool move_hold(std::int64_t hold_id, HoldState from, HoldState to, Month decided) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A moderator decides a held month: counted or excluded. Anyone else is refused before this.
struct DecideHold {
    std::int64_t hold_id = 0;
    HoldState to = HoldState::counted;
    Month month;
};
Result<void> decide_hold(const DecideHold& command, HoldRepository& holds);

}  // namespace pw::standards
