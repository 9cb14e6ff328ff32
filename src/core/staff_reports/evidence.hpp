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
#include "core/staff_reports/report.hpp"

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
// The longest text evidence_text makes for a link check_link passes: an id up to 2^59 (18
// digits) and a label of kMaxEvidenceLabel bytes. The sealer pads every text to one length above
// it, so a kept link's size says nothing of its label (crypto/staff_keys.hpp).
inline constexpr std::size_t kMaxEvidenceText =
    std::string_view("detection=;from=2026-01;to=2026-06;label=").size() + 18 + kMaxEvidenceLabel;

// Opens a link kept sealed to the moderators' key; the crypto layer implements it with that key.
class EvidenceOpener {
public:
    virtual ~EvidenceOpener() = default;
    // nullopt for a link that does not open (a damaged row).
    virtual std::optional<EvidenceLink> open_evidence(std::string_view sealed) const = 0;
};

// What a detection report covers, read from its JSON by the caller: the units and providers it
// names, and the months of its data when it says them.
struct DetectionCoverage {
    std::set<std::string, std::less<>> units;
    std::set<std::string, std::less<>> providers;
    std::optional<Month> first;
    std::optional<Month> last;
};

// The month of a date as a detection report writes it, "2012-03" or "2012-03-14"; nullopt for
// anything else.
std::optional<Month> month_of_date(std::string_view date);

// The months a detection report's data covers: from its JSON, the months its data starts and ends
// in ("2012-03"), narrowed to the window it was asked for, if any (days, "2012-03-14"). An edge
// none of them says (a report made before its JSON said its months) is nullopt: not checked.
struct CoveredMonths {
    std::optional<Month> first;
    std::optional<Month> last;
};
CoveredMonths covered_months(std::string_view first_month, std::string_view last_month, std::string_view from_day,
                             std::string_view to_day);

// Where a detection report is read, for the write's transaction: what it covers now (nullopt once
// deleted). The caller implements it over the kept reports.
class DetectionReports {
public:
    virtual ~DetectionReports() = default;
    virtual std::optional<DetectionCoverage> coverage(std::int64_t id) = 0;
};

// The months a staff report speaks of: from when the pressure started to the month it was sent,
// or, when it said the pressure was still going on, to the month it is now (read from its sealed
// details by the caller, which holds the moderators' key).
struct ReportWindow {
    Month started = *Month::from(2000, 1);
    Month ends = *Month::from(2000, 1);
};
ReportWindow report_window(const ReportFacts& facts, Month sent, Month now);

// What is wrong with a link, against the detection report it names (nullopt: no such report),
// the staff report's months and its links so far; for the form field it concerns ("address",
// "label", "from", "to"). nullopt when nothing is.
std::optional<FieldError> check_link(const EvidenceLink& link, const std::optional<DetectionCoverage>& coverage,
                                     const ReportWindow& window, const std::vector<EvidenceLink>& existing);

struct LinkEvidence {
    std::int64_t report_id = 0;
    EvidenceLink link;
    ReportWindow window;
    std::int64_t link_id = 0;  // random ids drawn by the caller
    std::int64_t event_id = 0;
    Month month = *Month::from(2000, 1);
};
// Only for a report judged credible, and only a link check_link passes. Everything is read in the
// write's transaction, the report's row held first (StaffReportRepository::hold_report): its
// state, its links so far (opened with `opener`) and the detection report, so two links posted at
// once cannot both pass the checks for duplicates and for the most links a report may have.
struct LinkEvidenceWith {
    const Sealer& sealer;
    const EvidenceOpener& opener;
    DetectionReports& detections;
};
Result<void> link_evidence(const LinkEvidence& command, const LinkEvidenceWith& with, StaffReportRepository& reports);

struct UnlinkEvidence {
    std::int64_t report_id = 0;
    std::int64_t link_id = 0;
    std::int64_t event_id = 0;
    Month month = *Month::from(2000, 1);
};
Result<void> unlink_evidence(const UnlinkEvidence& command, StaffReportRepository& reports);

}  // namespace pw::staff_reports
