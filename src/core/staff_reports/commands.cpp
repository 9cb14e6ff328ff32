#include "core/staff_reports/commands.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace pw::staff_reports {

namespace {

events::Event event_of(std::string what, std::int64_t report_id, std::optional<ReportState> from,
                       std::optional<ReportState> to, events::ActorRole actor, Month month) {
    const auto name = [](std::optional<ReportState> state) {
        return state ? std::optional<std::string>(report_state_name(*state)) : std::nullopt;
    };
    return events::Event{std::move(what), "staff_report", report_id, name(from), name(to), actor, month};
}

bool ids_given(std::int64_t message, std::int64_t event) {
    return message > 0 && event > 0;
}

}  // namespace

std::string_view author_name(Author author) {
    return author == Author::staff ? "staff" : "moderator";
}

Result<std::int64_t> submit_staff_report(const SubmitStaffReport& command, const Sealer& sealer,
                                         StaffReportRepository& reports) {
    if (command.ids.report <= 0 || !ids_given(command.ids.message, command.ids.event))
        throw std::logic_error("a staff report needs random ids drawn by the caller");
    if (auto facts = check_facts(command.facts, command.month); !facts) return std::unexpected(facts.error());
    if (command.keys.codename_hash.empty() || command.keys.public_key.empty())
        throw std::logic_error("a staff report needs its reporter's keys");
    reports.insert_report(command.ids.report, command.facts,
                          sealer.seal_details(command.facts, command.keys.public_key), command.keys, command.month);
    reports.insert_message(command.ids.message, command.ids.report, Author::staff, command.month,
                           sealer.seal(command.text, command.keys.public_key));
    reports.append(command.ids.event, event_of("staff_report.received", command.ids.report, std::nullopt,
                                               ReportState::received, events::ActorRole::staff, command.month));
    return command.ids.report;
}

Result<void> add_to_staff_report(const AddToStaffReport& command, const Sealer& sealer,
                                 StaffReportRepository& reports) {
    if (!ids_given(command.ids.message, command.ids.event)) throw std::logic_error("random ids not drawn");
    const auto state = reports.report_state(command.report_id);
    const auto key = reports.reporter_public_key(command.report_id);
    if (!state || !key) return fail(ErrorKind::not_found, "We cannot find that report");
    reports.insert_message(command.ids.message, command.report_id, Author::staff, command.month,
                           sealer.seal(command.text, *key));
    // What was asked for has come: moderators read it again.
    std::optional<ReportState> to;
    if (*state == ReportState::needs_more) {
        if (!reports.move_report(command.report_id, *state, ReportState::received))
            return fail(ErrorKind::conflict,
                        "Your report changed while you were writing. Nothing was added; try again");
        to = ReportState::received;
    }
    reports.append(command.ids.event, event_of("staff_report.added_to", command.report_id, to ? state : std::nullopt,
                                               to, events::ActorRole::staff, command.month));
    return {};
}

Result<void> reply_to_staff_report(const ReplyToStaffReport& command, const Sealer& sealer,
                                   StaffReportRepository& reports) {
    if (!ids_given(command.ids.message, command.ids.event)) throw std::logic_error("random ids not drawn");
    const auto key = reports.reporter_public_key(command.report_id);
    if (!key) return fail(ErrorKind::not_found, "There is no such report");
    reports.insert_message(command.ids.message, command.report_id, Author::moderator, command.month,
                           sealer.seal(command.text, *key));
    reports.append(command.ids.event, event_of("staff_report.replied", command.report_id, std::nullopt, std::nullopt,
                                               events::ActorRole::moderator, command.month));
    return {};
}

Result<void> judge_staff_report(const JudgeStaffReport& command, StaffReportRepository& reports) {
    if (command.event_id <= 0) throw std::logic_error("random ids not drawn");
    const auto state = reports.report_state(command.report_id);
    if (!state) return fail(ErrorKind::not_found, "There is no such report");
    if (*state != command.from)
        return fail(ErrorKind::conflict, "Someone else judged this report while you were reading it. Read it again");
    if (auto allowed = check_report_transition(command.from, command.to, Actor::moderator); !allowed) return allowed;
    if (!reports.move_report(command.report_id, command.from, command.to))
        return fail(ErrorKind::conflict, "Someone else judged this report while you were reading it. Read it again");
    reports.append(command.event_id, event_of("staff_report.judged", command.report_id, command.from, command.to,
                                              events::ActorRole::moderator, command.month));
    return {};
}

}  // namespace pw::staff_reports
