// The slow-work pool: work runs off the caller's thread, and a full pool refuses at once.
#include "web/work/slow_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>

using namespace pw::web;

TEST(SlowPool, RunsWorkOnItsOwnThreads) {
    SlowPool pool(2, 8);
    std::promise<std::thread::id> ran;
    ASSERT_TRUE(pool.try_run([&] { ran.set_value(std::this_thread::get_id()); }));
    EXPECT_NE(ran.get_future().get(), std::this_thread::get_id());
}

TEST(SlowPool, RefusesWorkBeyondWhatMayWaitAndTakesItAgainOnceThereIsRoom) {
    SlowPool pool(1, 2);
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::promise<void> started;
    ASSERT_TRUE(pool.try_run([&] {
        started.set_value();
        released.wait();
    }));
    started.get_future().wait();  // the one thread is busy
    std::atomic<int> done{0};
    EXPECT_TRUE(pool.try_run([&] { ++done; }));
    EXPECT_TRUE(pool.try_run([&] { ++done; }));
    EXPECT_FALSE(pool.try_run([&] { ++done; }));  // two wait already
    EXPECT_EQ(pool.waiting(), 2u);
    release.set_value();
    while (pool.waiting() > 0) std::this_thread::yield();
    EXPECT_TRUE(pool.try_run([&] { ++done; }));
}

TEST(SlowPool, WorkThatThrowsDoesNotStopThePool) {
    SlowPool pool(1, 8);
    ASSERT_TRUE(pool.try_run([] { throw std::runtime_error("argon2 ran out of memory"); }));
    ASSERT_TRUE(pool.try_run([] { throw 42; }));
    std::promise<void> ran;
    ASSERT_TRUE(pool.try_run([&] { ran.set_value(); }));
    EXPECT_EQ(ran.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
}

TEST(SlowPool, WorkAlreadyWaitingRunsBeforeThePoolStops) {
    std::atomic<int> done{0};
    {
        SlowPool pool(1, 64);
        for (int i = 0; i < 20; ++i) ASSERT_TRUE(pool.try_run([&] { ++done; }));
    }
    EXPECT_EQ(done, 20);
}
