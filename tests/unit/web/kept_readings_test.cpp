// Kept detection reports read back once and held by id: each is parsed once, the least recently
// read goes first when full, a deleted one is let go, and threads may share it.
#include "web/research/readings.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using pw::web::KeptReadings;

namespace {

// A report's JSON naming one unit, and a count of how often it was loaded.
struct Source {
    std::atomic<int> loads{0};
    KeptReadings::Load load(const std::string& unit) {
        return [this, unit]() -> std::optional<std::string> {
            ++loads;
            return R"({"units": [{"unit": ")" + unit + R"("}], "read": {"first_month": "2012-01"}})";
        };
    }
};

}  // namespace

TEST(KeptReadings, ParsesEachReportOnceAndHandsTheSameReadingBack) {
    KeptReadings readings;
    Source source;
    const auto first = readings.get(1, source.load("office-1"));
    ASSERT_TRUE(first);
    ASSERT_EQ(first->units.size(), 1u);
    EXPECT_EQ(first->units[0].unit, "office-1");
    EXPECT_EQ(first->first_month, "2012-01");
    for (int i = 0; i < 5; ++i) EXPECT_EQ(readings.get(1, source.load("office-1")), first);
    EXPECT_EQ(source.loads, 1);
}

TEST(KeptReadings, KeepsNothingForAMissingReportOrTextThatIsNotOne) {
    KeptReadings readings;
    EXPECT_FALSE(readings.get(1, [] { return std::nullopt; }));
    EXPECT_FALSE(readings.get(2, [] { return std::optional<std::string>("not json"); }));
    EXPECT_EQ(readings.size(), 0u);
    Source source;
    EXPECT_TRUE(readings.get(1, source.load("office-1")));  // kept since: read now
}

TEST(KeptReadings, HoldsAtMostItsCapacityLettingTheLeastRecentlyReadGo) {
    KeptReadings readings(2);
    Source source;
    readings.get(1, source.load("a"));
    readings.get(2, source.load("b"));
    readings.get(1, source.load("a"));  // 2 is now the least recently read
    readings.get(3, source.load("c"));
    EXPECT_EQ(readings.size(), 2u);
    EXPECT_EQ(source.loads, 3);
    readings.get(1, source.load("a"));
    EXPECT_EQ(source.loads, 3) << "1 was let go";
    readings.get(2, source.load("b"));
    EXPECT_EQ(source.loads, 4) << "2 was kept";
}

TEST(KeptReadings, ForgetsADeletedReport) {
    KeptReadings readings;
    Source source;
    readings.get(1, source.load("a"));
    readings.forget(1);
    readings.forget(99);  // never read: nothing happens
    EXPECT_EQ(readings.size(), 0u);
    readings.get(1, source.load("a"));
    EXPECT_EQ(source.loads, 2);
}

TEST(KeptReadings, ThreadsShareItSafely) {
    KeptReadings readings(8);
    Source source;
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const auto id = (i * 7 + t) % 12;
                const auto unit = "office-" + std::to_string(id);
                const auto reading = readings.get(id, source.load(unit));
                if (!reading || reading->units.at(0).unit != unit) ++wrong;
                if (i % 97 == 0) readings.forget(id);
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong, 0);
    EXPECT_LE(readings.size(), 8u);
}
