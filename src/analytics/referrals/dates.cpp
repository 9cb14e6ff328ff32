#include "analytics/referrals/dates.hpp"

namespace pw::analytics {
namespace {

bool digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

int date_part(std::string_view text) {
    int n = 0;
    for (char c : text) n = n * 10 + (c - '0');
    return n;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int month_length(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

// Days from civil date: the well-known era-based algorithm (proleptic Gregorian calendar).
Day day_from_civil(int year, int month, int day) {
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yoe = year - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Civil civil_from_day(Day z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2), m, d};
}

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    const int year = date_part(y), month = date_part(m), day = date_part(d);
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > month_length(year, month))
        return std::nullopt;
    return day_from_civil(year, month, day);
}

bool date_out_of_range(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return false;
    const int year = date_part(y), month = date_part(m), day = date_part(d);
    return (year < 1900 || year > 2199) && month >= 1 && month <= 12 && day >= 1 && day <= month_length(year, month);
}

Day first_day_of_month(std::int32_t month_index) { return day_from_civil(month_index / 12, month_index % 12 + 1, 1); }

int days_in_month(std::int32_t month_index) { return month_length(month_index / 12, month_index % 12 + 1); }

int working_days_in_month(std::int32_t month_index) {
    const Day first = first_day_of_month(month_index);
    int count = 0;
    for (Day d = first; d < first + days_in_month(month_index); ++d) count += weekday(d) < 5;
    return count;
}

bool in_last_working_days_of_month(Day day, int n) {
    if (weekday(day) >= 5) return false;
    const Civil c = civil_from_day(day);
    int after = 0;  // working days after this one in the same month
    for (int d = c.day + 1; d <= month_length(c.year, c.month); ++d) after += weekday(day + (d - c.day)) < 5;
    return after < n;
}

}  // namespace pw::analytics
