// The story, flag, censor-rule and response commands against an in-memory repository: no database.
#include "core/stories/commands.hpp"

#include <gtest/gtest.h>

#include "unit/core/fakes/stories.hpp"

using namespace pw;
using namespace pw::stories;
using fakes::kNovember;

TEST(TellStory, KeepsTheRedactedTextPendingAndSaysSo) {
    fakes::Stories fake;
    auto id = tell_story({5, std::nullopt, 9, 7, kNovember, redaction::redact_text("Ring me on 07700 900123")}, fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.stories[*id].facts.state, StoryState::pending);
    EXPECT_EQ(fake.stories[*id].body->find("07700"), std::string::npos);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "story.submitted");
    EXPECT_EQ(fake.events[0].to_state, "pending");
}

TEST(ApproveStory, PublishesAPendingStoryWithOneEvent) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    ASSERT_TRUE(approve_story({id, kNovember}, fake));
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::published);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].from_state, "pending");
    EXPECT_EQ(fake.events[0].to_state, "published");
    EXPECT_EQ(fake.events[0].actor, events::ActorRole::moderator);
}

TEST(ApproveStory, ARejectedStoryCannotBePublished) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::rejected);
    auto refused = approve_story({id, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::rejected);
    EXPECT_TRUE(fake.events.empty());
}

TEST(ApproveStory, AStoryThatIsNotThereIsNotFound) {
    fakes::Stories fake;
    auto refused = approve_story({42, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
}

TEST(ApproveStory, LosingARaceToAnotherServerIsAConflictAndChangesNothing) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    fake.race = true;
    auto refused = approve_story({id, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
    EXPECT_EQ(refused.error().message, "Someone else has just changed this story. Reload the page.");
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::pending);
    EXPECT_TRUE(fake.events.empty());
}

TEST(RejectStory, NeedsAReasonAndChangesNothingWithout) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    auto blank = text_for_others("   ", "The reason");
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().kind, ErrorKind::invalid_input);
    auto refused = reject_story({id, redaction::redact_text(""), kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::pending);
}

TEST(RejectStory, TheReasonTheWriterReadsIsRedacted) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    auto reason = text_for_others("It names the adviser; write to jo@example.com", "The reason");
    ASSERT_TRUE(reason);
    ASSERT_TRUE(reject_story({id, *reason, kNovember}, fake));
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::rejected);
    ASSERT_TRUE(fake.stories[id].reason);
    EXPECT_EQ(fake.stories[id].reason->find("jo@example.com"), std::string::npos);
}

TEST(WithdrawStory, OnlyItsOwnCodenameCanAndAnotherIsToldItIsNotTheirs) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::published, 5, 7);
    auto refused = withdraw_story({id, 8, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    EXPECT_EQ(refused.error().message, "That story is not one of yours.");
    ASSERT_TRUE(withdraw_story({id, 7, kNovember}, fake));
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::withdrawn);
    EXPECT_EQ(fake.events.back().actor, events::ActorRole::participant);
}

TEST(WithdrawStory, AStoryWithNoCodenameIsNobodys) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::published);
    EXPECT_FALSE(withdraw_story({id, 7, kNovember}, fake));
}

TEST(RemoveStory, LeavesAStoryItsWriterWithdrewMeanwhile) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::withdrawn);
    ASSERT_TRUE(remove_story({id, kNovember}, fake));
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::withdrawn);
    EXPECT_TRUE(fake.events.empty());
}

TEST(RemoveStory, APendingStoryIsRejectedNotRemoved) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    auto refused = remove_story({id, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::illegal_transition);
}

TEST(MarkSafeguarding, MarksAndClearsWithAnEventEachTime) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    ASSERT_TRUE(mark_safeguarding({id, true, kNovember}, fake));
    EXPECT_TRUE(fake.stories[id].safeguarding);
    ASSERT_TRUE(mark_safeguarding({id, false, kNovember}, fake));
    EXPECT_FALSE(fake.stories[id].safeguarding);
    ASSERT_EQ(fake.events.size(), 2u);
    EXPECT_EQ(fake.events[0].what, "story.safeguarding_marked");
    EXPECT_EQ(fake.events[1].what, "story.safeguarding_cleared");
    EXPECT_FALSE(mark_safeguarding({99, true, kNovember}, fake));
}

TEST(FlagStory, OnlyAPublishedStoryCanBeFlaggedAndItStaysPublished) {
    fakes::Stories fake;
    const auto pending = fake.add(StoryState::pending);
    auto refused = flag_story({pending, 3, "Untrue", kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    EXPECT_TRUE(fake.flags.empty());
    const auto published = fake.add(StoryState::published);
    auto flag = flag_story({published, 3, "Untrue", kNovember}, fake);
    ASSERT_TRUE(flag);
    EXPECT_EQ(fake.flags[*flag].facts.state, FlagState::open);
    EXPECT_EQ(fake.stories[published].facts.state, StoryState::published);
    EXPECT_EQ(fake.events.back().what, "flag.raised");
}

TEST(FlagStory, NeedsAReason) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::published);
    auto refused = flag_story({id, 3, "", kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(fake.flags.empty());
}

TEST(DecideFlag, UpheldRemovesTheStoryAndDismissedLeavesIt) {
    fakes::Stories fake;
    const auto a = fake.add(StoryState::published);
    const auto b = fake.add(StoryState::published);
    const auto flag_a = *flag_story({a, 3, "Names someone", kNovember}, fake);
    const auto flag_b = *flag_story({b, 3, "Untrue", kNovember}, fake);
    ASSERT_TRUE(decide_flag({flag_a, true, kNovember}, fake));
    ASSERT_TRUE(decide_flag({flag_b, false, kNovember}, fake));
    EXPECT_EQ(fake.stories[a].facts.state, StoryState::removed);
    EXPECT_EQ(fake.stories[b].facts.state, StoryState::published);
    EXPECT_EQ(fake.flags[flag_a].facts.state, FlagState::upheld);
    EXPECT_EQ(fake.flags[flag_b].facts.state, FlagState::dismissed);
}

TEST(DecideFlag, AFlagIsDecidedOnce) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::published);
    const auto flag = *flag_story({id, 3, "Untrue", kNovember}, fake);
    ASSERT_TRUE(decide_flag({flag, false, kNovember}, fake));
    auto again = decide_flag({flag, true, kNovember}, fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::published);
}

TEST(DecideFlag, TwoModeratorsAtOnceOneWinsTheOtherIsTold) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::published);
    const auto flag = *flag_story({id, 3, "Untrue", kNovember}, fake);
    const auto events_before = fake.events.size();
    fake.race = true;
    auto lost = decide_flag({flag, true, kNovember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.events.size(), events_before);
    EXPECT_EQ(fake.stories[id].facts.state, StoryState::published);
}

TEST(AddCensorRule, APhraseIsOneShortLineWithFewStars) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending);
    for (const std::string& phrase : {std::string(101, 'a'), std::string("a*b*c*d*e"), std::string("two\nlines"),
                                      std::string("a\x01 control"), std::string()}) {
        auto refused = add_censor_rule({id, CensorScope::story, phrase, kNovember}, fake);
        ASSERT_FALSE(refused) << phrase;
        EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    }
    EXPECT_TRUE(fake.rules.empty());
}

TEST(AddCensorRule, AProviderRuleIsKeptUnderTheStorysProvider) {
    fakes::Stories fake;
    const auto id = fake.add(StoryState::pending, 12);
    ASSERT_TRUE(add_censor_rule({id, CensorScope::provider, "the *manager*", kNovember}, fake));
    ASSERT_TRUE(add_censor_rule({id, CensorScope::everywhere, "a nickname", kNovember}, fake));
    ASSERT_EQ(fake.rules.size(), 2u);
    EXPECT_EQ(fake.rules[0].scope_id, 12);
    EXPECT_EQ(fake.rules[1].scope_id, std::nullopt);
    EXPECT_EQ(fake.events.back().to_state, "everywhere");
}

TEST(RespondToStory, OnlyAPublishedStoryAndTheAnswerIsRedactedAndPending) {
    fakes::Stories fake;
    const auto pending = fake.add(StoryState::pending);
    auto refused = respond_to_story({pending, 5, 3, redaction::redact_text("We are sorry"), kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    const auto published = fake.add(StoryState::published);
    auto body = text_for_others("Please ring us on 0161 496 0000", "Your response");
    ASSERT_TRUE(body);
    auto id = respond_to_story({published, 5, 3, *body, kNovember}, fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.responses[*id].state, ResponseState::pending);
    EXPECT_EQ(fake.responses[*id].body.find("496 0000"), std::string::npos);
    EXPECT_EQ(fake.events.back().what, "response.submitted");
}

TEST(DecideResponse, RejectingNeedsAReasonTheProviderReads) {
    fakes::Stories fake;
    const auto story = fake.add(StoryState::published);
    const auto id = *respond_to_story({story, 5, 3, redaction::redact_text("We are sorry"), kNovember}, fake);
    auto refused = decide_response({id, false, std::nullopt, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(fake.responses[id].state, ResponseState::pending);
    ASSERT_TRUE(decide_response({id, false, redaction::redact_text("It names a participant"), kNovember}, fake));
    EXPECT_EQ(fake.responses[id].state, ResponseState::rejected);
    EXPECT_EQ(fake.responses[id].reason, "It names a participant");
    auto again = decide_response({id, true, std::nullopt, kNovember}, fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
}

TEST(DecideResponse, LosingARaceIsAConflict) {
    fakes::Stories fake;
    const auto story = fake.add(StoryState::published);
    const auto id = *respond_to_story({story, 5, 3, redaction::redact_text("We are sorry"), kNovember}, fake);
    fake.race = true;
    auto lost = decide_response({id, true, std::nullopt, kNovember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.responses[id].state, ResponseState::pending);
}

TEST(CheckCensorPhrase, IsTheSameCheckTheCommandMakes) {
    EXPECT_TRUE(check_censor_phrase("  the *manager* "));
    EXPECT_EQ(*check_censor_phrase("  the *manager* "), "the *manager*");
    EXPECT_FALSE(check_censor_phrase("a*b*c*d*e"));
    EXPECT_FALSE(check_censor_phrase(std::string(101, 'x')));
}
