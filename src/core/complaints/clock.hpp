#pragma once
// The complaint clock. The Independent Case Examiner takes a case after the provider's final
// response, or when there has been none 8 weeks after the official complaint. Overdue is read
// from the weeks, never set by hand.
#include <optional>

#include "core/common/week.hpp"
#include "core/complaints/lifecycle.hpp"

namespace pw::complaints {

inline constexpr int kFinalResponseWeeks = 8;

// The first week the ICE can take a complaint sent in `sent` that has had no final response.
inline Week ice_without_response_from(Week sent) {
    return sent.plus(kFinalResponseWeeks);
}

// Sent (acknowledged or not), no final response, and 8 weeks have passed.
inline bool overdue(ComplaintState state, Week sent, Week now) {
    return (state == ComplaintState::sent || state == ComplaintState::acknowledged) &&
           now >= ice_without_response_from(sent);
}

// Whether the participant may take it to the ICE now.
inline bool may_go_to_ice(ComplaintState state, std::optional<Week> sent, Week now) {
    if (state == ComplaintState::final_response) return true;
    return sent && overdue(state, *sent, now);
}

// Whether the site offers the letter to the ICE: while the ICE may take it, and after.
inline bool ice_letter_offered(ComplaintState state, std::optional<Week> sent, Week now) {
    return sent && (state == ComplaintState::taken_to_ice || may_go_to_ice(state, sent, now));
}

// Whether a final response came within the 8 weeks: before the week the ICE could take it
// (published: the share answered in time).
inline bool answered_in_time(Week sent, Week final_response) {
    return final_response < ice_without_response_from(sent);
}

}  // namespace pw::complaints
