#include <gtest/gtest.h>

#include <set>

#include "core/codenames/codename.hpp"
#include "crypto/codenames.hpp"
#include "crypto/csrf.hpp"
#include "crypto/passwords.hpp"
#include "crypto/secrets.hpp"

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

TEST_F(Crypto, LookupKeysAreTwentyBitsStableAndDependOnTheDeploymentKey) {
    const LookupKeys keys(new_secrets().lookup_key);
    const auto key = keys("maple river candle orbit");
    EXPECT_EQ(key, keys("maple river candle orbit"));
    EXPECT_GE(key, 0);
    EXPECT_LT(key, 1 << 20);
    // Under another deployment's key the same codename falls elsewhere: 20 codenames cannot all
    // land on the same keys by chance (each does with odds of 1 in 2^20).
    const LookupKeys other(new_secrets().lookup_key);
    int same = 0;
    for (int i = 0; i < 20; ++i) {
        const auto codename = new_codename();
        same += keys(codename) == other(codename) ? 1 : 0;
        EXPECT_LT(legacy_lookup_key(codename), 1 << 20);
    }
    EXPECT_LT(same, 3);
}

TEST_F(Crypto, SecretsRoundTripThroughTheirFileAndBadFilesSayWhichLine) {
    const auto secrets = new_secrets();
    const auto text = secrets_text(secrets);
    auto read = parse_secrets(text);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->form_key, secrets.form_key);
    EXPECT_EQ(read->lookup_key, secrets.lookup_key);
    EXPECT_NE(secrets.form_key, secrets.lookup_key);

    const std::string form = text.substr(text.find("form_key="), 9 + 64 + 1);
    const std::string lookup = text.substr(text.find("lookup_key="));
    EXPECT_EQ(parse_secrets(form).error().message, "lookup_key is missing");
    EXPECT_EQ(parse_secrets(lookup).error().message, "form_key is missing");
    EXPECT_EQ(parse_secrets(form + form + lookup).error().message, "line 2: form_key is given twice");
    EXPECT_EQ(parse_secrets("form_key=abc\n" + lookup).error().message, "line 1: form_key must be 64 hex digits");
    EXPECT_EQ(parse_secrets("key=1\n").error().message, "line 1: expected form_key=... or lookup_key=...");
    EXPECT_EQ(parse_secrets(form + "lookup_key=" + form.substr(9)).error().message,
              "form_key and lookup_key must differ");
    EXPECT_TRUE(parse_secrets("# a comment\r\n" + form + "\n" + lookup));  // blank lines, CRLF
}

TEST_F(Crypto, FormTokensFromOneServerAreAcceptedByAnotherWithTheSameKey) {
    const auto secrets = new_secrets();
    const CsrfTokens one(secrets.form_key);
    const CsrfTokens two(secrets.form_key);
    EXPECT_TRUE(two.valid(one.issue("/sign-in", 20000), "/sign-in", 20000));
    EXPECT_FALSE(CsrfTokens(new_secrets().form_key).valid(one.issue("/sign-in", 20000), "/sign-in", 20000));
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
