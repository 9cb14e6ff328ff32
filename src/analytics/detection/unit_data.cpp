#include "analytics/detection/unit_data.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace pw::analytics {

Calendar::Calendar(Day first, Day last, Nation nation) : first_(first), last_(last), nation_(nation) {
    const auto n = static_cast<std::size_t>(std::max(0, last - first + 1));
    flags_.assign(n, 0);
    // Whole months and weeks around the range, so month ends near its edges are still known.
    const Day from = first_day_of_month(month_of(first)), to = first_day_of_month(month_of(last) + 1) - 1;
    auto working_day = [&](Day d) { return weekday(d) < 5 && !bank_holiday(d, nation); };
    for (Day d = from; d <= to; ++d) {
        // The month's end: from the first of its last 5 working days, counted back from its end, to
        // its last day. A weekend day inside that span is part of it, for a unit open at weekends.
        const auto month = month_of(d);
        const Day month_start = first_day_of_month(month);
        const Day month_last = month_start + days_in_month(month) - 1;
        int after = 0;
        for (Day e = d + 1; e <= month_last && after < kMonthEndDays; ++e) after += working_day(e);
        const bool is_month_end = after < kMonthEndDays;
        if (!covers(d)) continue;
        const Day monday = monday_of_week(week_of(d));
        std::uint8_t f = 0;
        if (working_day(d)) f |= 1;
        if (is_month_end) f |= 2;
        if (bank_holiday(d, nation)) f |= 4;
        if (month_start >= first && month_last <= last) f |= 8;
        if (monday >= first && monday + 6 <= last) f |= 16;
        flags_[at(d)] = f;
    }
    prepare(kMondayToFriday);
}

int Calendar::open_in_week(std::uint8_t open_days, Day d) const {
    const Day monday = monday_of_week(week_of(d));
    int n = 0;
    for (Day e = monday; e < monday + 7; ++e) n += open(open_days, e);
    return n;
}

void Calendar::prepare(std::uint8_t open_days) {
    auto& slot = shares_[open_days & 0x7f];
    if (slot) return;
    auto s = std::make_unique<OpenDayShares>();
    s->is_last.assign(flags_.size(), 0);
    for (Day monday = monday_of_week(week_of(first_)); monday <= last_; monday += 7) {
        Day last_open_day = -1;
        for (Day e = monday; e < monday + 7; ++e)
            if (open(open_days, e)) last_open_day = e;
        if (covers(last_open_day)) s->is_last[at(last_open_day)] = 1;
    }
    slot = std::move(s);
}

const OpenDayShares& Calendar::shares(std::uint8_t open_days) const {
    const auto& slot = shares_[open_days & 0x7f];
    if (!slot) throw std::logic_error("Calendar::shares before prepare for these open days");
    return *slot;
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

bool zeros_left_out(std::span<const std::int32_t> counts) {
    const auto first = std::ranges::find_if(counts, [](auto c) { return c >= 0; });
    const auto last = std::find_if(counts.rbegin(), counts.rend(), [](auto c) { return c >= 0; }).base();
    if (first >= last) return false;
    const bool gap = std::any_of(first, last, [](auto c) { return c < 0; });
    const bool zero = std::any_of(first, last, [](auto c) { return c == 0; });
    return gap && !zero;
}

double median_of(std::vector<double>& values) {
    if (values.empty()) return std::nan("");
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return values.size() % 2 ? *mid : (*mid + *std::max_element(values.begin(), mid)) / 2;
}

}  // namespace pw::analytics
