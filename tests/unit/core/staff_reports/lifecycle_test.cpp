#include "core/staff_reports/lifecycle.hpp"

#include <gtest/gtest.h>

#include "unit/core/lifecycle/every_pair.hpp"

using namespace pw;
using namespace pw::staff_reports;

using pw::testing::check_every_pair;

TEST(StaffReportLifecycle, OnlyTheListedTransitionsAreAllowedForEveryPairOfStatesAndActor) {
    using S = ReportState;
    check_every_pair(kReportStates,
                     {{S::received, S::credible, Actor::moderator},
                      {S::received, S::needs_more, Actor::moderator},
                      {S::received, S::not_relevant, Actor::moderator},
                      {S::needs_more, S::received, Actor::staff},
                      {S::needs_more, S::credible, Actor::moderator},
                      {S::needs_more, S::not_relevant, Actor::moderator},
                      {S::credible, S::not_relevant, Actor::moderator},
                      {S::not_relevant, S::credible, Actor::moderator}},
                     check_report_transition);
}

TEST(StaffReportLifecycle, NamesReadBackToTheirStates) {
    for (const auto state : kReportStates) EXPECT_EQ(report_state_from(report_state_name(state)), state);
    EXPECT_FALSE(report_state_from("deleted"));
}
