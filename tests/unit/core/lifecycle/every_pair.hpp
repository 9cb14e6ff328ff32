#pragma once
// Tests a lifecycle table over every (from, to, actor) triple: allowed exactly when listed.
#include <gtest/gtest.h>

#include <array>
#include <set>
#include <tuple>

#include "core/lifecycle/transition.hpp"

namespace pw::testing {

inline constexpr std::array kActors{Actor::participant, Actor::moderator, Actor::provider, Actor::admin, Actor::staff};

template <class State, std::size_t N, class Check>
void check_every_pair(const std::array<State, N>& states, const std::set<std::tuple<State, State, Actor>>& allowed,
                      Check check) {
    int checked = 0;
    for (auto from : states) {
        for (auto to : states) {
            for (auto actor : kActors) {
                const bool expected = allowed.contains({from, to, actor});
                auto result = check(from, to, actor);
                EXPECT_EQ(result.has_value(), expected)
                    << static_cast<int>(from) << "->" << static_cast<int>(to) << " by " << actor_name(actor);
                if (!result) {
                    EXPECT_EQ(result.error().kind, ErrorKind::illegal_transition);
                }
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, static_cast<int>(N * N * kActors.size()));
}

}  // namespace pw::testing
