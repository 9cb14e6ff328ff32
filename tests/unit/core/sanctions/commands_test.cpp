// The sanction-case commands against an in-memory repository: no database.
#include "core/sanctions/commands.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace pw;
using namespace pw::sanctions;

namespace {

class FakeCases final : public CaseRepository {
public:
    struct Case {
        std::int64_t owner = 0;
        CaseState state = CaseState::referred;
        std::optional<Month> decision_month;
        std::optional<Level> level;
    };
    std::map<std::int64_t, Case> cases;
    std::vector<events::Event> events;
    // Another server's step, made between this command's read and its write.
    std::optional<CaseState> moved_meanwhile;

    std::vector<codenames::HashedCodename> codenames;

    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month) override {
        codenames.push_back(codename);
        return 100 + static_cast<std::int64_t>(codenames.size());
    }
    std::int64_t insert_case(const CaseAnswers&, std::int64_t owner) override {
        const auto id = static_cast<std::int64_t>(cases.size()) + 1;
        add(id, owner, CaseState::referred);
        return id;
    }
    std::optional<CaseState> state_of(std::int64_t id, std::int64_t owner) override {
        auto it = cases.find(id);
        if (it == cases.end() || it->second.owner != owner) return std::nullopt;
        const auto state = it->second.state;
        if (moved_meanwhile) it->second.state = *moved_meanwhile;
        return state;
    }
    bool move(std::int64_t id, CaseState from, CaseState to, std::optional<Month> decision_month) override {
        auto& c = cases.at(id);
        if (c.state != from) return false;
        c.state = to;
        if (decision_month) c.decision_month = decision_month;
        return true;
    }
    bool set_details(std::int64_t id, CaseState state, Level level, int, Hardship) override {
        auto& c = cases.at(id);
        if (c.state != state) return false;
        c.level = level;
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }
    void add(std::int64_t id, std::int64_t owner, CaseState state) {
        Case c;
        c.owner = owner;
        c.state = state;
        cases[id] = c;
    }
};

const Month kNovember = *Month::parse("2026-11");
const Month kDecember = *Month::parse("2026-12");

}  // namespace

TEST(StepCase, ADecisionKeepsItsMonthAndLaterStepsDoNot) {
    FakeCases fake;
    fake.add(1, 7, CaseState::referred);
    ASSERT_TRUE(step_case({1, 7, CaseState::adverse, kNovember}, fake));
    ASSERT_TRUE(step_case({1, 7, CaseState::reconsideration_requested, kDecember}, fake));
    EXPECT_EQ(fake.cases[1].state, CaseState::reconsideration_requested);
    EXPECT_EQ(fake.cases[1].decision_month, kNovember);
    ASSERT_EQ(fake.events.size(), 2u);
    EXPECT_EQ(fake.events[0].what, "sanction_case.stepped");
    EXPECT_EQ(fake.events[0].from_state, "referred");
    EXPECT_EQ(fake.events[0].to_state, "adverse");
    EXPECT_EQ(fake.events[1].month, kDecember);
}

TEST(StepCase, AnAppealBeforeAReconsiderationIsRefusedAndChangesNothing) {
    FakeCases fake;
    fake.add(1, 7, CaseState::adverse);
    auto refused = step_case({1, 7, CaseState::appeal_lodged, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::illegal_transition);
    EXPECT_EQ(
        refused.error().message,
        "An appeal needs the outcome of a mandatory reconsideration first: ask for one, then record its outcome.");
    EXPECT_EQ(fake.cases[1].state, CaseState::adverse);
    EXPECT_TRUE(fake.events.empty());
}

TEST(StepCase, SomeoneElsesCaseIsNotFound) {
    FakeCases fake;
    fake.add(1, 7, CaseState::referred);
    auto refused = step_case({1, 8, CaseState::adverse, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    EXPECT_EQ(refused.error().message, "That case is not one of yours.");
    EXPECT_EQ(step_case({2, 7, CaseState::adverse, kNovember}, fake).error().kind, ErrorKind::not_found);
}

TEST(StepCase, AStepThatLosesARaceIsRefusedNotOverwritten) {
    FakeCases fake;
    fake.add(1, 7, CaseState::referred);
    fake.moved_meanwhile = CaseState::cancelled;  // another server recorded a cancellation first
    auto lost = step_case({1, 7, CaseState::adverse, kNovember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_NE(lost.error().message.find("changed somewhere else"), std::string::npos);
    EXPECT_EQ(fake.cases[1].state, CaseState::cancelled);
    EXPECT_FALSE(fake.cases[1].decision_month);
    EXPECT_TRUE(fake.events.empty());
}

TEST(RecordCaseDetails, OnlyForACaseThatEndedInASanction) {
    FakeCases fake;
    fake.add(1, 7, CaseState::non_adverse);
    fake.add(2, 7, CaseState::adverse);
    auto refused = record_case_details({1, 7, Level::lower, 0, Hardship::applied, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "Record the decision to sanction you first.");
    ASSERT_TRUE(record_case_details({2, 7, Level::higher, 1, Hardship::granted, kNovember}, fake));
    EXPECT_EQ(fake.cases[2].level, Level::higher);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].to_state, "granted");
    EXPECT_EQ(record_case_details({2, 7, Level::higher, 3, Hardship::granted, kNovember}, fake).error().kind,
              ErrorKind::invalid_input);
}

TEST(RecordCaseDetails, DetailsThatLoseARaceAreRefused) {
    FakeCases fake;
    fake.add(2, 7, CaseState::adverse);
    fake.moved_meanwhile = CaseState::reconsideration_requested;
    auto lost = record_case_details({2, 7, Level::lower, 0, Hardship::applied, kNovember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_FALSE(fake.cases[2].level);
}

TEST(LogReferral, ACaseIsKeptUnderTheCodenameGiven) {
    FakeCases fake;
    CaseAnswers answers;
    answers.month = kNovember;
    auto id = log_referral({answers, 7, std::nullopt, kDecember}, fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.cases[*id].owner, 7);
    EXPECT_EQ(fake.cases[*id].state, CaseState::referred);
    EXPECT_TRUE(fake.codenames.empty());
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "sanction_case.logged");
    EXPECT_EQ(fake.events[0].to_state, "referred");
}

TEST(LogReferral, WithoutACodenameANewOneIsStoredAndTheCaseKeptUnderIt) {
    FakeCases fake;
    CaseAnswers answers;
    answers.month = kNovember;
    auto id =
        log_referral({answers, std::nullopt, codenames::HashedCodename{3, "$argon2id$stand-in"}, kDecember}, fake);
    ASSERT_TRUE(id);
    ASSERT_EQ(fake.codenames.size(), 1u);
    EXPECT_EQ(fake.cases[*id].owner, 101);
}

TEST(LogReferral, ACaseNobodyCouldFollowIsRefused) {
    FakeCases fake;
    auto refused = log_referral({CaseAnswers{}, std::nullopt, std::nullopt, kDecember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(fake.cases.empty());
    EXPECT_TRUE(fake.events.empty());
}
