#pragma once
// Runs an import: one CSV file, one transaction, all or nothing unless skip_bad; an event when
// something changed. Shared by every importer in store/.
#include <algorithm>
#include <expected>
#include <string>

#include "store/events/events.hpp"
#include "store/registry/import.hpp"

namespace pw::store {

// What one row did: created something, found it all there already, or a reason it is bad.
enum class Outcome { created, present };
using RowResult = std::expected<Outcome, std::string>;

// Runs each row in one transaction; refuses the whole file on any bad row unless skip_bad.
template <class Row, class ImportRow>
ImportResult run_import(Database& db, const csv::Checked<Row>& checked, const ImportOptions& options, const char* what,
                        ImportRow import_row) {
    const bool header_bad = checked.rows.empty();
    if (!checked.errors.empty() && (header_bad || !options.skip_bad)) return std::unexpected(checked.errors);
    ImportReport report;
    report.rows = checked.rows.size() + checked.errors.size();
    report.skipped = checked.errors;
    auto s = db.session();
    soci::transaction tx(s);
    std::vector<csv::RowError> errors;
    for (const auto& row : checked.rows) {
        auto outcome = import_row(s, row);
        if (!outcome) {
            errors.push_back({row.line, outcome.error()});
            continue;
        }
        ++(*outcome == Outcome::created ? report.created : report.already_present);
    }
    if (!errors.empty() && !options.skip_bad) {
        tx.rollback();
        return std::unexpected(errors);
    }
    report.skipped.insert(report.skipped.end(), errors.begin(), errors.end());
    std::ranges::sort(report.skipped, {}, &csv::RowError::line);
    if (report.created == 0 && report.skipped.empty()) {
        tx.rollback();  // nothing changed: no event either, so re-running is a true no-op
        return report;
    }
    append_event(s, events::Event{what, "import", std::nullopt, std::nullopt, std::nullopt, events::ActorRole::admin,
                                  options.month});
    tx.commit();
    return report;
}

}  // namespace pw::store
