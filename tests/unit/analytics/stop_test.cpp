// What bounds the work of one file: detect stops when asked (the site's report thread asks for a
// cancel, a restart or a report past its time), and a unit's adviser column with more names than
// an office has advisers gets no league among them.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include <fmt/format.h>

#include "analytics/detection/detect.hpp"
#include "analytics/detection/panel.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/simulation/simulate.hpp"

using namespace pw::analytics;

TEST(DetectStop, StopsWhenAskedAndNotBefore) {
    SimulationOptions o;
    o.units = 40;
    const auto sim = simulate(o);
    std::atomic<int> asked = 0;
    DetectOptions options;
    options.stop = [&asked] { return ++asked > 25; };
    EXPECT_THROW(detect(sim.events, options), Stopped);
    EXPECT_LE(asked.load(), 25 + 2) << "it went on asking after the answer was to stop";  // one per thread at most
    asked = 0;
    options.stop = [&asked] { return ++asked < 0; };  // never
    const auto report = detect(sim.events, options);
    EXPECT_EQ(report.units.size(), 40u);
    EXPECT_EQ(asked.load(), static_cast<int>(40 + options.null_units)) << "asked once per unit and null twin";
}

TEST(DetectStop, AUnitNamingMoreAdvisersThanAnOfficeHasGetsNoLeagueAmongThem) {
    // Two units of the same size: one with 5 advisers, one with one more than kMaxAdvisers.
    std::string csv = "date,unit,decision,adviser\n";
    for (int week = 0; week < 40; ++week) {
        const auto day = fmt::format("2013-{:02}-{:02}", 1 + week / 4, 1 + (week % 4) * 7);
        for (std::size_t a = 0; a <= kMaxAdvisers; ++a) {
            csv += fmt::format("{},crowded,adverse,c{}\n", day, (week * 7 + a) % (kMaxAdvisers + 1));
            if (a < 5) csv += fmt::format("{},office,adverse,a{}\n", day, a);
        }
    }
    ReadReport read;
    const auto events = read_events(csv, read);
    ASSERT_TRUE(events) << events.error().message;
    const auto report = detect(*events);
    ASSERT_EQ(report.units.size(), 2u);
    for (const auto& unit : report.units) EXPECT_EQ(unit.advisers, unit.name == "office" ? 5u : 0u) << unit.name;
    EXPECT_EQ(report.advisers_not_used,
              fmt::format("the league among advisers was not run in 1 unit naming more than {} advisers (at most "
                          "{}): so many in one unit are more likely cases or claimants than advisers",
                          kMaxAdvisers, kMaxAdvisers + 1));
}
