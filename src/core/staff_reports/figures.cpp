#include "core/staff_reports/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/disclosure/ledger.hpp"
#include "core/disclosure/noise.hpp"

namespace pw::staff_reports {

std::string quarter_of(Month month) {
    return fmt::format("{:04d}-Q{}", month.year(), (month.month() - 1) / 3 + 1);
}

Month quarter_start(Month month) {
    return *Month::from(month.year(), (month.month() - 1) / 3 * 3 + 1);
}

Month quarter_end(Month month) {
    return *Month::from(month.year(), (month.month() - 1) / 3 * 3 + 3);
}

std::optional<Month> quarter_named(std::string_view name) {
    if (name.size() != 7 || name[4] != '-' || name[5] != 'Q' || name[6] < '1' || name[6] > '4') return std::nullopt;
    const auto year = Month::parse(std::string(name.substr(0, 4)) + "-01");
    if (!year) return std::nullopt;
    return Month::from(year->year(), (name[6] - '1') * 3 + 1);
}

namespace {
ShownCount shown(long long noisy, disclosure::Table table) {
    ShownCount out;
    out.noisy = noisy;
    out.sd = std::sqrt(disclosure::geometric_variance(disclosure::epsilon_of(table)));
    out.shown_from = std::max(disclosure::shown_from(10, out.sd), static_cast<long long>(std::ceil(5 * out.sd)));
    return out;
}
}  // namespace

ShownCount reports_shown(const QuarterCounts& counts) {
    return shown(counts.reports, disclosure::Table::staff_report);
}

ShownCount pressure_shown(const QuarterCounts& counts, std::size_t kind) {
    auto out = shown(counts.by_pressure.at(kind), disclosure::Table::staff_report_pressure);
    if (!reports_shown(counts).shown()) out.noisy = std::min(out.noisy, out.shown_from - 1);
    return out;
}

}  // namespace pw::staff_reports
