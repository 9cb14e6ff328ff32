// Complaints on both engines, through the commands over SociComplaintRepository.
#include "store/complaints/complaints.hpp"

#include "store/publication/publication.hpp"
#include "store/store_test.hpp"

using namespace pw;
using namespace pw::complaints;
using pw::testing::StoreTest;

class ComplaintsTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
        codename_ = add_codename();
    }

    template <class F>
    auto in_transaction(F f) {
        auto s = db_->session();
        soci::transaction t(s);
        store::SociComplaintRepository repo(s);
        auto result = f(repo);
        t.commit();
        return result;
    }

    std::int64_t drafted() {
        return in_transaction([&](auto& repo) {
            auto id = draft_complaint({NewComplaint{provider_, std::nullopt, codename_, Category::travel_costs,
                                                    redaction::redact_text("Fares refused; ask Karen on 07700 900123"),
                                                    redaction::redact_text("Refund them"), sent_, month()},
                                       std::nullopt},
                                      repo);
            EXPECT_TRUE(id);
            return *id;
        });
    }

    Result<void> step(std::int64_t id, ComplaintState to, Week week) {
        return in_transaction([&](auto& repo) { return step_complaint({id, codename_, to, week, month()}, repo); });
    }

    long long provider_ = 0;
    long long codename_ = 0;
    Week sent_ = *Week::parse("2026-W49");
};
PW_ENGINE_SUITE(ComplaintsTest);

TEST_P(ComplaintsTest, ADraftIsKeptRedactedAndOnlyItsWriterSeesIt) {
    const auto id = drafted();
    auto mine = store::complaints_of(*db_, codename_);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].state, ComplaintState::drafted);
    EXPECT_EQ(mine[0].what_happened.find("07700"), std::string::npos);
    EXPECT_EQ(mine[0].category, Category::travel_costs);
    EXPECT_FALSE(store::find_complaint(*db_, id, codename_ + 1));
    EXPECT_TRUE(store::complaints_to(*db_, {provider_}).empty()) << "a draft reached the provider";
}

TEST_P(ComplaintsTest, EachMoveKeepsItsWeekAndTheFinalResponseItsNote) {
    const auto id = drafted();
    ASSERT_TRUE(step(id, ComplaintState::sent, sent_));
    ASSERT_TRUE(in_transaction([&](auto& repo) {
        return answer_complaint({id, {provider_}, ComplaintState::acknowledged, std::nullopt, sent_.plus(1), month()},
                                repo);
    }));
    ASSERT_TRUE(in_transaction([&](auto& repo) {
        return answer_complaint({id, {provider_}, ComplaintState::final_response,
                                 redaction::redact_text("We will refund your fares"), sent_.plus(3), month()},
                                repo);
    }));
    auto row = store::find_complaint(*db_, id, codename_);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, ComplaintState::final_response);
    EXPECT_EQ(row->sent, sent_);
    EXPECT_EQ(row->acknowledged, sent_.plus(1));
    EXPECT_EQ(row->final_response, sent_.plus(3));
    EXPECT_EQ(row->final_note, "We will refund your fares");
    EXPECT_EQ(store::complaints_to(*db_, {provider_}).size(), 1u);
    ASSERT_TRUE(step(id, ComplaintState::taken_to_ice, sent_.plus(4)));
    EXPECT_EQ(count("events WHERE object_kind = 'complaint'"), 5);
}

TEST_P(ComplaintsTest, AMoveFromAStaleStateChangesNothing) {
    const auto id = drafted();
    ASSERT_TRUE(step(id, ComplaintState::sent, sent_));
    const bool moved = in_transaction([&](auto& repo) {
        return repo.move_complaint(id, ComplaintState::drafted, ComplaintState::withdrawn, sent_, std::nullopt);
    });
    EXPECT_FALSE(moved);
    EXPECT_EQ(store::find_complaint(*db_, id, codename_)->state, ComplaintState::sent);
    ASSERT_TRUE(step(id, ComplaintState::withdrawn, sent_.plus(1)));
}

TEST_P(ComplaintsTest, PublicationCountsEachStepOnceThroughNoisyCells) {
    const auto id = drafted();
    ASSERT_TRUE(step(id, ComplaintState::sent, sent_));
    ASSERT_TRUE(in_transaction([&](auto& repo) {
        return answer_complaint({id, {provider_}, ComplaintState::final_response, redaction::redact_text("Refunded"),
                                 sent_.plus(3), month()},
                                repo);
    }));
    ASSERT_TRUE(step(id, ComplaintState::taken_to_ice, sent_.plus(4)));
    const auto late = drafted();
    ASSERT_TRUE(step(late, ComplaintState::sent, sent_));
    ASSERT_TRUE(in_transaction([&](auto& repo) {
        return answer_complaint({late, {provider_}, ComplaintState::final_response, redaction::redact_text("Late"),
                                 sent_.plus(8), month()},
                                repo);
    }));
    const auto no_noise = [] { return std::uint64_t{0}; };
    ASSERT_TRUE(store::publish(*db_, *Month::parse("2026-12"), no_noise));
    auto snapshot = store::load_snapshot(*db_);
    ASSERT_TRUE(snapshot);
    const auto& sums = snapshot->suggestion_figures().complaints;
    ASSERT_TRUE(sums.contains(provider_));
    EXPECT_EQ(sums.at(provider_).cells, (complaints::ComplaintCells{2, 1, 1}));  // the late answer is not in time
    EXPECT_GT(snapshot->complaints(provider_).sd, 0);
    EXPECT_FALSE(snapshot->complaints(provider_).shown());  // 2 is far below the threshold
    // The next month's publication counts nothing again.
    ASSERT_TRUE(store::publish(*db_, *Month::parse("2027-01"), no_noise));
    snapshot = store::load_snapshot(*db_);
    EXPECT_EQ(snapshot->suggestion_figures().complaints.at(provider_).cells, (complaints::ComplaintCells{2, 1, 1}));
    EXPECT_EQ(snapshot->suggestion_figures().complaints.at(provider_).cells_summed, 24);  // the 24-month window
}
