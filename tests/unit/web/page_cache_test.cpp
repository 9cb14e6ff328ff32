#include "web/cache/page_cache.hpp"

#include <gtest/gtest.h>

using namespace pw::web;
using namespace std::chrono_literals;

namespace {
Response page(std::string body) {
    return Response{200, "text/html", {}, std::move(body), "/x"};
}
}  // namespace

TEST(PageCache, AnswersFromMemoryUntilTheEntryExpires) {
    PageCache cache(2000ms);
    const auto t0 = PageCache::Clock::time_point{} + 1h;
    cache.store("/areas", page("one"), t0);
    ASSERT_TRUE(cache.find("/areas", t0 + 1999ms));
    EXPECT_EQ(cache.find("/areas", t0 + 1999ms)->body, "one");
    EXPECT_FALSE(cache.find("/areas", t0 + 2000ms));
    EXPECT_FALSE(cache.find("/areas?q=1", t0));
}

TEST(PageCache, InvalidateForgetsEverythingAtOnce) {
    PageCache cache(60s);
    const auto t0 = PageCache::Clock::time_point{} + 1h;
    cache.store("/a", page("a"), t0);
    cache.invalidate();
    EXPECT_FALSE(cache.find("/a", t0));
    cache.store("/a", page("b"), t0);
    EXPECT_EQ(cache.find("/a", t0)->body, "b");
}

TEST(PageCache, AZeroLifetimeTurnsItOff) {
    PageCache cache(0ms);
    const auto t0 = PageCache::Clock::time_point{} + 1h;
    cache.store("/a", page("a"), t0);
    EXPECT_FALSE(cache.enabled());
    EXPECT_FALSE(cache.find("/a", t0));
}

TEST(PageCache, StaysWithinItsBound) {
    PageCache cache(60s, 2);
    const auto t0 = PageCache::Clock::time_point{} + 1h;
    cache.store("/1", page("1"), t0);
    cache.store("/2", page("2"), t0);
    cache.store("/3", page("3"), t0);  // full: starts again
    EXPECT_FALSE(cache.find("/1", t0));
    EXPECT_TRUE(cache.find("/3", t0));
}
