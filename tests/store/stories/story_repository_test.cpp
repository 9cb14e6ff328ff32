// The story commands' repository on both engines: every move is compare-and-set on the state.
#include "store/stories/story_repository.hpp"

#include "store/store_test.hpp"
#include "store/stories/responses.hpp"
#include "store/stories/stories.hpp"

using namespace pw;
using namespace pw::stories;
using pw::store::SociStoryRepository;
using pw::testing::StoreTest;

class StoryRepositoryTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
        codename_ = add_codename();
        auto s = db_->session();
        s << "INSERT INTO accounts (username, password_hash, role, provider_id, created_month) "
             "VALUES ('rep', 'x', 'provider', :p, '2026-11')",
            soci::use(provider_);
        s << "SELECT MAX(id) FROM accounts", soci::into(account_);
    }
    long long provider_ = 0;
    long long codename_ = 0;
    long long account_ = 0;
};
PW_ENGINE_SUITE(StoryRepositoryTest);

TEST_P(StoryRepositoryTest, AStoryIsReadBackAndMovesOnlyFromTheStateItIsIn) {
    std::int64_t id = 0;
    {
        auto s = db_->session();  // given back before find_story borrows one
        SociStoryRepository stories(s);
        id = stories.insert_story({provider_, std::nullopt, std::nullopt, codename_, month(),
                                   redaction::redact_text("They lost my forms twice.")});
        const auto facts = stories.story(id);
        ASSERT_TRUE(facts);
        EXPECT_EQ(facts->state, StoryState::pending);
        EXPECT_EQ(facts->provider_id, provider_);
        EXPECT_EQ(facts->codename_id, codename_);
        EXPECT_FALSE(stories.story(id + 1000));
        EXPECT_TRUE(stories.move_story(id, StoryState::pending, StoryState::rejected,
                                       redaction::redact_text("It names your adviser.")));
        // A second moderator who read "pending" before the first moved it:
        EXPECT_FALSE(stories.move_story(id, StoryState::pending, StoryState::published, std::nullopt));
        EXPECT_EQ(stories.story(id)->state, StoryState::rejected);
        stories.set_safeguarding(id, true);
    }
    const auto row = store::find_story(*db_, id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, StoryState::rejected);
    EXPECT_EQ(row->reject_reason, "It names your adviser.");
    EXPECT_TRUE(row->safeguarding);
    EXPECT_EQ(row->body, "They lost my forms twice.");
}

TEST_P(StoryRepositoryTest, FlagsAndResponsesMoveOnlyFromTheStateTheyAreIn) {
    auto s = db_->session();
    SociStoryRepository stories(s);
    const auto story = stories.insert_story(
        {provider_, std::nullopt, std::nullopt, std::nullopt, month(), redaction::redact_text("Nobody rang back.")});
    ASSERT_TRUE(stories.move_story(story, StoryState::pending, StoryState::published, std::nullopt));
    const auto flag = stories.insert_flag(story, account_, month(), "Untrue");
    EXPECT_EQ(stories.flag(flag)->state, FlagState::open);
    EXPECT_EQ(stories.flag(flag)->story_id, story);
    EXPECT_TRUE(stories.move_flag(flag, FlagState::open, FlagState::dismissed));
    EXPECT_FALSE(stories.move_flag(flag, FlagState::open, FlagState::upheld));
    EXPECT_EQ(stories.flag(flag)->state, FlagState::dismissed);
    EXPECT_FALSE(stories.flag(flag + 1000));

    const auto response =
        stories.insert_response(story, provider_, account_, month(), redaction::redact_text("We are sorry."));
    EXPECT_EQ(stories.response_state(response), ResponseState::pending);
    EXPECT_TRUE(stories.move_response(response, ResponseState::pending, ResponseState::rejected,
                                      redaction::redact_text("Say what you will change.")));
    EXPECT_FALSE(stories.move_response(response, ResponseState::pending, ResponseState::published, std::nullopt));
    EXPECT_EQ(stories.response_state(response), ResponseState::rejected);
    EXPECT_FALSE(stories.response_state(response + 1000));
}

TEST_P(StoryRepositoryTest, ACensorRuleIsKeptUnderItsScope) {
    {
        auto s = db_->session();
        SociStoryRepository stories(s);
        const auto story = stories.insert_story({provider_, std::nullopt, std::nullopt, std::nullopt, month(),
                                                 redaction::redact_text("Big Dave shouted.")});
        stories.insert_censor_rule("big dave", CensorScope::provider, provider_, month());
        stories.insert_censor_rule("shouted", CensorScope::story, story, month());
    }
    EXPECT_EQ(count("censor_rules WHERE scope = 'provider' AND story_id IS NULL"), 1);
    EXPECT_EQ(count("censor_rules WHERE scope = 'story' AND provider_id IS NULL"), 1);
}
