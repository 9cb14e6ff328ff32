#include "analytics/detection/unit_data.hpp"

#include <algorithm>
#include <cmath>

namespace pw::analytics {

Calendar::Calendar(Day first, Day last) : first_(first), last_(last) {
    const auto n = static_cast<std::size_t>(std::max(0, last - first + 1));
    flags_.assign(n, 0);
    share_.assign(n, 0);
    for (Day d = first; d <= last; ++d) {
        const auto i = static_cast<std::size_t>(d - first);
        const auto month = month_of(d);
        const Day month_start = first_day_of_month(month);
        const Day month_end_day = month_start + days_in_month(month) - 1;
        const Day monday = monday_of_week(week_of(d));
        std::uint8_t f = 0;
        if (weekday(d) < 5) f |= 1;
        if (in_last_working_days_of_month(d, kMonthEndDays)) f |= 2;
        if (weekday(d) == 4) f |= 4;
        if (month_start >= first && month_end_day <= last) f |= 8;
        if (monday >= first && monday + 6 <= last) f |= 16;
        flags_[i] = f;
        share_[i] = static_cast<double>(kMonthEndDays) / working_days_in_month(month);
    }
}

double Moments::alpha() const {
    if (periods < 2 || mean <= 0) return 0;
    return std::max(0.0, (variance - mean) / (mean * mean));
}

Moments moments(std::span<const std::int32_t> counts) {
    Moments m;
    double sum = 0;
    for (auto c : counts)
        if (c >= 0) {
            sum += c;
            ++m.periods;
        }
    if (m.periods == 0) return m;
    m.mean = sum / static_cast<double>(m.periods);
    double squares = 0;
    for (auto c : counts)
        if (c >= 0) squares += (c - m.mean) * (c - m.mean);
    m.variance = m.periods > 1 ? squares / static_cast<double>(m.periods - 1) : 0;
    return m;
}

double median_of(std::vector<double>& values) {
    if (values.empty()) return std::nan("");
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return values.size() % 2 ? *mid : (*mid + *std::max_element(values.begin(), mid)) / 2;
}

}  // namespace pw::analytics
