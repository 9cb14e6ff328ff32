#pragma once
// The commands about staff reports, one per user action: a staff member reports, and adds to it
// under their codename; a moderator replies, and judges it. Text is redacted, then kept only
// sealed: to the moderators' key and to the report's own key, which only the codename opens
// (crypto/staff_keys.hpp). Ids are random, never in the order things were made (docs/threat-model.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/staff_reports/lifecycle.hpp"
#include "core/staff_reports/report.hpp"

namespace pw::staff_reports {

// One text as it is kept: sealed to the moderators' public key, and to the report's public key.
struct Sealed {
    std::string for_moderators;
    std::string for_reporter;
};

struct EvidenceLink;  // evidence.hpp

// Seals what a report keeps out of the clear; the crypto layer implements it, core never holds a key.
class Sealer {
public:
    virtual ~Sealer() = default;
    // Free text, only once redacted.
    virtual Sealed seal(const redaction::RedactedText& text, std::string_view reporter_public) const = 0;
    // A report's details (report.hpp: details_text).
    virtual Sealed seal_details(const ReportFacts& facts, std::string_view reporter_public) const = 0;
    // A link to other evidence (evidence.hpp), sealed to the moderators' key alone.
    virtual std::string seal_evidence(const EvidenceLink& link) const = 0;
};

// What is kept of the reporter's codename, made on the slow-work pool before the write: the
// look-up key and argon2id hash that recognise it, and the report's key pair, its secret half
// locked with a key derived from the codename.
struct ReporterKeys {
    std::int64_t lookup_key = 0;
    std::string codename_hash;
    std::string key_salt;
    std::string public_key;
    std::string locked_secret_key;
};

enum class Author { staff, moderator };
std::string_view author_name(Author author);

class StaffReportRepository {
public:
    virtual ~StaffReportRepository() = default;
    // The prime and the kinds of pressure in the clear; the rest only as `details`, sealed.
    virtual void insert_report(std::int64_t id, const ReportFacts& facts, const Sealed& details,
                               const ReporterKeys& keys, Month month) = 0;
    virtual void insert_message(std::int64_t id, std::int64_t report_id, Author author, Month month,
                                const Sealed& text) = 0;
    virtual std::optional<ReportState> report_state(std::int64_t id) = 0;
    virtual std::optional<std::string> reporter_public_key(std::int64_t id) = 0;
    virtual bool move_report(std::int64_t id, ReportState from, ReportState to) = 0;
    // The report's state, its row held against other writers until the transaction ends, so what
    // is read of it next cannot change before this transaction writes (evidence.hpp).
    virtual std::optional<ReportState> hold_report(std::int64_t id) = 0;
    // A link to other evidence (evidence.hpp), sealed for moderators; removing one of another
    // report's links changes nothing and answers false.
    virtual void insert_evidence(std::int64_t id, std::int64_t report_id, Month month,
                                 const std::string& for_moderators) = 0;
    virtual bool remove_evidence(std::int64_t id, std::int64_t report_id) = 0;
    // The report's links, still sealed; and which report a link belongs to, if any does.
    virtual std::vector<std::string> sealed_evidence(std::int64_t report_id) = 0;
    virtual std::optional<std::int64_t> evidence_report(std::int64_t link_id) = 0;
    // Kept in the reports' own audit trail under the given random id, apart from the events table
    // (docs/threat-model.md).
    virtual void append(std::int64_t event_id, const events::Event& event) = 0;
};

// Random ids for what a command makes: the caller draws them (core has no randomness).
struct NewIds {
    std::int64_t report = 0;
    std::int64_t message = 0;
    std::int64_t event = 0;
};

struct SubmitStaffReport {
    ReportFacts facts;
    redaction::RedactedText text;
    ReporterKeys keys;
    NewIds ids;
    Month month = *Month::from(2000, 1);
};
Result<std::int64_t> submit_staff_report(const SubmitStaffReport& command, const Sealer& sealer,
                                         StaffReportRepository& reports);

// More from the staff member (recognised by their codename): a report waiting for more is read again.
struct AddToStaffReport {
    std::int64_t report_id = 0;
    redaction::RedactedText text;
    NewIds ids;  // message and event
    Month month = *Month::from(2000, 1);
};
Result<void> add_to_staff_report(const AddToStaffReport& command, const Sealer& sealer, StaffReportRepository& reports);

struct ReplyToStaffReport {
    std::int64_t report_id = 0;
    redaction::RedactedText text;
    NewIds ids;  // message and event
    Month month = *Month::from(2000, 1);
};
Result<void> reply_to_staff_report(const ReplyToStaffReport& command, const Sealer& sealer,
                                   StaffReportRepository& reports);

struct JudgeStaffReport {
    std::int64_t report_id = 0;
    ReportState from = ReportState::received;  // as the moderator saw it
    ReportState to = ReportState::credible;
    std::int64_t event_id = 0;
    Month month = *Month::from(2000, 1);
};
Result<void> judge_staff_report(const JudgeStaffReport& command, StaffReportRepository& reports);

}  // namespace pw::staff_reports
