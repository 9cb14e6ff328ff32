#include "store/staff_reports/published.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/disclosure/ledger.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace staff_reports;

namespace {

constexpr std::string_view kReports = "reports";

// The quarters ending from window_start to a month before period: moderators have a month after
// a quarter ends to judge its last reports before it is counted.
std::vector<Month> ended_quarters(Month window_start, Month period) {
    std::vector<Month> out;
    for (auto q = quarter_start(window_start); *quarter_end(q).plus(1) <= period; q = *q.plus(3)) {
        if (quarter_end(q) >= window_start) out.push_back(q);
    }
    return out;
}

std::vector<std::int64_t> primes(soci::session& s) {
    std::vector<std::int64_t> out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT DISTINCT prime_id FROM contracts ORDER BY prime_id");
    for (const auto& row : rows) out.push_back(get_int(row, 0));
    return out;
}

}  // namespace

void draw_staff_report_cells(soci::session& s, Month window_start, Month period, const disclosure::RandomBits& bits) {
    const auto all = primes(s);
    for (const auto start : ended_quarters(window_start, period)) {
        const auto quarter = quarter_of(start);
        std::set<std::int64_t> drawn;
        {
            soci::rowset<soci::row> rows =
                (s.prepare << "SELECT DISTINCT prime_id FROM staff_report_cells WHERE quarter = :q",
                 soci::use(quarter));
            for (const auto& row : rows) drawn.insert(get_int(row, 0));
        }
        std::map<std::int64_t, QuarterCounts> raw;
        {
            const std::string a = start.to_string(), b = quarter_end(start).to_string();
            soci::rowset<soci::row> rows =
                (s.prepare << "SELECT prime_id, pressures FROM staff_reports WHERE month >= :a AND month <= :b AND "
                              "state = 'credible'",
                 soci::use(a), soci::use(b));
            for (const auto& row : rows) {
                auto& counts = raw[get_int(row, 0)];
                ++counts.reports;
                const auto bits_named = static_cast<unsigned>(get_int(row, 1));
                for (std::size_t k = 0; k < kPressures.size(); ++k)
                    if (bits_named & static_cast<unsigned>(kPressures[k])) ++counts.by_pressure[k];
            }
        }
        using disclosure::Table;
        const auto noise = [&](Table table) {
            return disclosure::geometric_noise(disclosure::epsilon_of(table), bits);
        };
        std::string sql;
        for (const auto prime : all) {
            if (drawn.contains(prime)) continue;
            const auto found = raw.find(prime);
            const auto counts = found == raw.end() ? QuarterCounts{} : found->second;
            sql += fmt::format("{}('{}', {}, '{}', {})", sql.empty() ? "" : ", ", quarter, prime, kReports,
                               counts.reports + noise(Table::staff_report));
            for (std::size_t k = 0; k < kPressures.size(); ++k) {
                sql += fmt::format(", ('{}', {}, '{}', {})", quarter, prime, pressure_name(kPressures[k]),
                                   counts.by_pressure[k] + noise(Table::staff_report_pressure));
            }
        }
        if (!sql.empty()) s << "INSERT INTO staff_report_cells (quarter, prime_id, measure, noisy) VALUES " + sql;
    }
}

void store_staff_report_figures(soci::session& s, std::int64_t snapshot_id, Month window_start, Month period) {
    const long long id = snapshot_id;
    for (const auto start : ended_quarters(window_start, period)) {
        const auto quarter = quarter_of(start);
        s << "INSERT INTO snapshot_staff_reports (snapshot_id, quarter, prime_id, measure, noisy) "
             "SELECT :id, quarter, prime_id, measure, noisy FROM staff_report_cells WHERE quarter = :q",
            soci::use(id), soci::use(quarter);
    }
}

StaffReportFigures load_staff_report_figures(soci::session& s, std::int64_t snapshot_id) {
    StaffReportFigures out;
    const long long id = snapshot_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT quarter, prime_id, measure, noisy FROM snapshot_staff_reports WHERE snapshot_id = :id",
         soci::use(id));
    for (const auto& row : rows) {
        auto& counts = out[row.get<std::string>(0)][get_int(row, 1)];
        const auto measure = row.get<std::string>(2);
        if (measure == kReports) {
            counts.reports = get_int(row, 3);
        } else if (const auto kind = pressure_from(measure)) {
            for (std::size_t k = 0; k < kPressures.size(); ++k)
                if (kPressures[k] == *kind) counts.by_pressure[k] = get_int(row, 3);
        }
    }
    return out;
}

}  // namespace pw::store
