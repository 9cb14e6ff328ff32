#include "analytics/referrals/unit_index.hpp"

#include <array>
#include <cctype>

#include "analytics/referrals/columns.hpp"

namespace pw::analytics {
namespace {

constexpr std::array<std::string_view, 7> kDayNames{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};

// "mon", "tues", "thursday" ... to 0-6: at least the first three letters of a day's name.
std::optional<int> day_from(std::string_view word) {
    if (word.size() < 3) return std::nullopt;
    std::string lower;
    for (unsigned char c : word) lower += static_cast<char>(std::tolower(c));
    for (std::size_t d = 0; d < kDayNames.size(); ++d)
        if (kDayNames[d].starts_with(lower)) return static_cast<int>(d);
    return std::nullopt;
}

std::string shown_field(std::string_view text) {
    std::string out;
    for (unsigned char c : text.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return out;
}

}  // namespace

std::optional<std::uint8_t> open_days_from(std::string_view text) {
    std::uint8_t mask = 0;
    std::size_t i = 0;
    auto word = [&] {
        const auto start = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
        return day_from(text.substr(start, i - start));
    };
    auto skip_separators = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ';' || text[i] == '/')) ++i;
    };
    skip_separators();
    while (i < text.size()) {
        const auto from = word();
        if (!from) return std::nullopt;
        int to = *from;
        if (i < text.size() && (text[i] == '-' || text.substr(i).starts_with(".."))) {
            i += text[i] == '-' ? 1 : 2;
            const auto end = word();
            if (!end || *end < *from) return std::nullopt;
            to = *end;
        }
        for (int d = *from; d <= to; ++d) mask |= static_cast<std::uint8_t>(1u << d);
        skip_separators();
    }
    return mask ? std::optional(mask) : std::nullopt;
}

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

std::optional<std::string> UnitIndex::add(const UnitFields& row, std::uint32_t& index) {
    if (last_index_ != kNone && row == UnitFields{last_[0], last_[1], last_[2], last_[3], last_[4]}) {
        index = last_index_;
        return std::nullopt;
    }
    std::uint32_t parent_index = kNone, area_index = kNone;
    if (auto problem = optional_name(row.parent, "the parent", units_.parents, parent_index)) return problem;
    if (auto problem = optional_name(row.area, "the area", units_.areas, area_index)) return problem;
    std::uint8_t open_days = 0;
    if (!row.open_days.empty()) {
        const auto mask = open_days_from(row.open_days);
        if (!mask)
            return "the open days \"" + shown_field(row.open_days) +
                   "\" are not days of the week, for example mon-fri or thu,fri";
        open_days = *mask;
    }
    Nation nation = Nation::england_and_wales;
    if (!row.nation.empty()) {
        const auto found = nation_from(row.nation);
        if (!found)
            return "the nation \"" + shown_field(row.nation) +
                   "\" is not one of england, wales, scotland, northern-ireland (or empty for England and Wales)";
        nation = *found;
    }
    const std::string unit(row.unit);
    if (auto found = units_.names.find(row.unit)) {
        index = *found;
        if (units_.parent[index] != parent_index)
            return "unit \"" + unit + "\" has a different parent here than on its first row";
        if (units_.area[index] != area_index)
            return "unit \"" + unit + "\" has a different area here than on its first row";
        if (units_.open_days[index] != open_days)
            return "unit \"" + unit + "\" has different open days here than on its first row";
        if (units_.nation[index] != nation)
            return "unit \"" + unit + "\" has a different nation here than on its first row";
    } else {
        if (auto problem = name_problem(row.unit, "the unit")) return problem;
        index = units_.names.intern(row.unit);
        units_.parent.push_back(parent_index);
        units_.area.push_back(area_index);
        units_.open_days.push_back(open_days);
        units_.nation.push_back(nation);
    }
    last_[0].assign(row.unit);
    last_[1].assign(row.parent);
    last_[2].assign(row.area);
    last_[3].assign(row.open_days);
    last_[4].assign(row.nation);
    last_index_ = index;
    return std::nullopt;
}

}  // namespace pw::analytics
