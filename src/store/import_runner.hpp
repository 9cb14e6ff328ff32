#pragma once
// Runs an import: one CSV file, all or nothing unless skip_bad; an event when something changed.
// Shared by every importer in store/, on the command line and in the admin's import page.
#include <algorithm>
#include <expected>
#include <string>

#include "store/events/events.hpp"
#include "store/registry/import.hpp"

namespace pw::store {

// What one row did: created something, found it all there already, or a reason it is bad.
enum class Outcome { created, present };
using RowResult = std::expected<Outcome, std::string>;

// Runs each row on `s`, in the caller's transaction: on failure the caller rolls back what the
// good rows wrote. Refuses the whole file on any bad row unless skip_bad; an event when
// something changed. State an importer keeps across rows belongs inside `import_row`'s maker,
// so running the import again (the writer may) starts afresh.
template <class Row, class ImportRow>
ImportResult run_import_in(soci::session& s, const csv::Checked<Row>& checked, const ImportOptions& options,
                           const char* what, ImportRow import_row) {
    const bool header_bad = checked.rows.empty();
    if (!checked.errors.empty() && (header_bad || !options.skip_bad)) return std::unexpected(checked.errors);
    ImportReport report;
    report.rows = checked.rows.size() + checked.errors.size();
    report.skipped = checked.errors;
    std::vector<csv::RowError> errors;
    for (const auto& row : checked.rows) {
        auto outcome = import_row(s, row);
        if (!outcome) {
            errors.push_back({row.line, outcome.error()});
            continue;
        }
        ++(*outcome == Outcome::created ? report.created : report.already_present);
    }
    if (!errors.empty() && !options.skip_bad) return std::unexpected(errors);
    report.skipped.insert(report.skipped.end(), errors.begin(), errors.end());
    std::ranges::sort(report.skipped, {}, &csv::RowError::line);
    if (report.created == 0 && report.skipped.empty()) return report;  // nothing changed: no event either
    append_event(s, events::Event{what, "import", std::nullopt, std::nullopt, std::nullopt, events::ActorRole::admin,
                                  options.month});
    return report;
}

// The same in a transaction of its own (the command line): all or nothing.
template <class Row, class ImportRow>
ImportResult run_import(Database& db, const csv::Checked<Row>& checked, const ImportOptions& options, const char* what,
                        ImportRow import_row) {
    auto s = db.session();
    soci::transaction tx(s);
    auto result = run_import_in(s, checked, options, what, import_row);
    if (!result) {
        tx.rollback();
        return result;
    }
    tx.commit();
    return result;
}

}  // namespace pw::store
