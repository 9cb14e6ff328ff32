#include "analytics/referrals/holidays.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace pw::analytics {

const std::map<std::string, std::string_view>& calendar_files();  // embedded at build time

namespace {

struct Holidays {
    std::array<std::vector<Day>, 3> days;  // sorted, per nation
    HolidayYears years{9999, 0};
};

std::string folded(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (c == ' ' || c == '_') c = '-';
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

// The built-in file is ours: a bad line is a build defect, so it throws.
Holidays load() {
    Holidays h;
    const auto& files = calendar_files();
    const auto found = files.find("bank_holidays.csv");
    if (found == files.end()) throw std::logic_error("bank_holidays.csv is not built in");
    std::string_view text = found->second;
    bool header = true;
    while (!text.empty()) {
        const auto end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.empty()) continue;
        if (header) {
            header = false;
            continue;
        }
        const auto comma = line.find(',');
        const auto comma2 = line.find(',', comma + 1);
        const auto day = parse_day(line.substr(0, comma));
        const auto nation = nation_from(line.substr(comma + 1, comma2 - comma - 1));
        if (comma == std::string_view::npos || comma2 == std::string_view::npos || !day || !nation)
            throw std::logic_error("bank_holidays.csv has a bad line: " + std::string(line));
        h.days[static_cast<std::size_t>(*nation)].push_back(*day);
        const int year = civil_from_day(*day).year;
        h.years.first = std::min(h.years.first, year);
        h.years.last = std::max(h.years.last, year);
    }
    for (auto& days : h.days) std::ranges::sort(days);
    return h;
}

const Holidays& holidays() {
    static const Holidays h = load();
    return h;
}

}  // namespace

std::optional<Nation> nation_from(std::string_view text) {
    const std::string name = folded(text);
    if (name == "england-and-wales" || name == "england" || name == "wales") return Nation::england_and_wales;
    if (name == "scotland") return Nation::scotland;
    if (name == "northern-ireland") return Nation::northern_ireland;
    return std::nullopt;
}

std::string_view nation_name(Nation nation) {
    switch (nation) {
        case Nation::england_and_wales:
            return "england-and-wales";
        case Nation::scotland:
            return "scotland";
        case Nation::northern_ireland:
            return "northern-ireland";
    }
    return "?";
}

bool bank_holiday(Day day, Nation nation) {
    const auto& days = holidays().days[static_cast<std::size_t>(nation)];
    return std::ranges::binary_search(days, day);
}

HolidayYears bank_holiday_years() {
    return holidays().years;
}

}  // namespace pw::analytics
