#include "core/sanctions/deadline.hpp"

#include <charconv>

namespace pw::sanctions {

using namespace std::chrono;

Date reconsideration_deadline(Date decision) {
    Date next = decision + months{1};
    if (!next.ok()) next = Date{next.year() / next.month() / last};  // 31 January -> end of February
    return next;
}

long days_left(Date today, Date deadline) {
    return (sys_days{deadline} - sys_days{today}).count();
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    auto number = [&](std::size_t from, std::size_t to, auto& out) {
        auto [ptr, ec] = std::from_chars(text.data() + from, text.data() + to, out);
        return ec == std::errc{} && ptr == text.data() + to;
    };
    if (!number(0, 4, y) || !number(5, 7, m) || !number(8, 10, d)) return std::nullopt;
    Date date{year{y}, month{m}, day{d}};
    if (!date.ok() || y < 2000) return std::nullopt;
    return date;
}

std::optional<Date> parse_typed_date(std::string_view typed) {
    while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
    while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
    if (auto iso = parse_date(typed)) return iso;
    int parts[3] = {0, 0, 0};
    std::size_t digits[3] = {0, 0, 0};
    std::size_t at = 0, part = 0;
    while (part < 3) {
        const auto from = at;
        while (at < typed.size() && typed[at] >= '0' && typed[at] <= '9') ++at;
        if (at == from || at - from > 4) return std::nullopt;
        std::from_chars(typed.data() + from, typed.data() + at, parts[part]);
        digits[part++] = at - from;
        if (part == 3) break;
        if (at >= typed.size() || std::string_view("/.- ").find(typed[at]) == std::string_view::npos) return std::nullopt;
        ++at;
    }
    if (at != typed.size() || digits[0] > 2 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4)) return std::nullopt;
    const int y = digits[2] == 2 ? 2000 + parts[2] : parts[2];
    Date date{year{y}, month{static_cast<unsigned>(parts[1])}, day{static_cast<unsigned>(parts[0])}};
    if (!date.ok() || y < 2000) return std::nullopt;
    return date;
}

}  // namespace pw::sanctions
