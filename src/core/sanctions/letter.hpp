#pragma once
// A mandatory reconsideration request, drafted in plain English from the person's answers, as
// a document (the page's text, the text download and the PDF come from it). It names no one
// unless the person typed a name.
#include <string>

#include "core/documents/document.hpp"
#include "core/sanctions/case.hpp"
#include "core/sanctions/deadline.hpp"

namespace pw::sanctions {

// Who sends it: typed for the letter alone and never kept. Empty fields are printed as labels to
// fill in by hand.
struct Sender {
    std::string name;
    std::string address;  // lines as typed
    std::string ni_number;
};

struct LetterAnswers {
    Benefit benefit = Benefit::jsa;
    Reason reason = Reason::other;
    GoodReason good_reason = GoodReason::none;
    Date decision;
    std::string explanation;  // in their own words; may be empty
    std::string referrer;     // "Seetec" or "Jobcentre Plus"
    Sender sender;
};

// Dated `today`, the day it is drafted.
documents::Document reconsideration_document(const LetterAnswers& answers, Date today);
std::string reconsideration_letter(const LetterAnswers& answers, Date today);

// The sender's block: their name, address lines and reference, or labels to fill in.
std::vector<std::string> sender_lines(const Sender& sender, std::string_view reference_label);

// "22 November 2026"
std::string long_date(Date date);

}  // namespace pw::sanctions
