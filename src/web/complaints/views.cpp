#include "web/complaints/views.hpp"

#include <fmt/format.h>

#include "core/complaints/clock.hpp"
#include "web/pages/page.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace complaints;

namespace {
// "23 November 2026": the Monday of the week.
std::string week_label(Week week) {
    const std::chrono::year_month_day day{week.monday()};
    return fmt::format("{} {} {}", static_cast<unsigned>(day.day()),
                       month_name(static_cast<int>(static_cast<unsigned>(day.month()))), static_cast<int>(day.year()));
}

mustache::data text_object(const std::string& text) {
    mustache::data d;
    put(d, "segments", text_view(text));
    return d;
}
}  // namespace

mustache::data complaint_view(const store::ComplaintRow& row, Week now, const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "id", ids.show(crypto::IdKind::complaint, row.id));
    put(d, "provider_name", row.provider_name);
    if (!row.office_name.empty()) put(d, "office_name", row.office_name);
    put(d, "category", std::string(category_label(row.category)));
    put(d, "month", month_label(row.month));
    put(d, "state_label", std::string(complaint_state_label(row.state)));
    put(d, "what", text_object(row.what_happened));
    put(d, "wanted", text_object(row.wanted));
    if (row.sent) {
        put(d, "sent_label", week_label(*row.sent));
        if (row.state == ComplaintState::sent || row.state == ComplaintState::acknowledged) {
            put(d, "due_label", week_label(ice_without_response_from(*row.sent).plus(-1)));
        }
    }
    const bool is_overdue = row.sent && overdue(row.state, *row.sent, now);
    put(d, "overdue", flag(is_overdue));
    put(d, "may_go_to_ice", flag(may_go_to_ice(row.state, row.sent, now)));
    put(d, "ice_letter", flag(ice_letter_offered(row.state, row.sent, now)));
    put(d, "final_response_came", flag(row.final_response.has_value()));
    if (!row.final_note.empty()) put(d, "final_note", text_object(row.final_note));
    // The participant's next moves: the table's, with the ICE only when the clock allows it.
    mustache::data next{mustache::data::type::list};
    for (const auto& t : kComplaintTransitions) {
        if (t.from != row.state || t.actor != Actor::participant) continue;
        if (t.to == ComplaintState::taken_to_ice && !may_go_to_ice(row.state, row.sent, now)) continue;
        mustache::data option;
        put(option, "value", std::string(complaint_state_name(t.to)));
        put(option, "label",
            t.to == ComplaintState::sent             ? "I have sent it to the provider"
            : t.to == ComplaintState::acknowledged   ? "The provider acknowledged it"
            : t.to == ComplaintState::final_response ? "The provider sent its final response"
            : t.to == ComplaintState::taken_to_ice   ? "I have taken it to the Independent Case Examiner"
                                                     : "I want to withdraw it");
        next.push_back(option);
    }
    put(d, "has_next", flag(!next.is_empty_list()));
    put(d, "next", next);
    put(d, "answerable", flag(row.state == ComplaintState::sent || row.state == ComplaintState::acknowledged));
    put(d, "can_acknowledge", flag(row.state == ComplaintState::sent));
    return d;
}

}  // namespace pw::web
