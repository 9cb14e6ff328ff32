#include "core/accounts/account.hpp"

#include <gtest/gtest.h>

using namespace pw::accounts;
using namespace std::chrono_literals;

TEST(Accounts, UsernamesAreFoldedAndChecked) {
    EXPECT_EQ(check_username(" Mod.Jane_1 ").value(), "mod.jane_1");
    EXPECT_FALSE(check_username("ab"));
    EXPECT_FALSE(check_username("jane smith"));
    EXPECT_FALSE(check_username("jane';--"));
}

TEST(Accounts, PasswordsNeedTwelveToOneHundredAndTwentyEightCharacters) {
    EXPECT_FALSE(check_password("short"));
    EXPECT_TRUE(check_password("correct horse battery"));
    EXPECT_FALSE(check_password(std::string(129, 'x')));
}

TEST(Sessions, EndAfterIdleOrAbsoluteTimeout) {
    const SessionPolicy policy{30min, 12h};
    const Clock::time_point t0{};
    EXPECT_TRUE(session_alive(t0, t0 + 1h, t0 + 1h + 29min, policy));
    EXPECT_FALSE(session_alive(t0, t0 + 1h, t0 + 1h + 30min, policy));  // idle
    EXPECT_FALSE(session_alive(t0, t0 + 12h, t0 + 12h + 1s, policy));   // absolute, though just used
}

TEST(LoginThrottle, LocksAUsernameForOneClientAfterFiveFailuresForTheWindow) {
    LoginThrottle throttle(5, 15min);
    const Clock::time_point t0{};
    const std::uint64_t attacker = 1;
    const std::uint64_t jane = 2;
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(throttle.allowed("jane", attacker, t0 + std::chrono::seconds(i)));
        throttle.failed("jane", attacker, t0 + std::chrono::seconds(i));
    }
    EXPECT_FALSE(throttle.allowed("jane", attacker, t0 + 1min));
    EXPECT_TRUE(throttle.allowed("bob", attacker, t0 + 1min));  // other usernames are not affected
    EXPECT_TRUE(throttle.allowed("jane", jane, t0 + 1min));     // nor is Jane, from her own client
    EXPECT_TRUE(throttle.allowed("jane", attacker, t0 + 15min));
    throttle.failed("jane", attacker, t0 + 15min);  // a new window starts
    EXPECT_TRUE(throttle.allowed("jane", attacker, t0 + 16min));
}

TEST(LoginThrottle, ASuccessClearsTheFailures) {
    LoginThrottle throttle(2, 15min);
    const Clock::time_point t0{};
    throttle.failed("jane", 7, t0);
    throttle.succeeded("jane", 7);
    throttle.failed("jane", 7, t0);
    EXPECT_TRUE(throttle.allowed("jane", 7, t0));
}

TEST(LoginThrottle, KeepsABoundedNumberOfRecordsDroppingTheExpiredThenTheOldest) {
    LoginThrottle throttle(1, 15min, 100);
    const Clock::time_point t0{};
    for (int i = 0; i < 1000; ++i) throttle.failed("user" + std::to_string(i), 1, t0 + std::chrono::seconds(i));
    EXPECT_LE(throttle.size(), 100u);
    EXPECT_FALSE(throttle.allowed("user999", 1, t0 + 1000s));  // the newest are kept
    EXPECT_TRUE(throttle.allowed("user0", 1, t0 + 1000s));     // the oldest made room
    throttle.failed("late", 1, t0 + 1h);                       // everything else has expired by now
    EXPECT_EQ(throttle.size(), 1u);
}

TEST(LoginThrottle, JunkUsernamesCannotPushABlockedClientOut) {
    LoginThrottle throttle(3, 15min, 100);
    const Clock::time_point t0{};
    for (int i = 0; i < 3; ++i) throttle.failed("jane", 66, t0);
    for (int i = 0; i < 1000; ++i) {
        throttle.failed("junk" + std::to_string(i), 66, t0 + std::chrono::milliseconds(i + 1));
    }
    EXPECT_LE(throttle.size(), 100u);
    EXPECT_FALSE(throttle.allowed("jane", 66, t0 + 2s));  // still waiting out its window
}
