#pragma once
// Every lifecycle is one table of allowed transitions (from, to, who). Anything not in the
// table is refused with an illegal_transition error: nothing is silently ignored.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "core/common/error.hpp"

namespace pw {

enum class Actor { participant, moderator, provider, admin, staff };

std::string_view actor_name(Actor actor);

template <class State>
struct Transition {
    State from;
    State to;
    Actor actor;
};

// The state a name stands for ("published"), or nullopt: the inverse of a lifecycle's name function.
template <class State, std::size_t N, class Name>
std::optional<State> state_named(const std::array<State, N>& states, Name name, std::string_view text) {
    for (auto state : states) {
        if (name(state) == text) return state;
    }
    return std::nullopt;
}

template <class State, class Name>
Result<void> check_transition(std::span<const Transition<State>> table, State from, State to, Actor actor, Name name) {
    for (const auto& t : table) {
        if (t.from == from && t.to == to && t.actor == actor) return {};
    }
    return fail(ErrorKind::illegal_transition, "That cannot be done to it now.",
                fmt::format("{} cannot move it from {} to {}", actor_name(actor), name(from), name(to)));
}

}  // namespace pw
