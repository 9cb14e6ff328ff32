// The complaint commands against an in-memory repository: no database.
#include "core/complaints/commands.hpp"

#include <gtest/gtest.h>

#include "unit/core/fakes/complaints.hpp"

using namespace pw;
using namespace pw::complaints;

namespace {
const Month kDecember = *Month::parse("2026-12");
Week w(std::string_view text) {
    return *Week::parse(text);
}
redaction::RedactedText text(std::string_view t) {
    return redaction::redact_text(t);
}
}  // namespace

TEST(DraftComplaint, KeepsItRedactedUnderACodenameAsADraft) {
    fakes::Complaints fake;
    auto id = draft_complaint({NewComplaint{5, std::nullopt, std::nullopt, Category::travel_costs,
                                            text("My bus fare was refused. Ring me on 07700 900123."),
                                            text("Pay my fares"), w("2026-W49"), kDecember},
                               codenames::HashedCodename{1, "h"}},
                              fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.rows[*id].facts.state, ComplaintState::drafted);
    EXPECT_EQ(fake.rows[*id].facts.codename_id, 901);
    EXPECT_EQ(fake.rows[*id].what_happened.find("07700"), std::string::npos);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "complaint.drafted");
}

TEST(DraftComplaint, WithoutACodenameNothingIsKept) {
    fakes::Complaints fake;
    auto refused = draft_complaint({NewComplaint{5, std::nullopt, std::nullopt, Category::other, text("It went wrong"),
                                                 text("Fix it"), w("2026-W49"), kDecember},
                                    std::nullopt},
                                   fake);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(fake.rows.empty());
}

TEST(StepComplaint, SendingStartsTheClockAndOnlyItsOwnerMovesIt) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::drafted, std::nullopt);
    auto other = step_complaint({id, 10, ComplaintState::sent, w("2026-W49"), kDecember}, fake);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::not_found);
    ASSERT_TRUE(step_complaint({id, 9, ComplaintState::sent, w("2026-W49"), kDecember}, fake));
    EXPECT_EQ(fake.rows[id].facts.sent, w("2026-W49"));
    EXPECT_EQ(fake.events.back().to_state, "sent");
}

TEST(StepComplaint, TheIceRouteOpensEightWeeksAfterSendingWithoutAFinalResponse) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::acknowledged, w("2026-W49"));
    auto early = step_complaint({id, 9, ComplaintState::taken_to_ice, w("2027-W03"), kDecember}, fake);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().kind, ErrorKind::invalid_input);
    EXPECT_NE(early.error().message.find("from Monday 25 January 2027"), std::string::npos) << early.error().message;
    EXPECT_EQ(fake.rows[id].facts.state, ComplaintState::acknowledged);
    ASSERT_TRUE(step_complaint({id, 9, ComplaintState::taken_to_ice, w("2027-W04"), kDecember}, fake));
    EXPECT_EQ(fake.rows[id].facts.state, ComplaintState::taken_to_ice);
}

TEST(StepComplaint, AfterAFinalResponseTheIceRouteIsOpenAtOnce) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::final_response, w("2026-W49"));
    EXPECT_TRUE(step_complaint({id, 9, ComplaintState::taken_to_ice, w("2026-W50"), kDecember}, fake));
}

TEST(StepComplaint, OutOfOrderAndLostRacesChangeNothing) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::drafted, std::nullopt);
    auto skipped = step_complaint({id, 9, ComplaintState::final_response, w("2026-W49"), kDecember}, fake);
    ASSERT_FALSE(skipped);
    EXPECT_EQ(skipped.error().kind, ErrorKind::illegal_transition);
    fake.race = true;
    auto lost = step_complaint({id, 9, ComplaintState::sent, w("2026-W49"), kDecember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.rows[id].facts.state, ComplaintState::drafted);
    EXPECT_TRUE(fake.events.empty());
}

// A draft taken to the ICE is told to be sent first, not given a date that is already here.
TEST(StepComplaint, ADraftIsToldToBeSentBeforeTheIce) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::drafted, std::nullopt);
    auto early = step_complaint({id, 9, ComplaintState::taken_to_ice, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(early.error().message.starts_with("Send your complaint to the provider first."))
        << early.error().message;
    // Withdrawn before it was sent: the lifecycle refuses it, with no date either.
    const auto withdrawn = fake.add(ComplaintState::withdrawn, std::nullopt);
    auto late = step_complaint({withdrawn, 9, ComplaintState::taken_to_ice, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().kind, ErrorKind::illegal_transition);
    EXPECT_TRUE(fake.events.empty());
}

TEST(AnswerComplaint, TheProviderAcknowledgesAndGivesItsFinalResponseWithANote) {
    fakes::Complaints fake;
    const auto id = fake.add(ComplaintState::sent, w("2026-W49"));
    ASSERT_TRUE(answer_complaint({id, {5}, ComplaintState::acknowledged, std::nullopt, w("2026-W50"), kDecember}, fake));
    auto bare = answer_complaint({id, {5}, ComplaintState::final_response, std::nullopt, w("2026-W51"), kDecember}, fake);
    ASSERT_FALSE(bare);
    EXPECT_EQ(bare.error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(answer_complaint(
        {id, {5}, ComplaintState::final_response, text("We will refund your fares."), w("2026-W51"), kDecember}, fake));
    EXPECT_EQ(fake.rows[id].note, "We will refund your fares.");
    EXPECT_EQ(fake.events.back().actor, events::ActorRole::provider);
}

TEST(AnswerComplaint, AnotherProvidersRepresentativeAndDraftsAreRefused) {
    fakes::Complaints fake;
    const auto sent = fake.add(ComplaintState::sent, w("2026-W49"));
    auto other = answer_complaint({sent, {6}, ComplaintState::acknowledged, std::nullopt, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
    const auto draft = fake.add(ComplaintState::drafted, std::nullopt);
    auto unseen = answer_complaint({draft, {5}, ComplaintState::acknowledged, std::nullopt, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(unseen);
    EXPECT_EQ(unseen.error().kind, ErrorKind::not_found);
    // Nor does one withdrawn before it was sent: it never reached the provider.
    const auto never_sent = fake.add(ComplaintState::withdrawn, std::nullopt);
    auto withdrawn_draft =
        answer_complaint({never_sent, {5}, ComplaintState::acknowledged, std::nullopt, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(withdrawn_draft);
    EXPECT_EQ(withdrawn_draft.error().kind, ErrorKind::not_found);
    // A provider cannot withdraw a complaint or take it to the ICE.
    auto withdraw = answer_complaint({sent, {5}, ComplaintState::withdrawn, std::nullopt, w("2026-W50"), kDecember}, fake);
    ASSERT_FALSE(withdraw);
    EXPECT_EQ(withdraw.error().kind, ErrorKind::illegal_transition);
    EXPECT_TRUE(fake.events.empty());
}

TEST(ComplaintLetter, AsksForAFinalResponseWithinEightWeeksAndNamesTheIce) {
    const auto letter = complaint_letter({"Seetec", Category::travel_costs, "My fare was refused.", "Pay it."});
    EXPECT_NE(letter.find("To the complaints manager, Seetec"), std::string::npos);
    EXPECT_NE(letter.find("Formal complaint: Travel costs not paid"), std::string::npos);
    EXPECT_NE(letter.find("within 8 weeks"), std::string::npos);
    EXPECT_NE(letter.find("Independent Case Examiner"), std::string::npos);
    EXPECT_NE(letter.find("My fare was refused."), std::string::npos);
}
