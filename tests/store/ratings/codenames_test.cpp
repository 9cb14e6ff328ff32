// Finding a codename on both engines: keyed look-up keys, and codenames made before them.
#include "store/ratings/ratings.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "crypto/secrets.hpp"
#include "store/store_test.hpp"

using namespace pw;
using pw::testing::StoreTest;

class Codenames : public StoreTest {
protected:
    static void SetUpTestSuite() { crypto::initialise(); }
    std::int64_t insert(const store::NewCodename& codename) {
        auto s = db_->session();
        return store::insert_codename(s, codename, month());
    }
    std::optional<std::int64_t> find(std::string_view codename) {
        auto s = db_->session();
        return store::find_codename(s, keys_, codename);
    }
    // As rows made before migration 012 were: the unkeyed look-up key, and keyed = 0.
    std::int64_t insert_unkeyed(const std::string& codename) {
        const long long legacy = crypto::legacy_lookup_key(codename);
        const std::string hash = crypto::hash_secret(codename);
        long long id = 0;
        auto s = db_->session();
        s << "INSERT INTO codenames (lookup_key, hash, created_month) VALUES (:k, :h, '2025-01') RETURNING id",
            soci::use(legacy), soci::use(hash), soci::into(id);
        return id;
    }
    crypto::LookupKeys keys_{crypto::new_secrets().lookup_key};
};

TEST_P(Codenames, ACodenameIsFoundByItselfAndNothingElse) {
    const auto id = insert(store::hash_codename(keys_, "maple river candle orbit"));
    EXPECT_EQ(find("maple river candle orbit"), id);
    EXPECT_FALSE(find("maple river candle orbits"));
    EXPECT_FALSE(find("river maple candle orbit"));
}

TEST_P(Codenames, ACodenameMadeUnderAnotherDeploymentKeyIsNotFound) {
    auto made = store::hash_codename(crypto::LookupKeys(crypto::new_secrets().lookup_key), "maple river candle orbit");
    while (made.lookup_key == keys_("maple river candle orbit")) {  // 1 in 2^20: draw another key
        made = store::hash_codename(crypto::LookupKeys(crypto::new_secrets().lookup_key), "maple river candle orbit");
    }
    insert(made);
    EXPECT_FALSE(find("maple river candle orbit"));
}

TEST_P(Codenames, ACodenameMadeBeforeLookUpKeysWereKeyedIsStillFound) {
    const auto id = insert_unkeyed("maple river candle orbit");
    EXPECT_EQ(find("maple river candle orbit"), id);
    EXPECT_FALSE(find("maple river candle orbits"));
}

// Its unkeyed look-up key is one anyone can compute: the first time it is used, it is given the
// keyed one, so nothing tells an attacker any longer that the unkeyed bucket holds it.
TEST_P(Codenames, ACodenameFoundUnderItsUnkeyedKeyIsGivenTheKeyedOne) {
    const auto id = insert_unkeyed("maple river candle orbit");
    auto db = open_db(2);
    {
        store::Writer writer(*db);
        auto s = db->session();
        EXPECT_EQ(store::find_codename(s, keys_, "maple river candle orbit", &writer), id);
        writer.stop();
    }
    EXPECT_EQ(count("codenames WHERE keyed = 0"), 0);
    long long key = 0;
    {
        auto s = db_->session();
        s << "SELECT lookup_key FROM codenames WHERE id = :id", soci::into(key), soci::use(id);
    }
    EXPECT_EQ(key, keys_("maple river candle orbit"));
    EXPECT_EQ(find("maple river candle orbit"), id);
}

PW_ENGINE_SUITE(Codenames);

// A wrong guess whose look-up key is in use checks one stored hash; one whose key is not checks
// the stand-in. Before, the second answered at once and told an attacker which keys exist.
TEST_P(Codenames, AWrongGuessTakesAsLongWhetherOrNotItsLookUpKeyIsInUse) {
    insert(store::hash_codename(keys_, "maple river candle orbit"));
    const auto used = keys_("maple river candle orbit");
    std::string same_key;  // another codename under the same look-up key: about 2^20 tries
    std::string free_key;
    for (int i = 0; same_key.empty() || free_key.empty(); ++i) {
        const auto guess = crypto::new_codename();
        if (keys_(guess) == used && guess != "maple river candle orbit") same_key = guess;
        if (free_key.empty() && keys_(guess) != used && crypto::legacy_lookup_key(guess) != used) free_key = guess;
        ASSERT_LT(i, 50'000'000);
    }
    // The two kinds of guess take turns, so a machine busy with other work slows both alike.
    std::vector<double> in_use_ms;
    std::vector<double> not_in_use_ms;
    const auto time_ms = [&](const std::string& guess) {
        const auto start = std::chrono::steady_clock::now();
        EXPECT_FALSE(find(guess));
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    };
    for (int i = 0; i < 11; ++i) {
        in_use_ms.push_back(time_ms(same_key));
        not_in_use_ms.push_back(time_ms(free_key));
    }
    const auto median = [](std::vector<double> ms) {
        std::sort(ms.begin(), ms.end());
        return ms[ms.size() / 2];
    };
    const double in_use = median(in_use_ms);
    const double not_in_use = median(not_in_use_ms);
    std::printf("wrong codename, median: look-up key in use %.1f ms, not in use %.1f ms\n", in_use, not_in_use);
    EXPECT_GT(not_in_use, in_use * 0.7);
    EXPECT_LT(not_in_use, in_use * 1.4);
}
