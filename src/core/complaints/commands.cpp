#include "core/complaints/commands.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/complaints/clock.hpp"

namespace pw::complaints {

namespace {

constexpr const char* kNotYours = "That complaint is not one of yours.";

// "Monday 25 January 2027"
std::string monday_label(Week week) {
    const std::chrono::year_month_day day{week.monday()};
    return fmt::format("Monday {} {} {}", static_cast<unsigned>(day.day()),
                       month_name(static_cast<int>(static_cast<unsigned>(day.month()))), static_cast<int>(day.year()));
}

Result<void> move(ComplaintRepository& complaints, std::int64_t id, const ComplaintFacts& facts, ComplaintState to,
                  Actor actor, Week week, Month month, const std::optional<redaction::RedactedText>& note = {}) {
    if (auto ok = check_complaint_transition(facts.state, to, actor); !ok) return ok;
    if (!complaints.move_complaint(id, facts.state, to, week, note)) {
        return fail(ErrorKind::conflict, "This complaint was changed somewhere else a moment ago. Look at it again.",
                    "complaint moved by another writer");
    }
    complaints.append(events::Event{"complaint.state_changed", "complaint", id,
                                    std::string(complaint_state_name(facts.state)),
                                    std::string(complaint_state_name(to)),
                                    actor == Actor::provider ? events::ActorRole::provider
                                                             : events::ActorRole::participant,
                                    month});
    return {};
}

}  // namespace

Result<std::int64_t> draft_complaint(const DraftComplaint& command, ComplaintRepository& complaints) {
    const auto& c = command.complaint;
    if (c.what_happened.str().empty()) return fail(ErrorKind::invalid_input, "Enter what happened");
    if (c.wanted.str().empty()) return fail(ErrorKind::invalid_input, "Enter what you want the provider to do");
    NewComplaint kept = c;
    kept.codename_id = codenames::keep_under(c.codename_id, command.new_codename, c.month, complaints);
    if (!kept.codename_id) {
        return fail(ErrorKind::invalid_input, "A complaint is kept under a codename: give yours, or get a new one");
    }
    const auto id = complaints.insert_complaint(kept);
    complaints.append(events::Event{"complaint.drafted", "complaint", id, std::nullopt,
                                    std::string(complaint_state_name(ComplaintState::drafted)),
                                    events::ActorRole::participant, c.month});
    return id;
}

Result<void> step_complaint(const StepComplaint& command, ComplaintRepository& complaints) {
    const auto facts = complaints.complaint(command.complaint_id);
    // Another codename's complaint is answered the same way as none.
    if (!facts || facts->codename_id != command.codename_id) return fail(ErrorKind::not_found, kNotYours);
    // Never sent: no date to give. A draft is to be sent first; anything else the lifecycle refuses.
    if (command.to == ComplaintState::taken_to_ice && !facts->sent && facts->state == ComplaintState::drafted) {
        return fail(ErrorKind::invalid_input,
                    "Send your complaint to the provider first. The Independent Case Examiner takes it after the "
                    "provider's final response, or once 8 weeks have passed since you sent it.");
    }
    if (command.to == ComplaintState::taken_to_ice && facts->sent && facts->state != ComplaintState::final_response &&
        !may_go_to_ice(facts->state, facts->sent, command.week)) {
        const auto from = ice_without_response_from(*facts->sent);
        return fail(ErrorKind::invalid_input,
                    fmt::format("The Independent Case Examiner takes a complaint after the provider's final "
                                "response, or once 8 weeks have passed since you sent it: from {}.",
                                monday_label(from)));
    }
    return move(complaints, command.complaint_id, *facts, command.to, Actor::participant, command.week, command.month);
}

Result<void> answer_complaint(const AnswerComplaint& command, ComplaintRepository& complaints) {
    const auto facts = complaints.complaint(command.complaint_id);
    // A draft has not reached the provider, nor has one withdrawn before it was sent: for them it
    // does not exist.
    if (!facts || !facts->sent) return fail(ErrorKind::not_found, "There is no such complaint.");
    if (std::ranges::find(command.acting_for, facts->provider_id) == command.acting_for.end()) {
        return fail(ErrorKind::forbidden, "You can only answer complaints made to the organisation you represent.",
                    "representative acting for another provider");
    }
    if (command.to == ComplaintState::final_response && (!command.note || command.note->str().empty())) {
        return fail(ErrorKind::invalid_input, "Enter your final response: the person who complained reads it.");
    }
    return move(complaints, command.complaint_id, *facts, command.to, Actor::provider, command.week, command.month,
                command.to == ComplaintState::final_response ? command.note : std::nullopt);
}

}  // namespace pw::complaints
