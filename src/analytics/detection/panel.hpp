#pragma once
// The input reshaped for the tests: one UnitData per unit, and each unit's peer baseline
// (units under the same parent when there are at least 5 of them, else every unit).
#include <memory>
#include <vector>

#include "analytics/detection/unit_data.hpp"
#include "analytics/referrals/table.hpp"

namespace pw::analytics {

struct PeerGroup {
    double dispersion = 0;
    std::int32_t first_period = 0;
    std::vector<double> median;  // per period; NaN where no member has a count
    std::size_t size = 0;
    Peers view() const { return {dispersion, first_period, median, size}; }
};

struct Panel {
    std::unique_ptr<Calendar> calendar;  // events input only
    std::vector<UnitData> units;
    std::vector<std::size_t> group_of;   // per unit: index into groups
    std::vector<PeerGroup> groups;
};

Panel panel_from(const Events& events);
Panel panel_from(const Counts& counts);  // weeks or months; empty for spans

}  // namespace pw::analytics
