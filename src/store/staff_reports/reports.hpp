#pragma once
// Staff reports (core/staff_reports/commands.hpp) inside the writer's transaction, and the rows
// the reporter's and the moderators' pages read. Every text here is ciphertext: the pages open it
// with the codename or the moderators' key (crypto/staff_keys.hpp).
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/staff_reports/commands.hpp"
#include "crypto/codenames.hpp"
#include "store/database.hpp"

namespace pw::store {

class SociStaffReportRepository final : public staff_reports::StaffReportRepository {
public:
    explicit SociStaffReportRepository(soci::session& s) : s_(s) {}
    void insert_report(std::int64_t id, const staff_reports::ReportFacts& facts, const staff_reports::Sealed& details,
                       const staff_reports::ReporterKeys& keys, Month month) override;
    void insert_message(std::int64_t id, std::int64_t report_id, staff_reports::Author author, Month month,
                        const staff_reports::Sealed& text) override;
    std::optional<staff_reports::ReportState> report_state(std::int64_t id) override;
    std::optional<std::string> reporter_public_key(std::int64_t id) override;
    bool move_report(std::int64_t id, staff_reports::ReportState from, staff_reports::ReportState to) override;
    void insert_evidence(std::int64_t id, std::int64_t report_id, Month month,
                         const std::string& for_moderators) override;
    bool remove_evidence(std::int64_t id, std::int64_t report_id) override;
    std::optional<staff_reports::ReportState> hold_report(std::int64_t id) override;
    std::vector<std::string> sealed_evidence(std::int64_t report_id) override;
    std::optional<std::int64_t> evidence_report(std::int64_t link_id) override;
    void append(std::int64_t event_id, const events::Event& event) override;

private:
    soci::session& s_;
};

struct StaffReportRow {
    std::int64_t id = 0;
    std::string prime_name;
    staff_reports::ReportFacts facts;  // the prime and the kinds of pressure; the rest is in details
    staff_reports::Sealed details;
    std::string month;
    staff_reports::ReportState state = staff_reports::ReportState::received;
    staff_reports::ReporterKeys keys;  // what unlocks its messages for the reporter
};

struct StaffMessageRow {
    staff_reports::Author author = staff_reports::Author::staff;
    std::string month;
    std::string for_moderators;
    std::string for_reporter;
};

// The report a codename opens, checking every candidate under its look-up key (as many argon2id
// checks whether or not one matches; docs/threat-model.md).
std::optional<StaffReportRow> find_staff_report(Database& db, const crypto::LookupKeys& lookup,
                                                std::string_view normalised_codename);
std::optional<StaffReportRow> staff_report(Database& db, std::int64_t id);
std::vector<StaffMessageRow> staff_report_messages(Database& db, std::int64_t report_id);
// A link to other evidence, still sealed (core/staff_reports/evidence.hpp).
struct StaffEvidenceRow {
    std::int64_t id = 0;
    std::int64_t report_id = 0;
    std::string month;
    std::string for_moderators;
};
std::vector<StaffEvidenceRow> staff_report_evidence(Database& db, std::int64_t report_id);
// Every link of every report judged credible now, for a detection report's page.
std::vector<StaffEvidenceRow> credible_staff_report_evidence(Database& db);

// The moderators' list: waiting ones first, then by month, newest first.
std::vector<StaffReportRow> staff_reports_for_moderators(Database& db);

}  // namespace pw::store
