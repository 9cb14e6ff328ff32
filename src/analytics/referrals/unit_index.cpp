#include "analytics/referrals/unit_index.hpp"

#include "analytics/referrals/columns.hpp"

namespace pw::analytics {

std::optional<std::string> UnitIndex::optional_name(std::string_view name, std::string_view what,
                                                    Dictionary& dictionary, std::uint32_t& index) {
    index = kNone;
    if (name.empty()) return std::nullopt;
    if (auto found = dictionary.find(name)) {
        index = *found;
        return std::nullopt;
    }
    if (auto problem = name_problem(name, what)) return problem;
    index = dictionary.intern(name);
    return std::nullopt;
}

std::optional<std::string> UnitIndex::add(std::string_view unit, std::string_view parent, std::string_view area,
                                          std::uint32_t& index) {
    if (last_index_ != kNone && unit == last_unit_ && parent == last_parent_ && area == last_area_) {
        index = last_index_;
        return std::nullopt;
    }
    std::uint32_t parent_index = kNone, area_index = kNone;
    if (auto problem = optional_name(parent, "the parent", units_.parents, parent_index)) return problem;
    if (auto problem = optional_name(area, "the area", units_.areas, area_index)) return problem;
    if (auto found = units_.names.find(unit)) {
        index = *found;
        if (units_.parent[index] != parent_index)
            return "unit \"" + std::string(unit) + "\" has a different parent here than on its first row";
        if (units_.area[index] != area_index)
            return "unit \"" + std::string(unit) + "\" has a different area here than on its first row";
    } else {
        if (auto problem = name_problem(unit, "the unit")) return problem;
        index = units_.names.intern(unit);
        units_.parent.push_back(parent_index);
        units_.area.push_back(area_index);
    }
    last_unit_.assign(unit);
    last_parent_.assign(parent);
    last_area_.assign(area);
    last_index_ = index;
    return std::nullopt;
}

}  // namespace pw::analytics
