#include "core/standards/recovery.hpp"

#include <algorithm>

#include "core/stories/story.hpp"

namespace pw::standards {

std::string_view report_state_name(ReportState state) {
    switch (state) {
        case ReportState::pending:
            return "pending";
        case ReportState::published:
            return "published";
        case ReportState::rejected:
            return "rejected";
    }
    return "pending";
}

std::optional<ReportState> report_state_from(std::string_view name) {
    return state_named(kReportStates, report_state_name, name);
}

Result<std::int64_t> send_recovery_report(const SendRecoveryReport& command, RecoveryRepository& reports) {
    if (std::ranges::find(command.acting_for, command.provider_id) == command.acting_for.end())
        return fail(ErrorKind::forbidden, "You can send a recovery report only for your own organisation.");
    if (command.body.str().empty()) return fail(ErrorKind::invalid_input, "Enter what you are changing");
    // The typed text was held to 5,000 characters before redaction (stories::check_text); its
    // placeholders may lengthen it, so only a body far past that is refused here.
    if (stories::character_count(command.body.str()) > 2 * kReportMaxChars)
        return fail(ErrorKind::invalid_input, "The report must be 5,000 characters or fewer");
    if (!reports.under_recovery(command.provider_id))
        return fail(ErrorKind::invalid_input, "It is not under recovery measures: no report is due.");
    for (const auto state : reports.reports_for(command.provider_id, command.month)) {
        if (state != ReportState::rejected)
            return fail(ErrorKind::conflict, "This month's report has been sent already.");
    }
    const auto id = reports.insert_report(command.provider_id, command.month, command.body);
    reports.append(events::Event{"recovery_report.sent", "recovery_report", id, std::nullopt, "pending",
                                 events::ActorRole::provider, command.month});
    return id;
}

Result<void> decide_recovery_report(const DecideRecoveryReport& command, RecoveryRepository& reports) {
    const auto to = command.publish ? ReportState::published : ReportState::rejected;
    if (!command.publish && (!command.reason || command.reason->str().empty()))
        return fail(ErrorKind::invalid_input, "Enter why it is rejected: the provider reads it");
    const auto from = reports.report_state(command.report_id);
    if (!from) return fail(ErrorKind::not_found, "There is no such report.");
    if (auto allowed =
            check_transition<ReportState>(kReportTransitions, *from, to, Actor::moderator, report_state_name);
        !allowed)
        return allowed;
    if (!reports.move_report(command.report_id, *from, to, command.publish ? std::nullopt : command.reason,
                             command.month))
        return fail(ErrorKind::conflict, "Someone else decided it first.");
    reports.append(events::Event{command.publish ? "recovery_report.published" : "recovery_report.rejected",
                                 "recovery_report", command.report_id, std::string(report_state_name(*from)),
                                 std::string(report_state_name(to)), events::ActorRole::moderator, command.month});
    return {};
}

std::vector<RecoveryMonth> recovery_months(Month since, Month now, const std::map<Month, ReportState>& sent) {
    std::vector<RecoveryMonth> out;
    for (auto m = since; m <= now; m = *m.plus(1)) {
        const auto found = sent.find(m);
        MonthReport report = m == now ? MonthReport::due : MonthReport::overdue;
        if (found != sent.end() && found->second == ReportState::published) report = MonthReport::published;
        if (found != sent.end() && found->second == ReportState::pending) report = MonthReport::waiting;
        out.push_back({m, report});
    }
    return out;
}

}  // namespace pw::standards
