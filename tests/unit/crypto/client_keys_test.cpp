#include "crypto/client_keys.hpp"

#include <gtest/gtest.h>

#include "crypto/codenames.hpp"

using pw::crypto::ClientKeys;

TEST(ClientKeys, OneAddressIsOneClientForTheDayAndAnotherAddressIsAnother) {
    pw::crypto::initialise();
    ClientKeys keys;
    const auto a = keys.key_for("203.0.113.9", 20000);
    EXPECT_EQ(keys.key_for("203.0.113.9", 20000), a);
    EXPECT_NE(keys.key_for("203.0.113.10", 20000), a);
}

TEST(ClientKeys, TheKeyIsNewEachDaySoDaysCannotBeLinked) {
    pw::crypto::initialise();
    ClientKeys keys;
    const auto today = keys.key_for("203.0.113.9", 20000);
    const auto tomorrow = keys.key_for("203.0.113.9", 20001);
    EXPECT_NE(today, tomorrow);
    EXPECT_NE(keys.key_for("203.0.113.9", 20000), today);  // yesterday's key is gone for good
}

TEST(ClientKeys, TwoServersDoNotShareTheirNumbers) {
    pw::crypto::initialise();
    ClientKeys one;
    ClientKeys two;
    EXPECT_NE(one.key_for("203.0.113.9", 20000), two.key_for("203.0.113.9", 20000));  // random keys, 2^-64
}

TEST(ClientKeys, AnIpv6ClientIsItsSlash64AndAMappedIpv4AddressIsTheAddress) {
    pw::crypto::initialise();
    ClientKeys keys;
    // Every address of one /64 is one client: a phone may send from any of them.
    const auto home = keys.key_for("2001:db8:1:2::1", 20000);
    EXPECT_EQ(keys.key_for("2001:db8:1:2::8", 20000), home);
    EXPECT_EQ(keys.key_for("2001:db8:1:2:ffff:ffff:ffff:ffff", 20000), home);
    EXPECT_NE(keys.key_for("2001:db8:1:3::1", 20000), home);
    EXPECT_EQ(keys.key_for("::ffff:203.0.113.9", 20000), keys.key_for("203.0.113.9", 20000));
    EXPECT_NE(keys.key_for("::ffff:203.0.113.10", 20000), keys.key_for("203.0.113.9", 20000));
    EXPECT_EQ(keys.key_for("64:ff9b::203.0.113.9", 20000), keys.key_for("203.0.113.9", 20000));  // NAT64
    EXPECT_NE(keys.key_for("64:ff9b::203.0.113.10", 20000), keys.key_for("203.0.113.9", 20000));
    // What is no address at all is hashed as it is, still one client per text.
    EXPECT_EQ(keys.key_for("", 20000), keys.key_for("", 20000));
}
