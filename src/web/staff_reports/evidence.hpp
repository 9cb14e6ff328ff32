#pragma once
// Evidence read together (core/staff_reports/evidence.hpp), on moderators' pages: a staff
// report's links, each with what its detection report found for the unit or provider named, and
// on a detection report's page the credible staff reports linked to it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/form.hpp"
#include "core/staff_reports/evidence.hpp"
#include "crypto/staff_keys.hpp"
#include "store/staff_reports/reports.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// The months a staff report speaks of, from its sealed details and the month it is now; nullopt
// if they do not open.
std::optional<staff_reports::ReportWindow> report_window(const store::StaffReportRow& report,
                                                         const crypto::KeyPair& moderators, Month now);

// Kept detection reports read through one session (the writer's transaction, or a page's), each
// one's JSON parsed once (app.readings).
class KeptDetections final : public staff_reports::DetectionReports {
public:
    KeptDetections(const AppContext& app, soci::session& s) : app_(app), s_(s) {}
    // What a link is checked against; nullopt when there is no such report.
    std::optional<staff_reports::DetectionCoverage> coverage(std::int64_t id) override;
    // What it found; nullptr when there is no such report.
    KeptReadings::Reading reading(std::int64_t id);

private:
    const AppContext& app_;
    soci::session& s_;
};

struct OpenedLink {
    std::int64_t id = 0;
    std::int64_t report_id = 0;
    std::optional<staff_reports::EvidenceLink> link;  // nullopt: it did not open (a damaged row)
};
std::vector<OpenedLink> opened_links(const std::vector<store::StaffEvidenceRow>& rows,
                                     const crypto::KeyPair& moderators);
std::vector<staff_reports::EvidenceLink> links_of(const std::vector<OpenedLink>& opened);

// The link form as typed: the detection report's address, the unit or provider, and two months.
struct EvidenceTyped {
    std::string address, label, from_month, from_year, to_month, to_year;
};
EvidenceTyped evidence_typed(const FormFields& form);
// The typed form as a link; errors for fields that cannot be read at all.
std::optional<staff_reports::EvidenceLink> evidence_link(const EvidenceTyped& typed, std::vector<FieldError>& errors);

// "/moderate/staff-reports/123/evidence/456/remove"
std::string evidence_remove_path(std::int64_t report_id, std::int64_t link_id);

// The staff report page's section: its links with their findings, each with a remove button, and
// the link form (for a credible report) with what was typed, or the report's own months.
void put_evidence(mustache::data& page, const AppContext& app, const SignedIn& who, const store::StaffReportRow& report,
                  const std::optional<EvidenceTyped>& typed);

// For a detection report's page, read by a moderator: the credible staff reports linked to it.
mustache::data linked_staff_reports(const AppContext& app, std::int64_t detection_id);

}  // namespace pw::web
