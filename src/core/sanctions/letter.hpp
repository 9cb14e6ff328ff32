#pragma once
// A mandatory reconsideration request, drafted in plain English from the person's answers, as
// a document (the page's text, the text download and the PDF come from it). It names no one
// unless the person typed a name.
#include <string>

#include "core/documents/document.hpp"
#include "core/documents/letter_head.hpp"
#include "core/sanctions/case.hpp"
#include "core/sanctions/deadline.hpp"

namespace pw::sanctions {

using documents::long_date;
using documents::Sender;
using documents::sender_lines;

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

}  // namespace pw::sanctions
