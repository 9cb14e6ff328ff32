// Sessions in the database, on both engines: what any server over it can see of a sign-in.
#include "store/accounts/sessions.hpp"

#include "store/accounts/accounts.hpp"
#include "store/store_test.hpp"

using namespace pw;
using pw::testing::StoreTest;

class Sessions : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto made = store::create_account(*db_, {0, "moderator1", accounts::Role::moderator, std::nullopt},
                                          "$argon2id$x", month());
        ASSERT_TRUE(made) << made.error().message;
        account_ = *made;
    }
    std::int64_t account_ = 0;
};

TEST_P(Sessions, ASessionStartedThroughOneConnectionIsFoundThroughAnother) {
    store::insert_session(*db_, "digest-1", account_, 1000);
    auto other = open_db();  // another server's connection
    auto found = store::find_session(*other, "digest-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->account_id, account_);
    EXPECT_EQ(found->signed_in_at, 1000);
    EXPECT_EQ(found->last_used_at, 1000);
    EXPECT_FALSE(store::find_session(*other, "digest-2"));
}

TEST_P(Sessions, UseMovesLastUsedForwardOnlyAndEndingForgetsTheSession) {
    store::insert_session(*db_, "digest-1", account_, 1000);
    {
        auto s = db_->session();
        store::touch_session(s, "digest-1", 1500);
        store::touch_session(s, "digest-1", 1200);  // a late write from another server
    }
    EXPECT_EQ(store::find_session(*db_, "digest-1")->last_used_at, 1500);
    store::delete_session(*db_, "digest-1");
    EXPECT_FALSE(store::find_session(*db_, "digest-1"));
}

TEST_P(Sessions, DeadSessionsAreDeletedAndLiveOnesKept) {
    store::insert_session(*db_, "idle", account_, 100);
    store::insert_session(*db_, "old", account_, 500);
    store::insert_session(*db_, "live", account_, 900);
    {
        auto s = db_->session();
        store::touch_session(s, "old", 950);
    }
    // Idle since before 400, or signed in before 600.
    EXPECT_EQ(store::delete_dead_sessions(*db_, 400, 600), 2);
    EXPECT_FALSE(store::find_session(*db_, "idle"));
    EXPECT_FALSE(store::find_session(*db_, "old"));
    EXPECT_TRUE(store::find_session(*db_, "live"));
}

PW_ENGINE_SUITE(Sessions);
