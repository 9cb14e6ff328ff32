#pragma once
// The head of a letter a person sends: who sends it (typed for the letter alone and never kept)
// and the date written long. Every letter the site drafts uses these. Pure.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace pw::documents {

struct Sender {
    std::string name;
    std::string address;  // lines as typed
    std::string ni_number;
};

// The most a letter's head holds, in bytes; a longer field is refused with kSenderTooLong.
inline constexpr std::size_t kMaxSenderName = 200, kMaxSenderAddress = 600, kMaxSenderReference = 20;
inline constexpr std::string_view kSenderTooLong =
    "Your name, address or National Insurance number is too long for the letter";
bool sender_fits(const Sender& sender);

// The sender's block: their name, address lines and reference ("National Insurance number"),
// each made printable; an empty field is printed as a label to fill in by hand. At most 12 lines
// with the name, and the reference after them.
std::vector<std::string> sender_lines(const Sender& sender, std::string_view reference_label);

// "22 November 2026"
std::string long_date(std::chrono::year_month_day date);

}  // namespace pw::documents
