#pragma once
// What the staff-report pages share: the registry choices behind the form, reading the form, and
// a report and its messages as the reporter and moderators see them.
#include <optional>
#include <string>
#include <vector>

#include "core/common/form.hpp"
#include "core/registry/registry_repository.hpp"
#include "core/staff_reports/report.hpp"
#include "crypto/staff_keys.hpp"
#include "store/staff_reports/reports.hpp"
#include "web/app.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Where moderators read staff report `id`: "/moderate/staff-reports/ID".
std::string moderated_report_path(std::int64_t id);

struct OfficeChoice {
    OfficeId id;
    std::string label;  // "Leeds Central, Leeds (Sub-contractor name)"
    std::int64_t provider_id = 0;
};

// The names a report's summary uses.
struct FactNames {
    std::string prime;
    std::string provider;
    std::string office;
};

// A prime and what a report about it may name: its sub-contractors, and the offices of both.
struct PrimeChoices {
    registry::ProviderRef prime;
    std::vector<registry::ProviderRef> subcontractors;
    std::vector<OfficeChoice> offices;
    // The names of a report's prime, sub-contractor and office among these.
    FactNames names(const staff_reports::ReportFacts& facts) const;
};

// Every prime of every programme, by name.
std::vector<registry::ProviderRef> all_primes(registry::RegistryRepository& registry);
// nullopt when id is not a prime's.
std::optional<PrimeChoices> prime_choices(registry::RegistryRepository& registry, std::int64_t id);

struct ParsedReport {
    staff_reports::ReportFacts facts;
    std::string text;  // as typed, checked
    std::vector<FieldError> errors;
};
ParsedReport parse_report(const PrimeChoices& choices, const FormFields& form, Month now);

// A change to staff reports for the writer's next batch: run(sealer, reports) with the sealer of
// the moderators' key and the repository in the batch's transaction.
template <class Run>
std::function<Result<void>(soci::session&)> sealed_change(const AppContext& app, Run run) {
    return [&app, run = std::move(run)](soci::session& s) -> Result<void> {
        store::SociStaffReportRepository reports(s);
        const crypto::StaffReportSealer sealer(app.staff.moderators->public_key);
        return without_value(run(sealer, reports));
    };
}

enum class Reader { reporter, moderators };

// A kept report's summary, its details opened with the reader's key and its names from the registry.
std::string report_summary(registry::RegistryRepository& registry, const store::StaffReportRow& report,
                           const crypto::KeyPair& keys, Reader reader);
// "Adviser at X (sub-contractor Y, office Z). A number of referrals …; league tables …. Since
// March 2026, still going on."
std::string facts_summary(const staff_reports::ReportFacts& facts, const FactNames& names);

// Each message opened with the reader's key: who wrote it, the month, and its text with what
// redaction took out marked. A message that does not open says so (a damaged row), never throws.
mustache::data messages_view(const std::vector<store::StaffMessageRow>& messages, const crypto::KeyPair& keys,
                             Reader reader);

}  // namespace pw::web
