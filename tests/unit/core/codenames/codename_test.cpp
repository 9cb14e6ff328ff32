#include "core/codenames/codename.hpp"

#include <gtest/gtest.h>

using pw::codenames::normalise;

TEST(Codename, AcceptsFourWordsHoweverTheyAreTyped) {
    EXPECT_EQ(normalise("maple river candle orbit"), "maple river candle orbit");
    EXPECT_EQ(normalise("  Maple-River  candle,ORBIT. "), "maple river candle orbit");
}

TEST(Codename, RefusesAnythingElse) {
    EXPECT_FALSE(normalise("maple river candle"));
    EXPECT_FALSE(normalise("maple river candle orbit extra"));
    EXPECT_FALSE(normalise("maple river candle orb1t"));
    EXPECT_FALSE(normalise("maple river candle ob"));
    EXPECT_FALSE(normalise("maple river candle ' OR 1=1"));
    EXPECT_FALSE(normalise(std::string(200, 'a')));
    EXPECT_FALSE(normalise("café river candle orbit"));
}
