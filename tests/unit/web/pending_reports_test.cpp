// Reports being made: on a thread of their own, one at a time and in order of upload, each shown
// only to its researcher ("waiting", how many are ahead, "being made", or why it failed) until it
// is kept; places bounded in all and for each researcher before any file is read.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "web/research/pending.hpp"

using pw::web::PendingReports;
using Place = std::shared_ptr<PendingReports::Place>;
using Stage = PendingReports::Status::Stage;

namespace {

Place place_for(PendingReports& pending, std::int64_t researcher) {
    auto p = pending.reserve(researcher);
    EXPECT_TRUE(std::holds_alternative<Place>(p));
    return std::holds_alternative<Place>(p) ? std::get<Place>(p) : nullptr;
}

// A report whose making waits until let go, and says when it has started.
struct Held {
    std::promise<void> started, go;
    std::shared_future<void> released = go.get_future().share();
    PendingReports::Make make(std::vector<int>& made, int id) {
        return [this, &made, id] {
            started.set_value();
            released.wait();
            made.push_back(id);
        };
    }
};

bool wait_for(const std::function<bool()>& condition) {
    for (int i = 0; i < 2000 && !condition(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return condition();
}

}  // namespace

TEST(PendingReports, AreMadeInOrderAndShownOnlyToTheirResearcher) {
    PendingReports pending;
    std::vector<int> made;
    Held first;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 11, first.make(made, 11)));
    first.started.get_future().wait();
    ASSERT_TRUE(pending.add(*place_for(pending, 2), 12, [&] {
        made.push_back(12);
        ASSERT_TRUE(pending.start_saving(12));
        pending.done(12);
    }));
    const auto making = pending.status(11, 1);
    ASSERT_TRUE(making);
    EXPECT_EQ(making->stage, Stage::making);
    const auto second = pending.status(12, 2);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->stage, Stage::waiting);
    EXPECT_EQ(second->ahead, 1u);  // the one being made
    EXPECT_FALSE(pending.status(11, 2)) << "another researcher learns nothing of it";
    EXPECT_FALSE(pending.status(99, 1));

    ASSERT_TRUE(pending.start_saving(11));
    pending.done(11);
    first.go.set_value();
    ASSERT_TRUE(wait_for([&] { return pending.places_taken() == 0; }));
    EXPECT_EQ(made, (std::vector<int>{11, 12}));
    EXPECT_FALSE(pending.status(11, 1)) << "kept: the address shows the report itself";
    EXPECT_FALSE(pending.status(12, 2));
}

TEST(PendingReports, AReportThatThrowsIsMarkedFailedAndTheNextIsStillMade) {
    PendingReports pending;
    std::promise<void> next_made;
    ASSERT_TRUE(
        pending.add(*place_for(pending, 7), 1, [] { throw std::runtime_error("a file the tests could not take"); }));
    ASSERT_TRUE(pending.add(*place_for(pending, 7), 2, [&] {
        pending.failed(2, "could not be saved");
        next_made.set_value();
    }));
    next_made.get_future().wait();
    ASSERT_TRUE(wait_for([&] { return pending.places_taken() == 0; }));
    const auto failed = pending.status(1, 7);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->stage, Stage::failed);
    EXPECT_EQ(failed->failure, PendingReports::kCouldNotMake);
    EXPECT_EQ(pending.status(2, 7)->failure, "could not be saved");
}

// Places are taken before a file is read: 4 in all, 2 for each researcher, given back when the
// upload is dropped (its file did not read) or its report has been saved or has failed.
TEST(PendingReports, PlacesAreBoundedInAllAndForEachResearcher) {
    PendingReports pending(3, 2, 64);
    auto a = place_for(pending, 1);
    auto b = place_for(pending, 1);
    auto theirs = pending.reserve(1);
    ASSERT_TRUE(std::holds_alternative<PendingReports::Refused>(theirs));
    EXPECT_EQ(std::get<PendingReports::Refused>(theirs), PendingReports::Refused::yours_full);
    auto c = place_for(pending, 2);
    auto none = pending.reserve(3);
    ASSERT_TRUE(std::holds_alternative<PendingReports::Refused>(none));
    EXPECT_EQ(std::get<PendingReports::Refused>(none), PendingReports::Refused::full);
    b.reset();  // that upload's file did not read: its place is free again
    EXPECT_EQ(pending.places_taken(), 2u);
    EXPECT_TRUE(std::holds_alternative<Place>(pending.reserve(3)));  // taken and dropped at once
    // A place used for a report stays taken until the report is saved, whatever becomes of the
    // upload: a report made and waiting for the writer still holds its memory.
    std::vector<int> made;
    Held held;
    ASSERT_TRUE(pending.add(*a, 5, held.make(made, 5)));
    a.reset();
    held.started.get_future().wait();
    EXPECT_EQ(pending.places_taken(), 2u);
    std::promise<void> next_started;
    ASSERT_TRUE(pending.add(*c, 6, [&] { next_started.set_value(); }));
    c.reset();
    held.go.set_value();
    next_started.get_future().wait();  // the thread is past report 5's making
    EXPECT_EQ(pending.places_taken(), 2u) << "5 made but not yet saved, 6 being made";
    ASSERT_TRUE(pending.start_saving(5));
    EXPECT_EQ(pending.places_taken(), 2u) << "5 handed to the writer, not yet saved";
    pending.done(5);
    EXPECT_EQ(pending.places_taken(), 1u);
    pending.done(5);  // twice gives back nothing more
    EXPECT_EQ(pending.places_taken(), 1u);
    pending.failed(6, "could not be saved");
    EXPECT_EQ(pending.places_taken(), 0u);
    pending.failed(6, "again");  // nor does failing twice
    EXPECT_EQ(pending.places_taken(), 0u);
    EXPECT_EQ(pending.status(6, 2)->failure, "could not be saved");
    EXPECT_EQ(made, (std::vector<int>{5}));
}

// Whatever makes and saves a report holds its settle guard: a report neither done() nor failed()
// by the time the guard goes (the writer's answer threw or was dropped unrun) is marked failed, so
// its place is not lost for good; one already settled is left as it is.
TEST(PendingReports, AReportLeftUnsettledIsFailedWhenItsGuardGoes) {
    PendingReports pending;
    std::shared_ptr<const void> guard;  // as the writer's answer would hold it
    std::promise<void> made;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 1, [&] {
        guard = pending.settle_guard(1);
        made.set_value();
    }));
    made.get_future().wait();
    EXPECT_EQ(pending.places_taken(), 1u);
    EXPECT_NE(pending.status(1, 1)->stage, Stage::failed);
    guard.reset();  // the answer is dropped without being run
    const auto status = pending.status(1, 1);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->stage, Stage::failed);
    EXPECT_EQ(status->failure, PendingReports::kCouldNotMake);
    EXPECT_EQ(pending.places_taken(), 0u);

    ASSERT_TRUE(pending.add(*place_for(pending, 1), 2, [&] {
        auto settled = pending.settle_guard(2);
        ASSERT_TRUE(pending.start_saving(2));
        pending.done(2);
    }));  // the guard goes after done(): the report stays kept
    ASSERT_TRUE(wait_for([&] { return pending.places_taken() == 0; }));
    EXPECT_FALSE(pending.status(2, 1)) << "kept, not failed";
}

TEST(PendingReports, FailuresAreRememberedUpToABound) {
    PendingReports pending(4, 4, 3);
    for (std::int64_t id = 10; id < 15; ++id) {
        ASSERT_TRUE(pending.add(*place_for(pending, 1), id, [] { throw 1; }));
        ASSERT_TRUE(wait_for([&] { return pending.status(id, 1) && pending.status(id, 1)->stage == Stage::failed; }));
    }
    EXPECT_FALSE(pending.status(10, 1));
    EXPECT_FALSE(pending.status(11, 1));
    for (std::int64_t id = 12; id < 15; ++id) EXPECT_EQ(pending.status(id, 1)->stage, Stage::failed);
}

// Stopping finishes the report being made, fails those still waiting without making them (so a
// restart waits for one report at most), then refuses more.
TEST(PendingReports, StoppingFinishesTheReportBeingMadeAndFailsThoseWaiting) {
    std::vector<int> made;
    auto pending = std::make_unique<PendingReports>();
    Held held;
    ASSERT_TRUE(pending->add(*place_for(*pending, 1), 1, held.make(made, 1)));
    ASSERT_TRUE(pending->add(*place_for(*pending, 2), 2, [&] { made.push_back(2); }));
    ASSERT_TRUE(pending->add(*place_for(*pending, 3), 3, [&] { made.push_back(3); }));
    held.started.get_future().wait();
    auto late = place_for(*pending, 4);  // an upload still being read when the server stops
    pending->close();                    // what serve does first: no new report, and none waiting is made
    EXPECT_TRUE(pending->closed());
    held.go.set_value();
    pending->stop();
    EXPECT_EQ(made, (std::vector<int>{1}));
    for (std::int64_t id : {2, 3}) {
        const auto status = pending->status(id, id);
        ASSERT_TRUE(status);
        EXPECT_EQ(status->stage, Stage::failed);
        EXPECT_EQ(status->failure, PendingReports::kStopped);
    }
    EXPECT_FALSE(pending->add(*late, 5, [] {}));
    late.reset();
    EXPECT_EQ(pending->places_taken(), 1u) << "only the report made, which was never saved, holds one";
    EXPECT_TRUE(std::holds_alternative<PendingReports::Refused>(pending->reserve(4)));
}

// The stages of a report being made: one table, every pair of stages allowed only when listed.
TEST(PendingLifecycle, EveryPairOfStagesIsAllowedOnlyWhenListed) {
    using enum pw::web::PendingStage;
    constexpr pw::web::PendingStage kStages[] = {waiting, making, saving, cancelled, failed, gone};
    const std::vector<std::pair<pw::web::PendingStage, pw::web::PendingStage>> listed = {
        {waiting, making},   {waiting, failed}, {waiting, gone},  {making, saving},  {making, failed},
        {making, cancelled}, {saving, gone},    {saving, failed}, {cancelled, gone}, {failed, gone}};
    for (auto from : kStages)
        for (auto to : kStages)
            EXPECT_EQ(pw::web::pending_transition_allowed(from, to),
                      std::ranges::count(listed, std::pair{from, to}) == 1)
                << static_cast<int>(from) << " -> " << static_cast<int>(to);
}

// A report still waiting is dropped at once when its researcher cancels it: never made, its place
// given back, its address forgotten; the reports behind it move up.
TEST(PendingReports, AWaitingReportCancelledIsNeverMadeAndGivesItsPlaceBackAtOnce) {
    PendingReports pending;
    std::vector<int> made;
    Held first;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 1, first.make(made, 1)));
    first.started.get_future().wait();
    ASSERT_TRUE(pending.add(*place_for(pending, 2), 2, [&] { made.push_back(2); }));
    ASSERT_TRUE(pending.add(*place_for(pending, 3), 3, [&] { made.push_back(3); }));
    EXPECT_EQ(pending.status(3, 3)->ahead, 2u);
    EXPECT_EQ(pending.places_taken(), 3u);

    EXPECT_EQ(pending.cancel(2, 3), PendingReports::Cancel::not_found) << "only its own researcher cancels it";
    EXPECT_EQ(pending.status(2, 2)->stage, Stage::waiting);
    EXPECT_EQ(pending.cancel(2, 2), PendingReports::Cancel::cancelled);
    EXPECT_EQ(pending.places_taken(), 2u);
    EXPECT_FALSE(pending.status(2, 2));
    EXPECT_EQ(pending.status(3, 3)->ahead, 1u);
    EXPECT_EQ(pending.cancel(2, 2), PendingReports::Cancel::not_found) << "forgotten";

    first.go.set_value();
    ASSERT_TRUE(wait_for([&] { return made.size() == 2; }));
    EXPECT_EQ(made, (std::vector<int>{1, 3}));
}

// A report being made when its researcher cancels it runs to the end of its tests (the thread does
// one report at a time), is not handed to the writer, and holds its place until its making ends.
TEST(PendingReports, AReportCancelledWhileBeingMadeIsNeverKept) {
    PendingReports pending;
    Held held;
    std::promise<bool> handed;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 1, [&] {
        auto settle = pending.settle_guard(1);  // as the site's making holds it
        held.started.set_value();
        held.released.wait();
        EXPECT_TRUE(pending.is_cancelled(1));
        handed.set_value(pending.start_saving(1));
    }));
    held.started.get_future().wait();
    EXPECT_FALSE(pending.is_cancelled(1));
    EXPECT_EQ(pending.cancel(1, 1), PendingReports::Cancel::cancelled);
    EXPECT_EQ(pending.cancel(1, 1), PendingReports::Cancel::cancelled) << "cancelling twice says the same";
    EXPECT_FALSE(pending.status(1, 1)) << "its address no longer shows it being made";
    EXPECT_EQ(pending.places_taken(), 1u) << "its tests are still running";
    held.go.set_value();
    EXPECT_FALSE(handed.get_future().get()) << "a cancelled report is not the writer's to keep";
    ASSERT_TRUE(wait_for([&] { return pending.places_taken() == 0; }));
    EXPECT_FALSE(pending.status(1, 1)) << "forgotten, not failed";
    EXPECT_EQ(pending.cancel(1, 1), PendingReports::Cancel::not_found);

    // One whose making holds no guard and settles nothing is forgotten all the same once it returns.
    Held unguarded;
    std::vector<int> made;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 2, unguarded.make(made, 2)));
    unguarded.started.get_future().wait();
    EXPECT_EQ(pending.cancel(2, 1), PendingReports::Cancel::cancelled);
    unguarded.go.set_value();
    ASSERT_TRUE(wait_for([&] { return pending.places_taken() == 0; }));
    EXPECT_EQ(made, (std::vector<int>{2}));
}

// Once made and handed to the writer it is too late: the report is kept, and deleted from its page.
// A failed report has nothing to cancel.
TEST(PendingReports, OnceHandedToTheWriterItIsTooLateToCancel) {
    PendingReports pending;
    std::promise<void> handed;
    ASSERT_TRUE(pending.add(*place_for(pending, 1), 1, [&] {
        EXPECT_TRUE(pending.start_saving(1));
        handed.set_value();
    }));
    handed.get_future().wait();
    EXPECT_EQ(pending.cancel(1, 1), PendingReports::Cancel::too_late);
    EXPECT_EQ(pending.status(1, 1)->stage, Stage::saving) << "its researcher sees it being saved, too late to cancel";
    pending.done(1);
    EXPECT_EQ(pending.places_taken(), 0u);
    EXPECT_EQ(pending.cancel(1, 1), PendingReports::Cancel::not_found);

    ASSERT_TRUE(pending.add(*place_for(pending, 1), 2, [] { throw 1; }));
    ASSERT_TRUE(wait_for([&] { return pending.status(2, 1) && pending.status(2, 1)->stage == Stage::failed; }));
    EXPECT_EQ(pending.cancel(2, 1), PendingReports::Cancel::not_found);
    EXPECT_EQ(pending.status(2, 1)->stage, Stage::failed) << "its address still says why";
}
