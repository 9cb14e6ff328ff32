#include "core/complaints/lifecycle.hpp"

namespace pw::complaints {

std::string_view complaint_state_name(ComplaintState state) {
    switch (state) {
        case ComplaintState::drafted:
            return "drafted";
        case ComplaintState::sent:
            return "sent";
        case ComplaintState::acknowledged:
            return "acknowledged";
        case ComplaintState::final_response:
            return "final_response";
        case ComplaintState::taken_to_ice:
            return "taken_to_ice";
        case ComplaintState::withdrawn:
            return "withdrawn";
    }
    return "drafted";
}

std::string_view complaint_state_label(ComplaintState state) {
    switch (state) {
        case ComplaintState::drafted:
            return "Drafted, not sent yet";
        case ComplaintState::sent:
            return "Sent to the provider";
        case ComplaintState::acknowledged:
            return "Acknowledged by the provider";
        case ComplaintState::final_response:
            return "Final response received";
        case ComplaintState::taken_to_ice:
            return "Taken to the Independent Case Examiner";
        case ComplaintState::withdrawn:
            return "Withdrawn";
    }
    return "Drafted, not sent yet";
}

std::optional<ComplaintState> complaint_state_from(std::string_view name) {
    return state_named(kComplaintStates, complaint_state_name, name);
}

}  // namespace pw::complaints
