#pragma once
// Recovery reports (migration 023, docs/standards.md) and when a provider's recovery measures
// began, from the statuses each publication kept.
#include <soci/soci.h>
#include <optional>
#include <string>
#include <vector>

#include "core/standards/recovery.hpp"

namespace pw::store {

// The month the publication that began the provider's current recovery measures was made;
// nullopt when the latest publication has it under none.
std::optional<Month> recovery_since(soci::session& s, std::int64_t provider_id);

struct RecoveryReportRow {
    std::int64_t id = 0;
    std::int64_t provider_id = 0;
    std::string provider_name;
    Month month = *Month::from(2000, 1);
    std::string body;  // redacted when it was kept
    standards::ReportState state = standards::ReportState::pending;
    std::string reason;  // a rejection's
};
// A provider's reports, newest month first.
std::vector<RecoveryReportRow> recovery_reports(soci::session& s, std::int64_t provider_id);
// Every report waiting for a moderator, oldest first.
std::vector<RecoveryReportRow> pending_recovery_reports(soci::session& s);

// Where each month of the provider's current recovery measures stands, from its reports (as
// recovery_reports gives them); empty when under none.
std::vector<standards::RecoveryMonth> recovery_months_of(soci::session& s, std::int64_t provider_id, Month now,
                                                         const std::vector<RecoveryReportRow>& reports);

class SociRecoveryRepository final : public standards::RecoveryRepository {
public:
    explicit SociRecoveryRepository(soci::session& s) : s_(s) {}
    bool under_recovery(std::int64_t provider_id) override;
    std::vector<standards::ReportState> reports_for(std::int64_t provider_id, Month month) override;
    std::int64_t insert_report(std::int64_t provider_id, Month month, const redaction::RedactedText& body) override;
    std::optional<standards::ReportState> report_state(std::int64_t report_id) override;
    bool move_report(std::int64_t report_id, standards::ReportState from, standards::ReportState to,
                     const std::optional<redaction::RedactedText>& reason, Month month) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

}  // namespace pw::store
