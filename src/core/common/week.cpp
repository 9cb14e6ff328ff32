#include "core/common/week.hpp"

#include <fmt/format.h>

#include <charconv>

namespace pw {

namespace {
using namespace std::chrono;

sys_days monday_of_week_one(int iso_year) {
    const sys_days jan4{year{iso_year} / January / 4};
    return jan4 - (weekday{jan4} - Monday);
}
}  // namespace

Week Week::of(year_month_day day) {
    const sys_days d{day};
    const sys_days thursday = d - (weekday{d} - Monday) + days{3};
    const int iso_year = static_cast<int>(year_month_day{thursday}.year());
    const auto number = (thursday - monday_of_week_one(iso_year)).count() / 7 + 1;
    return Week(iso_year, static_cast<int>(number));
}

std::optional<Week> Week::parse(std::string_view text) {
    if (text.size() != 8 || text[4] != '-' || text[5] != 'W') return std::nullopt;
    int y = 0;
    int n = 0;
    auto yr = std::from_chars(text.data(), text.data() + 4, y);
    auto nr = std::from_chars(text.data() + 6, text.data() + 8, n);
    if (yr.ec != std::errc{} || yr.ptr != text.data() + 4 || nr.ec != std::errc{} || nr.ptr != text.data() + 8) {
        return std::nullopt;
    }
    if (y < 1900 || y > 9999 || n < 1 || n > 53) return std::nullopt;
    const Week week(y, n);
    // Week 53 exists only in some years: it must come back as itself.
    if (Week::of(year_month_day{week.monday()}) != week) return std::nullopt;
    return week;
}

std::string Week::to_string() const {
    return fmt::format("{:04}-W{:02}", year_, number_);
}

sys_days Week::monday() const {
    return monday_of_week_one(year_) + days{7 * (number_ - 1)};
}

Month Week::month() const {
    return Month::of(year_month_day{monday() + days{3}});
}

Week Week::plus(int n) const {
    return Week::of(year_month_day{monday() + days{7 * n}});
}

int weeks_between(Week from, Week to) {
    return static_cast<int>((to.monday() - from.monday()).count() / 7);
}

}  // namespace pw
