#pragma once
// The letter to the Independent Case Examiner, once a complaint may go there: after the
// provider's final response, or 8 weeks after it was sent with none. Drafted from the complaint
// the site keeps (its provider, office, subject and weeks) and what the person types for the
// letter alone (why they are not satisfied, their name and address): never kept. It names no one
// unless the person typed a name. Pure.
#include <chrono>
#include <optional>
#include <string>

#include "core/common/week.hpp"
#include "core/complaints/complaint.hpp"
#include "core/documents/document.hpp"
#include "core/documents/letter_head.hpp"

namespace pw::complaints {

struct IceFacts {
    std::string provider;  // "Seetec"
    std::string office;    // "Seetec Leeds", or empty: the whole provider
    Category category = Category::other;
    Week sent;
    std::optional<Week> final_response;  // the week it came, when it did
    std::string not_satisfied;           // in their own words; may be empty
    documents::Sender sender;
};

documents::Document ice_document(const IceFacts& facts, std::chrono::year_month_day today);
std::string ice_letter(const IceFacts& facts, std::chrono::year_month_day today);

// "the week of 23 November 2026": the week's Monday.
std::string week_of(Week week);

}  // namespace pw::complaints
