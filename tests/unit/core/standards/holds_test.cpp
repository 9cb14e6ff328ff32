#include "core/standards/holds.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/standards/pressure.hpp"

using namespace pw;
using namespace pw::standards;

namespace {

const Month kMonth = *Month::from(2026, 11);

struct FakeHolds : HoldRepository {
    std::map<std::int64_t, HoldState> states{{1, HoldState::held}};
    std::vector<events::Event> events;
    bool lose_race = false;
    std::optional<HoldState> hold_state(std::int64_t id) override {
        const auto found = states.find(id);
        return found == states.end() ? std::nullopt : std::optional(found->second);
    }
    bool move_hold(std::int64_t id, HoldState from, HoldState to, Month) override {
        if (lose_race || states.at(id) != from) return false;
        states[id] = to;
        return true;
    }
    void append(const events::Event& e) override { events.push_back(e); }
};

struct FakeReports : PressureRepository {
    std::vector<std::vector<Pressure>> reports;
    bool provider_exists(std::int64_t id) override { return id == 7; }
    void count_report(std::int64_t, Month, const std::vector<Pressure>& kinds) override { reports.push_back(kinds); }
};

}  // namespace

TEST(HoldLifecycle, EveryPairOfStatesIsAllowedOnlyFromHeldByAModerator) {
    for (auto from : kHoldStates) {
        for (auto to : kHoldStates) {
            for (auto actor : {Actor::participant, Actor::moderator, Actor::provider, Actor::admin}) {
                const bool allowed = from == HoldState::held && to != HoldState::held && actor == Actor::moderator;
                EXPECT_EQ(check_transition<HoldState>(kHoldTransitions, from, to, actor, hold_state_name).has_value(),
                          allowed)
                    << hold_state_name(from) << " -> " << hold_state_name(to) << " by " << actor_name(actor);
            }
        }
    }
}

TEST(HoldLifecycle, NamesRoundTrip) {
    for (auto s : kHoldStates) EXPECT_EQ(hold_state_from(hold_state_name(s)), s);
    EXPECT_EQ(hold_state_from("cleared"), std::nullopt);
}

TEST(DecideHold, CountsAHeldMonthWithAnEvent) {
    FakeHolds holds;
    ASSERT_TRUE(decide_hold({1, HoldState::counted, kMonth}, holds));
    EXPECT_EQ(holds.states[1], HoldState::counted);
    ASSERT_EQ(holds.events.size(), 1u);
    EXPECT_EQ(holds.events[0].what, "rating_hold.counted");
    EXPECT_EQ(holds.events[0].to_state, "counted");
}

TEST(DecideHold, ADecidedMonthCannotBeDecidedAgain) {
    FakeHolds holds;
    holds.states[1] = HoldState::excluded;
    const auto r = decide_hold({1, HoldState::counted, kMonth}, holds);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::illegal_transition);
    EXPECT_TRUE(holds.events.empty());
}

TEST(DecideHold, AnUnknownHoldOrALostRaceChangesNothing) {
    FakeHolds holds;
    EXPECT_EQ(decide_hold({9, HoldState::counted, kMonth}, holds).error().kind, ErrorKind::not_found);
    holds.lose_race = true;
    EXPECT_EQ(decide_hold({1, HoldState::excluded, kMonth}, holds).error().kind, ErrorKind::conflict);
    EXPECT_EQ(holds.states[1], HoldState::held);
    EXPECT_TRUE(holds.events.empty());
}

TEST(ReportPressure, CountsEachKindOnce) {
    FakeReports reports;
    ASSERT_TRUE(report_pressure({7, {Pressure::watched, Pressure::asked_to_see, Pressure::watched}, kMonth}, reports));
    EXPECT_EQ(reports.reports.at(0), (std::vector<Pressure>{Pressure::asked_to_see, Pressure::watched}));
}

TEST(ReportPressure, NothingSelectedOrAnUnknownProviderIsRefused) {
    FakeReports reports;
    EXPECT_EQ(report_pressure({7, {}, kMonth}, reports).error().message, "Select what happened");
    EXPECT_EQ(report_pressure({8, {Pressure::other}, kMonth}, reports).error().kind, ErrorKind::not_found);
    EXPECT_TRUE(reports.reports.empty());
}
