#pragma once
// Interns each row's unit with its parent and area, checking that a unit keeps the same parent
// and area on every row. The last unit is remembered: files are usually grouped by unit.
#include <optional>
#include <string>
#include <string_view>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

// What a row says about its unit; every field but `unit` may be empty.
struct UnitFields {
    std::string_view unit, parent, area, open_days, nation;
    bool operator==(const UnitFields&) const = default;
};

// "mon-fri", "thu,fri", "Monday Tuesday", "mon..wed sat" to a bit per weekday (0 = Monday);
// nullopt when it is not a list of days.
std::optional<std::uint8_t> open_days_from(std::string_view text);

class UnitIndex {
public:
    explicit UnitIndex(Units& units) : units_(units) {}
    // The unit's index, or why the row is bad.
    std::optional<std::string> add(const UnitFields& fields, std::uint32_t& index);

private:
    std::optional<std::string> optional_name(std::string_view name, std::string_view what, Dictionary& dictionary,
                                             std::uint32_t& index);
    Units& units_;
    std::string last_[5];  // the last row's fields, in UnitFields order
    std::uint32_t last_index_ = kNone;
};

}  // namespace pw::analytics
