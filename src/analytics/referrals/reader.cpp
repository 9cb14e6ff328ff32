#include "analytics/referrals/reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "analytics/referrals/columns.hpp"
#include "analytics/referrals/unit_index.hpp"

namespace pw::analytics {
namespace {

enum EventColumn : std::size_t {
    e_date,
    e_unit,
    e_parent,
    e_area,
    e_reason,
    e_decision,
    e_reconsideration,
    e_appeal,
    e_open_days,
    e_nation,
    e_adviser
};
constexpr std::array<ColumnSpec, 11> kEventColumns{{{"date", true},
                                                    {"unit", true},
                                                    {"parent", false},
                                                    {"area", false},
                                                    {"reason", false},
                                                    {"decision", true},
                                                    {"reconsideration", false},
                                                    {"appeal", false},
                                                    {"open_days", false},
                                                    {"nation", false},
                                                    {"adviser", false}}};

enum CountColumn : std::size_t { c_unit, c_period, c_referrals, c_caseload, c_adverse, c_parent, c_area };
constexpr std::array<ColumnSpec, 7> kCountColumns{{{"unit", true},
                                                   {"period", true},
                                                   {"referrals", true},
                                                   {"caseload", false},
                                                   {"adverse", false},
                                                   {"parent", false},
                                                   {"area", false}}};

constexpr std::size_t kProgressStep = 32u << 20;

std::string shown(std::string_view text) {
    std::string out;
    for (unsigned char c : text.substr(0, 30)) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return text.size() > 30 ? out + "..." : out;
}

// The loop both formats share: header, then each record to `row`, which returns a problem or
// nullopt. Structural faults end the read; row problems are counted and kept.
template <std::size_t N, class Row>
Result<Columns<N>> each_row(std::string_view text, ReadReport& report, const Progress& progress,
                            const std::array<ColumnSpec, N>& specs, Row row) {
    report = ReadReport{};
    report.bytes = text.size();
    if (text.empty()) return fail(ErrorKind::invalid_input, "the file is empty");
    // What people send by mistake, named: a compressed file, a spreadsheet, line ends of old Macs.
    if (text.starts_with("\x1f\x8b"))
        return fail(ErrorKind::invalid_input, "this is a compressed (gzip) file: unpack it and send the CSV inside");
    if (text.starts_with("PK\x03\x04"))
        return fail(ErrorKind::invalid_input,
                    "this is a zip file or a spreadsheet (.xlsx): save the sheet as CSV and send that");
    if (std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 1u << 16)) != nullptr)
        return fail(ErrorKind::invalid_input, "this is not a CSV text file (it contains NUL bytes near the start)");
    if (const auto first_line = text.substr(0, text.find('\n')); first_line.find('\r') != std::string_view::npos &&
                                                                   first_line.find('\r') + 1 < first_line.size())
        return fail(ErrorKind::invalid_input,
                    "its lines end with a carriage return alone (old Mac line ends): save it again as CSV with "
                    "Windows or Unix line ends");
    RecordReader reader(text);
    Record record;
    std::string error;
    if (!reader.next(record, error)) return fail(ErrorKind::invalid_input, error.empty() ? "the file is empty" : error);
    auto columns = read_header(record, specs);
    if (!columns) return columns;
    std::size_t next_progress = kProgressStep;
    while (reader.next(record, error)) {
        if (record.count == 1 && record.fields[0].empty()) continue;  // a blank line
        std::optional<std::string> problem;
        if (record.count != columns->width)
            problem = fmt::format("has {} fields; the header has {}", record.count, columns->width);
        else
            problem = row(record, *columns);
        if (problem) {
            ++report.rows_rejected;
            if (report.problems.size() < ReadReport::kProblemsKept)
                report.problems.push_back({record.line, std::move(*problem)});
        } else {
            ++report.rows_read;
        }
        if (progress && reader.offset() >= next_progress) {
            progress(reader.offset(), text.size());
            next_progress += kProgressStep;
        }
    }
    if (!error.empty()) return fail(ErrorKind::invalid_input, error);
    if (progress) progress(text.size(), text.size());
    return columns;
}

std::optional<std::int64_t> count_from(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "2012-03" a month; "2012-W05" an ISO week; "2012-01-30" the week holding that day;
// "2011-06..2012-01" a span.
struct Period {
    PeriodKind kind;
    std::int32_t index;
};
std::optional<Period> period_from(std::string_view text, Dictionary& spans) {
    if (text.size() == 7 && text[4] == '-') {
        auto day = parse_day(std::string(text) + "-01");
        if (!day) return std::nullopt;
        return Period{PeriodKind::month, month_of(*day)};
    }
    if (text.size() == 8 && text[4] == '-' && text[5] == 'W') {
        auto jan4 = parse_day(std::string(text.substr(0, 4)) + "-01-04");
        auto week = count_from(text.substr(6));
        if (!jan4 || !week || *week < 1 || *week > 53) return std::nullopt;
        const std::int32_t first = week_of(*jan4);
        const auto index = first + static_cast<std::int32_t>(*week) - 1;
        if (*week == 53 && week_of(*parse_day(std::string(text.substr(0, 4)) + "-12-28")) != index)
            return std::nullopt;  // that year has 52 ISO weeks
        return Period{PeriodKind::week, index};
    }
    if (text.size() == 10) {
        auto day = parse_day(text);
        if (!day) return std::nullopt;
        return Period{PeriodKind::week, week_of(*day)};
    }
    if (text.size() == 16 && text.substr(7, 2) == "..") {
        auto from = parse_day(std::string(text.substr(0, 7)) + "-01");
        auto to = parse_day(std::string(text.substr(9)) + "-01");
        if (!from || !to || *to < *from) return std::nullopt;
        return Period{PeriodKind::span, static_cast<std::int32_t>(spans.intern(text))};
    }
    return std::nullopt;
}

// About how many lines the text holds, from the length of its first lines (a little over, so
// the columns rarely grow).
std::size_t expected_rows(std::string_view text) {
    const std::size_t sample = std::min<std::size_t>(text.size(), 64 * 1024);
    const auto lines =
        static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(sample), '\n'));
    if (lines == 0) return 1;
    return static_cast<std::size_t>(static_cast<double>(text.size()) / static_cast<double>(sample) *
                                    static_cast<double>(lines) * 1.05) +
           16;
}

std::string day_text(Day day) {
    const Civil c = civil_from_day(day);
    return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string month_text(std::int32_t month_index) {
    return fmt::format("{:04}-{:02}", month_index / 12, month_index % 12 + 1);
}

// The first and last period of the rows read, and the months they start and end in. Spans are
// numbered in the order first seen, so their first and last are found by their months: the
// earliest start and the latest end.
void set_period(const Counts& counts, ReadReport& report) {
    if (!counts.size()) return;
    if (counts.kind != PeriodKind::span) {
        const auto [lo, hi] = std::minmax_element(counts.period.begin(), counts.period.end());
        report.first_day = period_label(counts.kind, *lo, counts.spans);
        report.last_day = period_label(counts.kind, *hi, counts.spans);
        const bool weeks = counts.kind == PeriodKind::week;
        report.first_month = month_text(weeks ? month_of(monday_of_week(*lo)) : *lo);
        report.last_month = month_text(weeks ? month_of(monday_of_week(*hi) + 6) : *hi);
        return;
    }
    // "2011-06..2012-01": the start is its first seven characters, the end its last seven.
    const auto start = [&](std::int32_t p) { return std::string_view(counts.spans.name(p)).substr(0, 7); };
    const auto end = [&](std::int32_t p) { return std::string_view(counts.spans.name(p)).substr(9); };
    std::int32_t first = counts.period.front(), last = counts.period.front();
    for (const auto p : counts.period) {
        if (start(p) < start(first)) first = p;
        if (end(p) > end(last)) last = p;
    }
    report.first_day = counts.spans.name(first);
    report.last_day = counts.spans.name(last);
    report.first_month = std::string(start(first));
    report.last_month = std::string(end(last));
}

// An optional name column's value: kNone when empty, else its index in `names`, checked the first
// time it is seen (a file repeats its reasons and advisers on many rows).
std::optional<std::string> optional_name(Dictionary& names, std::string_view text, std::string_view what,
                                         std::uint32_t& index) {
    if (text.empty()) return std::nullopt;
    if (auto found = names.find(text)) {
        index = *found;
        return std::nullopt;
    }
    if (auto problem = name_problem(text, what)) return problem;
    index = names.intern(text);
    return std::nullopt;
}

// A free-text field written over several lines in a spreadsheet (a quoted field may hold line
// breaks and tabs): on one line, each run of them a single space, none at either end. Other text
// is returned as it is, without a copy.
std::string_view one_line(std::string_view text, std::string& buffer) {
    // One comparison a byte: find_first_of's search of a set for every byte cost the reader a
    // third of its speed (1,240 MB/s to 700 on make bench's file), as every row has a reason.
    bool control = false;
    for (char ch : text) control |= static_cast<unsigned char>(ch) < 0x20;
    if (!control) return text;
    buffer.clear();
    bool space = false;
    for (char ch : text) {
        if (ch == '\r' || ch == '\n' || ch == '\t' || ch == ' ') {
            space = !buffer.empty();
            continue;
        }
        if (space) buffer += ' ';
        space = false;
        buffer += ch;
    }
    return buffer;
}

}  // namespace

std::string_view event_columns() {
    static const std::string list = column_list(kEventColumns.data(), kEventColumns.size());
    return list;
}
std::string_view count_columns() {
    static const std::string list = column_list(kCountColumns.data(), kCountColumns.size());
    return list;
}

std::string ReadReport::summary() const {
    const auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    std::string out = "read " + plural(rows_read, "row", "rows") + " for " + plural(units, "unit", "units");
    if (!first_day.empty() && first_day == last_day)
        out += ", for " + first_day;
    else if (!first_day.empty())
        out += fmt::format(", from {} to {}", first_day, last_day);
    if (rows_rejected) out += "; " + plural(rows_rejected, "row", "rows") + " rejected";
    return out;
}

Result<Events> read_events(std::string_view text, ReadReport& report, const Progress& progress) {
    Events events;
    // Columns sized once for the rows the file will hold: growing them by doubling copied every
    // column several times over and was a third of the time on a large file.
    const std::size_t rows = expected_rows(text);
    events.day.reserve(rows);
    events.unit.reserve(rows);
    events.reason.reserve(rows);
    events.decision.reserve(rows);
    events.reconsideration.reserve(rows);
    events.appeal.reserve(rows);
    UnitIndex units(events.units);
    Day first = 0, last = 0;
    std::string line_buffer;  // a reason written over several lines, put on one
    auto row = [&](const Record& r, const Columns<11>& c) -> std::optional<std::string> {
        const auto date_text = c.get(r, e_date);
        const auto day = parse_day(date_text);
        if (!day && date_out_of_range(date_text))
            return "the date \"" + shown(date_text) + "\" is outside the years 1900 to 2199 this reads";
        if (!day) return "the date \"" + shown(date_text) + "\" is not a real date written YYYY-MM-DD";
        const auto decision_text = c.get(r, e_decision);
        const auto decision = decision_from(decision_text);
        if (!decision)
            return "the decision \"" + shown(decision_text) +
                   "\" is not one of adverse, non-adverse, reserved, cancelled, pending";
        const auto reconsideration = review_from(c.get(r, e_reconsideration));
        if (!reconsideration)
            return "the reconsideration \"" + shown(c.get(r, e_reconsideration)) +
                   "\" is not one of upheld, overturned, pending (or empty)";
        const auto appeal = review_from(c.get(r, e_appeal));
        if (!appeal)
            return "the appeal \"" + shown(c.get(r, e_appeal)) +
                   "\" is not one of upheld, overturned, pending (or empty)";
        if (*reconsideration != Review::none && *decision != Decision::adverse)
            return "a reconsideration is recorded for a decision that was not adverse";
        if (*appeal != Review::none && *reconsideration != Review::upheld)
            return "an appeal is recorded without a reconsideration that upheld the decision";
        std::uint32_t reason = kNone, adviser = kNone;
        if (auto problem = optional_name(events.reasons, one_line(c.get(r, e_reason), line_buffer), "the reason", reason))
            return problem;
        if (auto problem = optional_name(events.advisers, c.get(r, e_adviser), "the adviser", adviser)) return problem;
        std::uint32_t unit = 0;
        if (auto problem = units.add(
                {c.get(r, e_unit), c.get(r, e_parent), c.get(r, e_area), c.get(r, e_open_days), c.get(r, e_nation)},
                unit))
            return problem;
        if (events.day.empty() || *day < first) first = *day;
        if (events.day.empty() || *day > last) last = *day;
        events.day.push_back(*day);
        events.unit.push_back(unit);
        events.reason.push_back(reason);
        events.decision.push_back(*decision);
        events.reconsideration.push_back(*reconsideration);
        events.appeal.push_back(*appeal);
        if (c.has(e_adviser)) {  // only a file with an adviser column pays for one
            if (events.adviser.empty()) events.adviser.reserve(rows);
            events.adviser.push_back(adviser);
        }
        return std::nullopt;
    };
    auto columns = each_row(text, report, progress, kEventColumns, row);
    if (!columns) return std::unexpected(columns.error());
    report.units = events.units.names.size();
    if (events.size()) {
        report.first_day = day_text(first);
        report.last_day = day_text(last);
        report.first_month = month_text(month_of(first));
        report.last_month = month_text(month_of(last));
    }
    return events;
}

Result<Counts> read_counts(std::string_view text, ReadReport& report, const Progress& progress) {
    Counts counts;
    UnitIndex units(counts.units);
    std::optional<PeriodKind> kind;
    std::unordered_map<std::uint64_t, std::size_t> seen;  // unit and period -> line
    auto row = [&](const Record& r, const Columns<7>& c) -> std::optional<std::string> {
        const auto period_text = c.get(r, c_period);
        const auto period = period_from(period_text, counts.spans);
        if (!period)
            return "the period \"" + shown(period_text) +
                   "\" is not a month (2012-03), a week (2012-W05 or its Monday 2012-01-30) or a span "
                   "(2011-06..2012-01)";
        if (kind && *kind != period->kind) return "mixes kinds of period: every row must use the same kind";
        auto number = [&](std::size_t column, std::string_view what, std::int64_t& out) -> std::optional<std::string> {
            out = -1;
            if (!c.has(column)) return std::nullopt;
            const auto text = c.get(r, column);
            if (text.empty() && column != c_referrals) return std::nullopt;
            const auto value = count_from(text);
            if (!value) return std::string(what) + " \"" + shown(text) + "\" is not a whole number";
            if (*value < 0) return std::string(what) + " is negative";
            if (*value > 1'000'000'000) return std::string(what) + " is implausibly large";
            out = *value;
            return std::nullopt;
        };
        std::int64_t referrals = 0, caseload = -1, adverse = -1;
        if (auto p = number(c_referrals, "the referral count", referrals)) return p;
        if (auto p = number(c_caseload, "the caseload", caseload)) return p;
        if (auto p = number(c_adverse, "the adverse count", adverse)) return p;
        if (adverse > referrals) return "the adverse count is larger than the referrals";
        if (caseload >= 0 && referrals > caseload) return "the referrals are more than the caseload";
        std::uint32_t unit = 0;
        if (auto problem = units.add({c.get(r, c_unit), c.get(r, c_parent), c.get(r, c_area), {}, {}}, unit))
            return problem;
        const auto key = (static_cast<std::uint64_t>(unit) << 32) | static_cast<std::uint32_t>(period->index);
        if (auto [at, fresh] = seen.emplace(key, r.line); !fresh)
            return fmt::format("repeats the unit and period of line {}", at->second);
        kind = period->kind;
        counts.unit.push_back(unit);
        counts.period.push_back(period->index);
        counts.referrals.push_back(referrals);
        counts.caseload.push_back(caseload);
        counts.adverse.push_back(adverse);
        counts.has_caseload |= caseload >= 0;
        counts.has_adverse |= adverse >= 0;
        return std::nullopt;
    };
    auto columns = each_row(text, report, progress, kCountColumns, row);
    if (!columns) return std::unexpected(columns.error());
    counts.kind = kind.value_or(PeriodKind::week);
    report.units = counts.units.names.size();
    set_period(counts, report);
    return counts;
}

}  // namespace pw::analytics
