// Reports being made: one at a time and in order of upload, each shown only to its researcher
// ("waiting", how many are ahead, "being made", or why it failed) until it is kept.
#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "web/research/pending.hpp"

using pw::web::PendingReports;
using Stage = PendingReports::Status::Stage;

TEST(PendingReports, AreMadeInOrderAndShownOnlyToTheirResearcher) {
    PendingReports pending;
    std::vector<int> made;
    std::optional<PendingReports::Status> second_while_first;
    ASSERT_TRUE(pending.add(11, 1, [&] {
        made.push_back(11);
        second_while_first = pending.status(12, 2);
        pending.done(11);
    }));
    ASSERT_TRUE(pending.add(12, 2, [&] { made.push_back(12); }));
    const auto first = pending.status(11, 1);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->stage, Stage::waiting);
    EXPECT_EQ(first->ahead, 0u);
    const auto second = pending.status(12, 2);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->ahead, 1u);
    EXPECT_FALSE(pending.status(11, 2)) << "another researcher learns nothing of it";
    EXPECT_FALSE(pending.status(99, 1));

    pending.run_waiting();
    EXPECT_EQ(made, (std::vector<int>{11, 12}));
    ASSERT_TRUE(second_while_first);
    EXPECT_EQ(second_while_first->stage, Stage::waiting);
    EXPECT_EQ(second_while_first->ahead, 1u);  // the one being made
    EXPECT_FALSE(pending.status(11, 1)) << "kept: the address shows the report itself";
    const auto still = pending.status(12, 2);  // made, but done() not called yet: being kept
    ASSERT_TRUE(still);
    EXPECT_EQ(still->stage, Stage::making);
    EXPECT_EQ(pending.waiting(), 0u);
}

TEST(PendingReports, AReportThatThrowsIsMarkedFailedAndTheNextIsStillMade) {
    PendingReports pending;
    bool next_made = false;
    ASSERT_TRUE(pending.add(1, 7, [] { throw std::runtime_error("a file the tests could not take"); }));
    ASSERT_TRUE(pending.add(2, 7, [&] { next_made = true; }));
    pending.run_waiting();
    EXPECT_TRUE(next_made);
    const auto failed = pending.status(1, 7);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->stage, Stage::failed);
    EXPECT_EQ(failed->failure, PendingReports::kCouldNotMake);
    pending.failed(2, "could not be saved");
    EXPECT_EQ(pending.status(2, 7)->failure, "could not be saved");
}

TEST(PendingReports, AreBoundedWhileWaitingAndOnceFailed) {
    PendingReports pending(2, 3);
    EXPECT_TRUE(pending.add(1, 1, [] {}));
    EXPECT_FALSE(pending.full());
    EXPECT_TRUE(pending.add(2, 1, [] {}));
    EXPECT_TRUE(pending.full());
    EXPECT_FALSE(pending.add(3, 1, [] {})) << "a third waiting report is refused";
    EXPECT_FALSE(pending.status(3, 1));
    pending.run_waiting();
    EXPECT_FALSE(pending.full());
    // Failures are remembered for their researcher, the oldest forgotten beyond the bound.
    for (std::int64_t id = 10; id < 15; ++id) {
        ASSERT_TRUE(pending.add(id, 1, [] { throw 1; }));
        pending.run_waiting();
    }
    EXPECT_FALSE(pending.status(10, 1));
    EXPECT_FALSE(pending.status(11, 1));
    for (std::int64_t id = 12; id < 15; ++id) EXPECT_EQ(pending.status(id, 1)->stage, Stage::failed);
}

// While one thread makes a report, another that adds one and calls run_waiting returns at once:
// the first thread makes it next. Nothing is made twice or left waiting.
TEST(PendingReports, OneThreadMakesThemWhileOthersReturnAtOnce) {
    PendingReports pending;
    std::promise<void> started, release;
    auto go = release.get_future().share();
    std::vector<int> made;
    ASSERT_TRUE(pending.add(1, 1, [&] {
        started.set_value();
        go.wait();
        made.push_back(1);
    }));
    std::thread maker([&] { pending.run_waiting(); });
    started.get_future().wait();
    ASSERT_TRUE(pending.add(2, 1, [&] { made.push_back(2); }));
    pending.run_waiting();  // returns at once: the maker is busy with 1
    EXPECT_EQ(pending.status(2, 1)->stage, Stage::waiting);
    release.set_value();
    maker.join();
    EXPECT_EQ(made, (std::vector<int>{1, 2}));
    EXPECT_EQ(pending.waiting(), 0u);
}
