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

TEST(LoginThrottle, LocksAUsernameAfterFiveFailuresForTheWindow) {
    LoginThrottle throttle(5, 15min);
    const Clock::time_point t0{};
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(throttle.allowed("jane", t0 + std::chrono::seconds(i)));
        throttle.failed("jane", t0 + std::chrono::seconds(i));
    }
    EXPECT_FALSE(throttle.allowed("jane", t0 + 1min));
    EXPECT_TRUE(throttle.allowed("bob", t0 + 1min));  // others are not affected
    EXPECT_TRUE(throttle.allowed("jane", t0 + 15min));
    throttle.failed("jane", t0 + 15min);  // a new window starts
    EXPECT_TRUE(throttle.allowed("jane", t0 + 16min));
}

TEST(LoginThrottle, ASuccessClearsTheFailures) {
    LoginThrottle throttle(2, 15min);
    const Clock::time_point t0{};
    throttle.failed("jane", t0);
    throttle.succeeded("jane");
    throttle.failed("jane", t0);
    EXPECT_TRUE(throttle.allowed("jane", t0));
}
