#pragma once
// What is published about staff reports (docs/disclosure.md): per prime and per quarter that has
// ended, how many reports, and how many named each kind of pressure. Every count is noisy, drawn
// once; never for an office; nothing before the quarter is over.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/common/month.hpp"
#include "core/staff_reports/report.hpp"

namespace pw::staff_reports {

// "2026-Q4"
std::string quarter_of(Month month);
Month quarter_start(Month month);
Month quarter_end(Month month);
// The quarter a name like "2026-Q4" stands for (its first month), or nullopt.
std::optional<Month> quarter_named(std::string_view name);

// One prime's reports in one quarter, as drawn: the reports, and by kind (kPressures' order).
struct QuarterCounts {
    long long reports = 0;
    std::array<long long, kPressures.size()> by_pressure{};
    friend bool operator==(const QuarterCounts&, const QuarterCounts&) = default;
};

// By quarter name, then by prime.
using StaffReportFigures = std::map<std::string, std::map<std::int64_t, QuarterCounts>>;

// A noisy count as a page shows it: from its threshold, else "fewer than".
struct ShownCount {
    long long noisy = 0;
    double sd = 0;
    long long shown_from = 0;
    bool shown() const { return noisy >= shown_from; }
};

// The thresholds are five times the noise's spread, not three as for ratings: a count made of
// noise here would read as evidence of pressure at a named prime, so it must almost never pass
// (about once in 2,000 empty cells). The kinds are shown only where the prime's reports are.
ShownCount reports_shown(const QuarterCounts& counts);
ShownCount pressure_shown(const QuarterCounts& counts, std::size_t kind);

}  // namespace pw::staff_reports
