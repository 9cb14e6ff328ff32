#pragma once
// Reads referral events or counts from CSV text (formats in docs/referral-data.md). A fault in
// the file as a whole (empty, no recognisable header, an unclosed quote) is an error; a bad row
// is a problem with its line and reason, kept in the report, and the row is left out.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/referrals/table.hpp"
#include "core/common/error.hpp"

namespace pw::analytics {

struct RowProblem {
    std::size_t line = 0;
    std::string reason;
};

struct ReadReport {
    static constexpr std::size_t kProblemsKept = 200;
    std::size_t bytes = 0;
    std::size_t rows_read = 0;         // rows accepted
    std::size_t rows_rejected = 0;     // every bad row, even beyond those kept
    std::vector<RowProblem> problems;  // the first kProblemsKept
    std::string summary() const;       // "read 1,204 rows for 37 units from 2012-01-02 to ..."
    std::string first_day, last_day;   // or first and last period, for the summary
    // "2012-03": the month the earliest period starts in and the month the latest ends in, the
    // same for every kind of period (a week's end is its Sunday; a span's its last month).
    std::string first_month, last_month;
    std::size_t units = 0;
};

// Called now and then with bytes done and bytes in all, for a progress line.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

Result<Events> read_events(std::string_view text, ReadReport& report, const Progress& progress = {});
Result<Counts> read_counts(std::string_view text, ReadReport& report, const Progress& progress = {});

// The column names each format takes, for messages and the docs.
std::string_view event_columns();
std::string_view count_columns();

}  // namespace pw::analytics
