// The suggestion commands against an in-memory repository: no database.
#include "core/suggestions/commands.hpp"

#include <gtest/gtest.h>

#include "unit/core/fakes/suggestions.hpp"

using namespace pw;
using namespace pw::suggestions;

namespace {
const Month kDecember = *Month::parse("2026-12");
const Week kWeek = *Week::parse("2026-W49");

redaction::RedactedText text(std::string_view t) {
    return redaction::redact_text(t);
}

AnswerSuggestion answer(std::int64_t id, SuggestionState to, std::optional<std::string_view> note = std::nullopt,
                        std::vector<std::int64_t> acting_for = {5}) {
    return AnswerSuggestion{id, 77, std::move(acting_for), to,
                            note ? std::optional(text(*note)) : std::nullopt, kWeek, kDecember};
}
}  // namespace

TEST(Suggest, KeepsItRedactedAndWaitingForAModerator) {
    fakes::Suggestions fake;
    auto id = suggest({NewSuggestion{5, std::nullopt, 9, kWeek, kDecember, text("Ask for Karen on 07700 900123")},
                       std::nullopt},
                      fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.rows[*id].facts.review, Review::pending);
    EXPECT_EQ(fake.rows[*id].facts.state, SuggestionState::open);
    EXPECT_EQ(fake.rows[*id].body.find("07700"), std::string::npos);
    EXPECT_EQ(fake.rows[*id].facts.codename_id, 9);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "suggestion.submitted");
    EXPECT_EQ(fake.events[0].actor, events::ActorRole::participant);
}

TEST(Suggest, MakesTheNewCodenameItWasGiven) {
    fakes::Suggestions fake;
    auto id = suggest({NewSuggestion{5, std::nullopt, std::nullopt, kWeek, kDecember, text("More computers")},
                       codenames::HashedCodename{1, "hash"}},
                      fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.codenames_made, 1);
    EXPECT_EQ(fake.rows[*id].facts.codename_id, 901);
}

TEST(SuggestionText, RefusesEmptyAndOverlongTextWithAClearMessage) {
    auto empty = suggestion_text("   \n ");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().kind, ErrorKind::invalid_input);
    auto huge = suggestion_text(std::string(20000, 'a'));
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().message, "Your suggestion must be 2000 characters or fewer (it has 20000)");
    auto long_ = suggestion_text(std::string(2001, 'a'));
    ASSERT_FALSE(long_);
    EXPECT_EQ(long_.error().message, "Your suggestion must be 2000 characters or fewer (it has 2001)");
    EXPECT_TRUE(suggestion_text(std::string(2000, 'a')));
}

TEST(ReviewSuggestion, PublishesOrRejectsWithAReasonOnce) {
    fakes::Suggestions fake;
    const auto a = fake.add(SuggestionState::open, Review::pending);
    const auto b = fake.add(SuggestionState::open, Review::pending);
    ASSERT_TRUE(review_suggestion({a, true, std::nullopt, kDecember, kWeek}, fake));
    EXPECT_EQ(fake.rows[a].facts.review, Review::published);
    auto no_reason = review_suggestion({b, false, std::nullopt, kDecember, kWeek}, fake);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(review_suggestion({b, false, text("It names a member of staff"), kDecember, kWeek}, fake));
    EXPECT_EQ(fake.rows[b].facts.review, Review::rejected);
    EXPECT_EQ(fake.rows[b].reason, "It names a member of staff");
    auto again = review_suggestion({b, true, std::nullopt, kDecember, kWeek}, fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(fake.events.size(), 2u);
}

TEST(ReviewSuggestion, ALostRaceIsAConflictAndChangesNothing) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::open, Review::pending);
    fake.race = true;
    auto lost = review_suggestion({id, true, std::nullopt, kDecember, kWeek}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_TRUE(fake.events.empty());
}

TEST(AnswerSuggestion, MovesItOnAndKeepsTheNoteForAModerator) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::open);
    auto step = answer_suggestion(answer(id, SuggestionState::under_consideration, "We are looking at costs"), fake);
    ASSERT_TRUE(step);
    EXPECT_EQ(fake.rows[id].facts.state, SuggestionState::under_consideration);
    EXPECT_EQ(fake.rows[id].answered, kWeek);
    EXPECT_EQ(fake.steps.at(*step).review, Review::pending);
    EXPECT_EQ(fake.steps.at(*step).from, SuggestionState::open);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "suggestion.state_changed");
    EXPECT_EQ(fake.events[0].from_state, "open");
    EXPECT_EQ(fake.events[0].to_state, "under_consideration");
    EXPECT_EQ(fake.events[0].actor, events::ActorRole::provider);
}

TEST(AnswerSuggestion, AMoveWithoutANoteIsPublicAtOnce) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::under_consideration);
    auto step = answer_suggestion(answer(id, SuggestionState::planned), fake);
    ASSERT_TRUE(step);
    EXPECT_EQ(fake.steps.at(*step).review, Review::published);
    EXPECT_FALSE(fake.steps.at(*step).note);
}

TEST(AnswerSuggestion, DecliningOrImplementingNeedsANoteAndChangesNothingWithout) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::planned);
    auto declined = answer_suggestion(answer(id, SuggestionState::declined), fake);
    ASSERT_FALSE(declined);
    EXPECT_EQ(declined.error().message, "Say why the suggestion is declined: people read it.");
    auto done = answer_suggestion(answer(id, SuggestionState::implemented, ""), fake);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().message, "Say what was done: people read it.");
    EXPECT_EQ(fake.rows[id].facts.state, SuggestionState::planned);
    EXPECT_TRUE(fake.steps.empty());
    EXPECT_TRUE(fake.events.empty());
}

TEST(AnswerSuggestion, ARepresentativeOfAnotherProviderIsRefused) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::open, Review::published, 5);
    auto refused = answer_suggestion(answer(id, SuggestionState::under_consideration, std::nullopt, {6, 7}), fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
    EXPECT_EQ(fake.rows[id].facts.state, SuggestionState::open);
    EXPECT_TRUE(fake.events.empty());
}

TEST(AnswerSuggestion, OutOfOrderMovesAreRefused) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::open);
    auto refused = answer_suggestion(answer(id, SuggestionState::implemented, "Done"), fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(fake.rows[id].facts.state, SuggestionState::open);
}

TEST(AnswerSuggestion, ASuggestionNotYetPublishedDoesNotExistForTheProvider) {
    fakes::Suggestions fake;
    const auto pending = fake.add(SuggestionState::open, Review::pending);
    const auto rejected = fake.add(SuggestionState::open, Review::rejected);
    for (auto id : {pending, rejected, std::int64_t{999}}) {
        auto refused = answer_suggestion(answer(id, SuggestionState::under_consideration), fake);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    }
}

TEST(RewriteNote, ARejectedNoteIsWrittenAgainByTheProviderAndWaitsAgain) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::planned);
    auto step = answer_suggestion(answer(id, SuggestionState::declined, "No money"), fake);
    ASSERT_TRUE(step);
    auto early = rewrite_note({*step, {5}, text("Again"), kDecember}, fake);
    ASSERT_FALSE(early);  // still pending: nothing to write again
    EXPECT_EQ(early.error().kind, ErrorKind::illegal_transition);
    ASSERT_TRUE(review_step({*step, false, kDecember}, fake));
    auto other = rewrite_note({*step, {6}, text("Not ours"), kDecember}, fake);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
    ASSERT_TRUE(rewrite_note({*step, {5}, text("The budget for screens was cut this year."), kDecember}, fake));
    EXPECT_EQ(fake.steps.at(*step).review, Review::pending);
    EXPECT_EQ(fake.steps.at(*step).note->str(), "The budget for screens was cut this year.");
    EXPECT_EQ(fake.events.back().what, "suggestion_step.rewritten");
}

TEST(AnswerSuggestion, ALostRaceIsAConflict) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::open);
    fake.race = true;
    auto lost = answer_suggestion(answer(id, SuggestionState::under_consideration), fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_TRUE(fake.steps.empty());
}

TEST(ReviewStep, PublishesOrRejectsANoteOnce) {
    fakes::Suggestions fake;
    const auto id = fake.add(SuggestionState::planned);
    auto step = answer_suggestion(answer(id, SuggestionState::implemented, "A water fountain in reception"), fake);
    ASSERT_TRUE(step);
    ASSERT_TRUE(review_step({*step, true, kDecember}, fake));
    EXPECT_EQ(fake.steps.at(*step).review, Review::published);
    auto again = review_step({*step, false, kDecember}, fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
    EXPECT_FALSE(review_step({12345, true, kDecember}, fake));
}

TEST(ConfirmChanges, CountsOnlyPublishedChangesMadeByTheProviderRated) {
    fakes::Suggestions fake;
    const auto made = fake.add(SuggestionState::implemented);
    const auto planned = fake.add(SuggestionState::planned);
    const auto elsewhere = fake.add(SuggestionState::implemented, Review::published, 6);
    ASSERT_TRUE(confirm_changes({5, {made, made}, kDecember}, fake));  // the same change twice is once
    EXPECT_EQ(fake.confirmations, std::vector<std::int64_t>{made});
    for (auto wrong : {planned, elsewhere, std::int64_t{999}}) {
        auto refused = confirm_changes({5, {wrong}, kDecember}, fake);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    }
    EXPECT_EQ(fake.confirmations.size(), 1u);  // nothing of a refused answer kept
}

TEST(ConfirmChanges, ARatingConfirmsOneChangeAtMost) {
    fakes::Suggestions fake;
    const auto a = fake.add(SuggestionState::implemented);
    const auto b = fake.add(SuggestionState::implemented);
    EXPECT_FALSE(confirm_changes({5, {a, b}, kDecember}, fake));
    EXPECT_TRUE(fake.confirmations.empty());
    EXPECT_TRUE(confirm_changes({5, {b}, kDecember}, fake));
    EXPECT_EQ(fake.confirmations, std::vector<std::int64_t>{b});
}
