#include "core/staff_reports/evidence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

#include "core/text/text.hpp"

namespace pw::staff_reports {

namespace {

// "key=" at the front of text: the value up to the next ';' (or all that is left, for the last).
std::optional<std::string_view> take(std::string_view& text, std::string_view key, bool last = false) {
    if (!text.starts_with(key) || text.substr(key.size()).empty() || text[key.size()] != '=') return std::nullopt;
    text.remove_prefix(key.size() + 1);
    if (last) return std::exchange(text, {});
    const auto end = text.find(';');
    if (end == std::string_view::npos) return std::nullopt;
    const auto value = text.substr(0, end);
    text.remove_prefix(end + 1);
    return value;
}

events::Event evidence_event(std::string what, std::int64_t report_id, Month month) {
    return events::Event{
        std::move(what), "staff_report", report_id, std::nullopt, std::nullopt, events::ActorRole::moderator, month};
}

}  // namespace

std::string evidence_text(const EvidenceLink& link) {
    return fmt::format("detection={};from={};to={};label={}", link.detection_report, link.from.to_string(),
                       link.to.to_string(), link.label);
}

std::optional<EvidenceLink> evidence_from(std::string_view text) {
    const auto detection = take(text, "detection");
    const auto from = detection ? take(text, "from") : std::nullopt;
    const auto to = from ? take(text, "to") : std::nullopt;
    const auto label = to ? take(text, "label", true) : std::nullopt;
    if (!label || label->empty()) return std::nullopt;
    EvidenceLink link;
    const auto [end, ec] =
        std::from_chars(detection->data(), detection->data() + detection->size(), link.detection_report);
    const auto first = Month::parse(*from);
    const auto last = Month::parse(*to);
    if (ec != std::errc{} || end != detection->data() + detection->size() || link.detection_report <= 0 || !first ||
        !last)
        return std::nullopt;
    link.label = std::string(*label);
    link.from = *first;
    link.to = *last;
    return link;
}

std::optional<Month> month_of_date(std::string_view date) {
    if (date.size() != 7 && date.size() != 10) return std::nullopt;
    if (date.size() == 10 && (date[7] != '-' || !text::parse_positive_int(date.substr(8), 31))) return std::nullopt;
    return Month::parse(date.substr(0, 7));
}

CoveredMonths covered_months(std::string_view first_month, std::string_view last_month, std::string_view from_day,
                             std::string_view to_day) {
    CoveredMonths out{month_of_date(first_month), month_of_date(last_month)};
    if (const auto from = month_of_date(from_day)) out.first = out.first ? std::max(*out.first, *from) : *from;
    if (const auto to = month_of_date(to_day)) out.last = out.last ? std::min(*out.last, *to) : *to;
    return out;
}

ReportWindow report_window(const ReportFacts& facts, Month sent, Month now) {
    return {facts.started, facts.continuing ? std::max(sent, now) : sent};
}

std::optional<FieldError> check_link(const EvidenceLink& link, const std::optional<DetectionCoverage>& coverage,
                                     const ReportWindow& window, const std::vector<EvidenceLink>& existing) {
    if (!coverage)
        return FieldError{"address",
                          "There is no kept detection report at that address. Paste the address a "
                          "researcher shared with you, like /research/reports/123456"};
    if (link.label.empty())
        return FieldError{"label",
                          "Enter the unit or provider of the detection report that this report is about, "
                          "as the detection report names it"};
    if (link.label.size() > kMaxEvidenceLabel)
        return FieldError{"label", fmt::format("The unit or provider is too long: enter {} characters or fewer, as "
                                               "the detection report names it",
                                               kMaxEvidenceLabel)};
    if (!coverage->units.contains(link.label) && !coverage->providers.contains(link.label))
        return FieldError{"label", fmt::format("The detection report names no unit or provider \"{}\". Enter one "
                                               "as the detection report names it",
                                               text::shortened(link.label, 80))};
    if (link.from > link.to) return FieldError{"from", "The first month must not be after the last month"};
    if (link.from < window.started || link.to > window.ends)
        return FieldError{link.from < window.started ? "from" : "to",
                          fmt::format("Choose months the staff report speaks of, from {} to {}", window.started.label(),
                                      window.ends.label())};
    if ((coverage->first && link.to < *coverage->first) || (coverage->last && link.from > *coverage->last))
        return FieldError{"from", fmt::format("The detection report's data runs from {} to {}. Choose months "
                                              "that overlap it",
                                              coverage->first ? coverage->first->label() : "its start",
                                              coverage->last ? coverage->last->label() : "its end")};
    if (std::ranges::find(existing, link) != existing.end())
        return FieldError{"address", "This report is already linked to that evidence"};
    if (existing.size() >= kMaxEvidencePerReport)
        return FieldError{"address", fmt::format("A report can be linked to at most {} pieces of evidence. Remove "
                                                 "one first",
                                                 kMaxEvidencePerReport)};
    return std::nullopt;
}

Result<void> link_evidence(const LinkEvidence& command, const LinkEvidenceWith& with, StaffReportRepository& reports) {
    if (command.link_id <= 0 || command.event_id <= 0) throw std::logic_error("random ids not drawn");
    const auto state = reports.hold_report(command.report_id);
    if (!state) return fail(ErrorKind::not_found, "There is no such report");
    if (*state != ReportState::credible)
        return fail(ErrorKind::conflict, "Only a report judged credible can be linked to other evidence");
    // A link that no longer opens still counts towards the most a report may have.
    const auto sealed = reports.sealed_evidence(command.report_id);
    std::vector<EvidenceLink> existing;
    for (const auto& s : sealed) existing.push_back(with.opener.open_evidence(s).value_or(EvidenceLink{}));
    const auto coverage = with.detections.coverage(command.link.detection_report);
    if (const auto wrong = check_link(command.link, coverage, command.window, existing))
        return fail(ErrorKind::invalid_input, wrong->message, "evidence link: " + wrong->field);
    reports.insert_evidence(command.link_id, command.report_id, command.month, with.sealer.seal_evidence(command.link));
    reports.append(command.event_id, evidence_event("staff_report.evidence_linked", command.report_id, command.month));
    return {};
}

Result<void> unlink_evidence(const UnlinkEvidence& command, StaffReportRepository& reports) {
    if (command.event_id <= 0) throw std::logic_error("random ids not drawn");
    if (!reports.report_state(command.report_id)) return fail(ErrorKind::not_found, "There is no such report");
    if (!reports.remove_evidence(command.link_id, command.report_id)) {
        if (reports.evidence_report(command.link_id))
            return fail(ErrorKind::not_found, "That link belongs to another report: open that report to remove it");
        return fail(ErrorKind::not_found, "That link was already removed");
    }
    reports.append(command.event_id,
                   evidence_event("staff_report.evidence_unlinked", command.report_id, command.month));
    return {};
}

}  // namespace pw::staff_reports
