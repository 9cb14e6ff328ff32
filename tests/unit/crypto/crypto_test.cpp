#include <gtest/gtest.h>

#include <set>

#include "core/codenames/codename.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "crypto/csrf.hpp"

using namespace pw::crypto;

class Crypto : public ::testing::Test {
protected:
    static void SetUpTestSuite() { initialise(); }
};

TEST_F(Crypto, CodenamesAreFourListedWordsThatNormaliseToThemselves) {
    EXPECT_EQ(word_count(), 2048u);
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const auto codename = new_codename();
        EXPECT_EQ(pw::codenames::normalise(codename), codename);
        seen.insert(codename);
    }
    EXPECT_EQ(seen.size(), 200u);  // 44 bits: a repeat in 200 draws would mean a broken generator
}

TEST_F(Crypto, AHashMatchesOnlyItsOwnCodename) {
    const auto hash = hash_secret("maple river candle orbit");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(secret_matches(hash, "maple river candle orbit"));
    EXPECT_FALSE(secret_matches(hash, "maple river candle orbits"));
    EXPECT_NE(hash_secret("maple river candle orbit"), hash);  // salted
}

TEST_F(Crypto, LookupKeysAreTwentyBitsAndStable) {
    const auto key = lookup_key("maple river candle orbit");
    EXPECT_EQ(key, lookup_key("maple river candle orbit"));
    EXPECT_GE(key, 0);
    EXPECT_LT(key, 1 << 20);
}

TEST_F(Crypto, FormTokensAreBoundToTheFormAndTheDay) {
    CsrfTokens tokens;
    const auto token = tokens.issue("/providers/1/rate", 20000);
    EXPECT_TRUE(tokens.valid(token, "/providers/1/rate", 20000));
    EXPECT_TRUE(tokens.valid(token, "/providers/1/rate", 20001));  // until the end of the next day
    EXPECT_FALSE(tokens.valid(token, "/providers/1/rate", 20002));
    EXPECT_FALSE(tokens.valid(token, "/providers/2/rate", 20000));  // another form
    EXPECT_FALSE(tokens.valid("", "/providers/1/rate", 20000));
    EXPECT_FALSE(CsrfTokens().valid(token, "/providers/1/rate", 20000));  // another server key
    std::string tampered = token;
    tampered.back() = tampered.back() == '0' ? '1' : '0';
    EXPECT_FALSE(tokens.valid(tampered, "/providers/1/rate", 20000));
}
