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

}  // namespace pw::sanctions
