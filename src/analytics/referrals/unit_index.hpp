#pragma once
// Interns each row's unit with its parent and area, checking that a unit keeps the same parent
// and area on every row. The last unit is remembered: files are usually grouped by unit.
#include <optional>
#include <string>
#include <string_view>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

class UnitIndex {
public:
    explicit UnitIndex(Units& units) : units_(units) {}
    // The unit's index, or why the row is bad.
    std::optional<std::string> add(std::string_view unit, std::string_view parent, std::string_view area,
                                   std::uint32_t& index);

private:
    std::optional<std::string> optional_name(std::string_view name, std::string_view what, Dictionary& dictionary,
                                             std::uint32_t& index);
    Units& units_;
    std::string last_unit_, last_parent_, last_area_;
    std::uint32_t last_index_ = kNone;
};

}  // namespace pw::analytics
