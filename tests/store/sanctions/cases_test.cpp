// The sanction-case repository on both engines: moves are compare-and-set on the state.
#include "store/sanctions/cases.hpp"

#include "store/store_test.hpp"

using namespace pw;
using namespace pw::sanctions;
using pw::testing::StoreTest;

class CaseRepositoryTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto s = db_->session();
        s << "INSERT INTO codenames (lookup_key, hash, created_month) VALUES (1, 'x', '2026-11')";
        s << "SELECT MAX(id) FROM codenames", soci::into(owner_);
        CaseAnswers answers;
        answers.month = month();
        case_ = store::SociCaseRepository(s).insert_case(answers, owner_);
    }
    long long owner_ = 0;
    std::int64_t case_ = 0;
};

TEST_P(CaseRepositoryTest, AMoveFromAStateTheCaseHasLeftChangesNothing) {
    {
        auto s = db_->session();  // given back before find_case borrows one
        store::SociCaseRepository cases(s);
        EXPECT_EQ(cases.state_of(case_, owner_), CaseState::referred);
        EXPECT_FALSE(cases.state_of(case_, owner_ + 1));  // another codename's
        EXPECT_TRUE(cases.move(case_, CaseState::referred, CaseState::adverse, month()));
        // A second writer that read "referred" before the first moved it:
        EXPECT_FALSE(cases.move(case_, CaseState::referred, CaseState::cancelled, month()));
        EXPECT_EQ(cases.state_of(case_, owner_), CaseState::adverse);
        EXPECT_FALSE(cases.set_details(case_, CaseState::referred, Level::lower, 0, Hardship::applied));
        EXPECT_TRUE(cases.set_details(case_, CaseState::adverse, Level::lower, 0, Hardship::applied));
    }
    auto row = store::find_case(*db_, case_, owner_);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->decision_month, "2026-11");
    EXPECT_EQ(row->level, Level::lower);
}

TEST_P(CaseRepositoryTest, TheCommandOverTheStoreRecordsItsEvent) {
    auto s = db_->session();
    store::SociCaseRepository cases(s);
    ASSERT_TRUE(step_case({case_, owner_, CaseState::non_adverse, month()}, cases));
    long long events = 0;
    s << "SELECT COUNT(*) FROM events WHERE what = 'sanction_case.stepped' AND to_state = 'non-adverse'",
        soci::into(events);
    EXPECT_EQ(events, 1);
}

PW_ENGINE_SUITE(CaseRepositoryTest);
