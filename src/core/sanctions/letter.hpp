#pragma once
// A mandatory reconsideration request, drafted in plain English from the person's answers.
// It names no one unless the person typed a name.
#include <string>

#include "core/sanctions/case.hpp"
#include "core/sanctions/deadline.hpp"

namespace pw::sanctions {

struct LetterAnswers {
    Benefit benefit = Benefit::jsa;
    Reason reason = Reason::other;
    GoodReason good_reason = GoodReason::none;
    Date decision;
    std::string explanation;  // in their own words; may be empty
    std::string referrer;     // "Seetec" or "Jobcentre Plus"
};

std::string reconsideration_letter(const LetterAnswers& answers);

// "22 November 2026"
std::string long_date(Date date);

}  // namespace pw::sanctions
