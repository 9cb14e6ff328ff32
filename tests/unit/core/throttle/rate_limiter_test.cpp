#include "core/throttle/rate_limiter.hpp"

#include <gtest/gtest.h>

using namespace pw::throttle;

TEST(RateLimiter, RefusesAClientPastItsLimitWithinTheHour) {
    RateLimiter limiter({.participant_writes_per_hour = 3, .codename_lookups_per_hour = 2});
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow(Action::participant_write, 7, 100)) << i;
    EXPECT_FALSE(limiter.allow(Action::participant_write, 7, 100));
    EXPECT_FALSE(limiter.allow(Action::participant_write, 7, 100));  // a refusal is not counted against later hours
    EXPECT_TRUE(limiter.allow(Action::participant_write, 7, 101));   // the next hour starts afresh
}

TEST(RateLimiter, CountsEachClientAndEachKindOfActionApart) {
    RateLimiter limiter({.participant_writes_per_hour = 1, .codename_lookups_per_hour = 1});
    EXPECT_TRUE(limiter.allow(Action::participant_write, 1, 5));
    EXPECT_FALSE(limiter.allow(Action::participant_write, 1, 5));
    EXPECT_TRUE(limiter.allow(Action::participant_write, 2, 5));  // another client
    EXPECT_TRUE(limiter.allow(Action::codename_lookup, 1, 5));    // another kind
    EXPECT_FALSE(limiter.allow(Action::codename_lookup, 1, 5));
    // Acting on a case already opened is counted apart from opening one, and allowed more.
    for (int i = 0; i < 120; ++i) EXPECT_TRUE(limiter.allow(Action::codename_action, 1, 5)) << i;
    EXPECT_FALSE(limiter.allow(Action::codename_action, 1, 5));
}

TEST(RateLimiter, ZeroMeansNoLimit) {
    RateLimiter limiter({.participant_writes_per_hour = 0, .codename_lookups_per_hour = 1});
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.allow(Action::participant_write, 1, 5));
    EXPECT_TRUE(limiter.allow(Action::codename_lookup, 1, 5));
    EXPECT_FALSE(limiter.allow(Action::codename_lookup, 1, 5));
}

TEST(RateLimiter, PastItsCapacityLetsNewClientsThroughRatherThanLockingThemOut) {
    RateLimiter limiter({.participant_writes_per_hour = 1, .codename_lookups_per_hour = 1, .max_clients = 2});
    EXPECT_TRUE(limiter.allow(Action::participant_write, 1, 5));
    EXPECT_TRUE(limiter.allow(Action::participant_write, 2, 5));
    EXPECT_FALSE(limiter.allow(Action::participant_write, 1, 5));  // still counted
    EXPECT_TRUE(limiter.allow(Action::participant_write, 3, 5));   // uncounted: the table is full
    EXPECT_TRUE(limiter.allow(Action::participant_write, 3, 5));
    EXPECT_TRUE(limiter.allow(Action::participant_write, 3, 6));  // a new hour empties the table
    EXPECT_FALSE(limiter.allow(Action::participant_write, 3, 6));
}
