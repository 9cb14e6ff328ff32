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

// The sender's block: their name, address lines and reference ("National Insurance number"),
// each made printable; an empty field is printed as a label to fill in by hand. At most 12 lines.
std::vector<std::string> sender_lines(const Sender& sender, std::string_view reference_label);

// "22 November 2026"
std::string long_date(std::chrono::year_month_day date);

}  // namespace pw::documents
