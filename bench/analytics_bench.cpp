// The detection engine on ten million referral events: CSV parsing speed, the per-unit-per-week
// group-by, and the whole test suite after parsing. Run by `make bench` (scripts/bench-analytics.sh),
// which compares the group-by with DuckDB's on the same file.
//   analytics_bench FILE [UNITS WEEKS]   (makes FILE first, of that size, when it does not exist)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analytics/detection/detect.hpp"
#include "analytics/detection/panel.hpp"
#include "analytics/referrals/reader.hpp"
#include "analytics/referrals/writer.hpp"
#include "analytics/simulation/simulate.hpp"

using namespace pw::analytics;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: analytics_bench FILE [UNITS WEEKS]\n");
        return 2;
    }
    const std::string file = argv[1];
    if (!std::filesystem::exists(file)) {
        SimulationOptions options;
        options.units = argc >= 4 ? std::strtoul(argv[2], nullptr, 10) : 20000;
        options.weeks = argc >= 4 ? std::atoi(argv[3]) : 104;
        options.rate_low = 3.5;
        options.rate_high = 6.0;
        std::fprintf(stderr, "making %s: %zu units over %d weeks...\n", file.c_str(), options.units, options.weeks);
        std::ofstream(file, std::ios::binary) << events_csv(simulate(options).events);
    }
    const std::string text = slurp(file);
    const double megabytes = static_cast<double>(text.size()) / 1e6;

    double best_parse = 1e9;
    Events events;
    ReadReport read;
    for (int run = 0; run < 3; ++run) {
        const auto start = Clock::now();
        auto parsed = read_events(text, read);
        best_parse = std::min(best_parse, seconds_since(start));
        if (!parsed) {
            std::fprintf(stderr, "cannot read %s: %s\n", file.c_str(), parsed.error().message.c_str());
            return 1;
        }
        events = std::move(*parsed);
    }
    auto start = Clock::now();
    const Panel panel = panel_from(events);
    const double group_by = seconds_since(start);
    std::size_t unit_weeks = 0;
    for (const auto& u : panel.units) unit_weeks += u.counts.size();

    start = Clock::now();
    const Report report = detect(events);
    const double suite = seconds_since(start);

    std::printf("analytics: %s (%.0f MB): %zu events, %zu units\n", file.c_str(), megabytes, events.size(),
                events.units.names.size());
    const double mb_per_second = megabytes / best_parse;
    std::printf("analytics: CSV parse %.2f s = %.0f MB/s (goal >= 1000 MB/s: %s)\n", best_parse, mb_per_second,
                mb_per_second >= 1000 ? "met" : "not met");
    std::printf("analytics: per-unit-per-week group-by %.3f s (%zu unit-weeks); parse + group-by %.2f s\n", group_by,
                unit_weeks, best_parse + group_by);
    std::printf("analytics: load and the full test suite after parsing %.2f s (goal <= 1 s: %s); %zu units flagged\n",
                suite, suite <= 1 ? "met" : "not met", report.flagged);
    std::printf("analytics-ours-seconds %.3f\n", best_parse + group_by);
    return 0;
}
