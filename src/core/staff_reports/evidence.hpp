#pragma once
// Two kinds of evidence read together: a moderator links a credible staff report's provider and
// period to a kept target-detection report on referral data for the same provider, naming the
// unit or provider of that report it is about. A link is kept sealed to the moderators' key alone
// (commands.hpp: Sealer): which detection report and which of its units would point to the
// sub-contractor or office that the report keeps sealed.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/common/form.hpp"
#include "core/common/month.hpp"
#include "core/staff_reports/commands.hpp"

namespace pw::staff_reports {

struct EvidenceLink {
    std::int64_t detection_report = 0;  // a kept detection report's id (core/research/kept_report.hpp)
    std::string label;                  // a unit, or a provider (its "parent"), that report names
    Month from = *Month::from(2000, 1);
    Month to = *Month::from(2000, 1);
    bool operator==(const EvidenceLink&) const = default;
};

inline constexpr std::size_t kMaxEvidenceLabel = 200;
inline constexpr std::size_t kMaxEvidencePerReport = 20;

// "detection=123;from=2026-01;to=2026-06;label=office 7; Leeds" (the label last, as written)
std::string evidence_text(const EvidenceLink& link);
// nullopt if the text is not one evidence_text makes.
std::optional<EvidenceLink> evidence_from(std::string_view text);

// What a detection report covers, read from its JSON by the caller: the units and providers it
// names, and the months of its data when it says them.
struct DetectionCoverage {
    std::set<std::string, std::less<>> units;
    std::set<std::string, std::less<>> providers;
    std::optional<Month> first;
    std::optional<Month> last;
};

// The months a staff report speaks of: from when the pressure started to the month it was sent
// (read from its sealed details by the caller, which holds the moderators' key).
struct ReportWindow {
    Month started = *Month::from(2000, 1);
    Month sent = *Month::from(2000, 1);
};

// What is wrong with a link, against the detection report it names (nullopt: no such report),
// the staff report's months and its links so far; for the form field it concerns ("address",
// "label", "from", "to"). nullopt when nothing is.
std::optional<FieldError> check_link(const EvidenceLink& link, const std::optional<DetectionCoverage>& coverage,
                                     const ReportWindow& window, const std::vector<EvidenceLink>& existing);

struct LinkEvidence {
    std::int64_t report_id = 0;
    EvidenceLink link;
    ReportWindow window;
    std::vector<EvidenceLink> existing;  // the report's links, opened by the caller
    std::int64_t link_id = 0;            // random ids drawn by the caller
    std::int64_t event_id = 0;
    Month month = *Month::from(2000, 1);
};
// Only for a report judged credible, and only a link check_link passes. `coverage` is nullopt
// when no kept detection report has that id.
Result<void> link_evidence(const LinkEvidence& command, const std::optional<DetectionCoverage>& coverage,
                           const Sealer& sealer, StaffReportRepository& reports);

struct UnlinkEvidence {
    std::int64_t report_id = 0;
    std::int64_t link_id = 0;
    std::int64_t event_id = 0;
    Month month = *Month::from(2000, 1);
};
Result<void> unlink_evidence(const UnlinkEvidence& command, StaffReportRepository& reports);

}  // namespace pw::staff_reports
