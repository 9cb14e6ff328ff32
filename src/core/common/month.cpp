#include "core/common/month.hpp"

#include <fmt/format.h>
#include <charconv>

namespace pw {

std::optional<Month> Month::from(int year, int month) {
    if (year < 1900 || year > 9999 || month < 1 || month > 12) return std::nullopt;
    return Month(year, month);
}

std::optional<Month> Month::parse(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = 0;
    int month = 0;
    auto y = std::from_chars(text.data(), text.data() + 4, year);
    auto m = std::from_chars(text.data() + 5, text.data() + 7, month);
    if (y.ec != std::errc{} || y.ptr != text.data() + 4) return std::nullopt;
    if (m.ec != std::errc{} || m.ptr != text.data() + 7) return std::nullopt;
    return from(year, month);
}

std::optional<Month> Month::plus(int n) const {
    const int i = index() + n;
    return from(i / 12, i % 12 + 1);
}

Month Month::of(std::chrono::year_month_day day) {
    return Month(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())));
}

std::string_view month_name(int month) {
    static constexpr std::string_view kNames[] = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
    return month >= 1 && month <= 12 ? kNames[month - 1] : std::string_view("?");
}

std::string Month::label() const {
    return fmt::format("{} {}", month_name(month_), year_);
}

std::string Month::to_string() const {
    // By hand: the writer formats two months for every rating it keeps.
    if (year_ < 0 || year_ > 9999) return fmt::format("{:04}-{:02}", year_, month_);
    std::string text = "0000-00";
    for (int i = 3, y = year_; i >= 0; --i, y /= 10)
        text[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    text[5] = static_cast<char>('0' + month_ / 10);
    text[6] = static_cast<char>('0' + month_ % 10);
    return text;
}

}  // namespace pw
