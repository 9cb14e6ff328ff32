#pragma once
// The parts of a date the date scanners share (dates.cpp, day_dates.cpp): a month's name, a
// day's number, a year after them, the weekday before, and how a found date becomes a span.
// Internal to redaction.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

inline constexpr auto kWeekdays = std::to_array<std::string_view>(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
     "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
     // As people spell them: "Wensday 5th", "Thrusday 12th".
     "wensday", "wendsday", "wednsday", "wedensday", "wedsday", "thrusday", "thurday", "thursay", "satuday",
     "saterday", "tusday", "tuseday", "firday", "fryday", "munday", "sundy"});

// Words of time before a day that names no month: "on the 8th", "until 10.3", "since the
// twenty-third". Each rule adds its own few ("for the 10th", "come back 10.3").
inline constexpr std::array<std::string_view, 8> kTimeWords{"on",   "from",  "by",    "until",
                                                            "till", "since", "dated", "before"};
inline bool time_word(std::string_view word) {
    return std::ranges::find(kTimeWords, word) != kTimeWords.end();
}

// A month's name or its usual short form ("sep", "sept"), any case, as a whole word at i.
std::optional<std::pair<int, std::size_t>> month_at(std::string_view t, std::size_t i);
std::size_t skip_spaces(std::string_view t, std::size_t i);
// 1 to 31 with an optional "st", "nd", "rd" or "th", as a whole token at i: the day and where it ends.
std::optional<std::pair<int, std::size_t>> day_at(std::string_view t, std::size_t i);
// The word ending just before `end` (letters only), lower case, and where it starts.
std::pair<std::string, std::size_t> word_before(std::string_view t, std::size_t end);
// "Monday ", "mon ", "Tues, " before a date is part of it: where the date then begins.
std::size_t weekday_before(std::string_view t, std::size_t begin);
// Adds a date of a known month (and year, if any) as "June 2013", "in June" after "on".
void add(std::string_view t, std::size_t begin, std::size_t end, int month, std::optional<int> year,
         std::vector<Span>& out);
// The end of a date, over a year that follows it ("3 June, 2013"), and the year if there is one.
std::pair<std::optional<int>, std::size_t> with_year(std::string_view t, std::size_t end);
// Adds the date from begin to end, or to the end of a year after it; returns where it ends.
std::size_t add_with_year(std::string_view t, std::size_t begin, std::size_t end, int month, std::vector<Span>& out);
// A day without its month: the whole becomes "[date]".
void add_day(std::string_view t, std::size_t begin, std::size_t end, std::vector<Span>& out);

// "twenty-second", "fourteenth": a day in words at i, and where it ends.
std::optional<std::size_t> day_in_words_at(std::string_view t, std::size_t i);
void find_day_only(std::string_view t, std::vector<Span>& out);
void find_named_days(std::string_view t, std::vector<Span>& out);

}  // namespace pw::redaction::detail
