#include "store/staff_reports/reports.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "crypto/passwords.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace staff_reports;

void SociStaffReportRepository::insert_report(std::int64_t id, const ReportFacts& facts, const Sealed& details,
                                              const ReporterKeys& keys, Month month) {
    const long long report = id, prime = facts.prime_id, lookup = keys.lookup_key;
    const std::string made = month.to_string();
    const int pressures = static_cast<int>(facts.pressures);
    s_ << "INSERT INTO staff_reports (id, prime_id, pressures, month, details_for_moderators, details_for_reporter, "
          "state, lookup_key, codename_hash, key_salt, public_key, locked_secret_key) VALUES (:id, :prime, "
          ":pressures, :month, :details_m, :details_r, 'received', :lookup, :hash, :salt, :public_key, :locked)",
        soci::use(report), soci::use(prime), soci::use(pressures), soci::use(made), soci::use(details.for_moderators),
        soci::use(details.for_reporter), soci::use(lookup), soci::use(keys.codename_hash), soci::use(keys.key_salt),
        soci::use(keys.public_key), soci::use(keys.locked_secret_key);
}

void SociStaffReportRepository::insert_message(std::int64_t id, std::int64_t report_id, Author author, Month month,
                                               const Sealed& text) {
    const long long message = id, report = report_id;
    int seq = 0;
    s_ << "SELECT COALESCE(MAX(seq), 0) + 1 FROM staff_report_messages WHERE report_id = :r", soci::use(report),
        soci::into(seq);
    const std::string who(author_name(author)), made = month.to_string();
    s_ << "INSERT INTO staff_report_messages (id, report_id, seq, author, month, for_moderators, for_reporter) "
          "VALUES (:id, :report, :seq, :author, :month, :moderators, :reporter)",
        soci::use(message), soci::use(report), soci::use(seq), soci::use(who), soci::use(made),
        soci::use(text.for_moderators), soci::use(text.for_reporter);
}

std::optional<ReportState> SociStaffReportRepository::report_state(std::int64_t id) {
    const long long report = id;
    std::string state;
    s_ << "SELECT state FROM staff_reports WHERE id = :id", soci::use(report), soci::into(state);
    if (!s_.got_data()) return std::nullopt;
    return known(report_state_from(state), "staff report state");
}

std::optional<std::string> SociStaffReportRepository::reporter_public_key(std::int64_t id) {
    const long long report = id;
    std::string key;
    s_ << "SELECT public_key FROM staff_reports WHERE id = :id", soci::use(report), soci::into(key);
    if (!s_.got_data()) return std::nullopt;
    return key;
}

bool SociStaffReportRepository::move_report(std::int64_t id, ReportState from, ReportState to) {
    const long long report = id;
    const std::string was(report_state_name(from)), now(report_state_name(to));
    soci::statement update = (s_.prepare << "UPDATE staff_reports SET state = :to WHERE id = :id AND state = :from",
                              soci::use(now), soci::use(report), soci::use(was));
    return changed_one_row(update);
}

void SociStaffReportRepository::insert_evidence(std::int64_t id, std::int64_t report_id, Month month,
                                                const std::string& for_moderators) {
    const long long link = id, report = report_id;
    const std::string made = month.to_string();
    s_ << "INSERT INTO staff_report_evidence (id, report_id, month, for_moderators) "
          "VALUES (:id, :report, :month, :sealed)",
        soci::use(link), soci::use(report), soci::use(made), soci::use(for_moderators);
}

// PostgreSQL locks the row until the transaction ends, so a second writer of the same report waits
// and then reads what the first wrote; SQLite's writers take the whole database (BEGIN IMMEDIATE).
std::optional<ReportState> SociStaffReportRepository::hold_report(std::int64_t id) {
    const long long report = id;
    const std::string lock = s_.get_backend_name() == "postgresql" ? " FOR UPDATE" : "";
    std::string state;
    s_ << "SELECT state FROM staff_reports WHERE id = :id" + lock, soci::use(report), soci::into(state);
    if (!s_.got_data()) return std::nullopt;
    return known(report_state_from(state), "staff report state");
}

std::vector<std::string> SociStaffReportRepository::sealed_evidence(std::int64_t report_id) {
    const long long report = report_id;
    std::vector<std::string> out;
    soci::rowset<std::string> rows =
        (s_.prepare << "SELECT for_moderators FROM staff_report_evidence WHERE report_id = :r ORDER BY id",
         soci::use(report));
    for (const auto& sealed : rows) out.push_back(sealed);
    return out;
}

std::optional<std::int64_t> SociStaffReportRepository::evidence_report(std::int64_t link_id) {
    const long long link = link_id;
    long long report = 0;
    s_ << "SELECT report_id FROM staff_report_evidence WHERE id = :id", soci::use(link), soci::into(report);
    if (!s_.got_data()) return std::nullopt;
    return report;
}

bool SociStaffReportRepository::remove_evidence(std::int64_t id, std::int64_t report_id) {
    const long long link = id, report = report_id;
    soci::statement remove = (s_.prepare << "DELETE FROM staff_report_evidence WHERE id = :id AND report_id = :r",
                              soci::use(link), soci::use(report));
    return changed_one_row(remove);
}

// In the reports' own audit trail, under a random id (024_staff_reports.sql).
void SociStaffReportRepository::append(std::int64_t event_id, const events::Event& event) {
    if (event_id <= 0 || !event.object_id)
        throw std::logic_error("a staff report's event needs a random id and its report");
    const long long id = event_id, report = *event.object_id;
    const auto from = or_null(event.from_state), to = or_null(event.to_state);
    const std::string actor = events::to_string(event.actor), month = event.month.to_string();
    s_ << "INSERT INTO staff_report_events (id, what, report_id, from_state, to_state, actor_role, month) "
          "VALUES (:id, :what, :report, :from_state, :to_state, :actor, :month)",
        soci::use(id), soci::use(event.what), soci::use(report), soci::use(from), soci::use(to), soci::use(actor),
        soci::use(month);
}

namespace {

constexpr std::string_view kReportColumns =
    "SELECT r.id, r.prime_id, p.name, r.pressures, r.month, r.state, r.details_for_moderators, "
    "r.details_for_reporter, r.lookup_key, r.codename_hash, r.key_salt, r.public_key, r.locked_secret_key "
    "FROM staff_reports r JOIN providers p ON p.id = r.prime_id ";

StaffReportRow report_of(const soci::row& row) {
    StaffReportRow r;
    r.id = get_int(row, 0);
    r.facts.prime_id = get_int(row, 1);
    r.prime_name = row.get<std::string>(2);
    r.facts.pressures = static_cast<unsigned>(get_int(row, 3));
    r.month = row.get<std::string>(4);
    r.state = known(report_state_from(row.get<std::string>(5)), "staff report state");
    r.details = {row.get<std::string>(6), row.get<std::string>(7)};
    r.keys.lookup_key = get_int(row, 8);
    r.keys.codename_hash = row.get<std::string>(9);
    r.keys.key_salt = row.get<std::string>(10);
    r.keys.public_key = row.get<std::string>(11);
    r.keys.locked_secret_key = row.get<std::string>(12);
    return r;
}

std::vector<StaffReportRow> select(soci::session& s, const std::string& where_and_order, long long value) {
    std::vector<StaffReportRow> out;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kReportColumns) + where_and_order, soci::use(value));
    for (const auto& row : rows) out.push_back(report_of(row));
    return out;
}

}  // namespace

std::optional<StaffReportRow> find_staff_report(Database& db, const crypto::LookupKeys& lookup,
                                                std::string_view normalised_codename) {
    auto s = db.session();
    std::optional<StaffReportRow> found;
    const auto candidates = select(s, "WHERE r.lookup_key = :k", lookup(normalised_codename));
    for (const auto& candidate : candidates) {
        if (crypto::secret_matches(candidate.keys.codename_hash, normalised_codename) && !found) found = candidate;
    }
    if (candidates.empty()) crypto::secret_matches(crypto::stand_in_hash(), normalised_codename);
    return found;
}

std::optional<StaffReportRow> staff_report(Database& db, std::int64_t id) {
    auto s = db.session();
    auto rows = select(s, "WHERE r.id = :id", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<StaffMessageRow> staff_report_messages(Database& db, std::int64_t report_id) {
    auto s = db.session();
    const long long report = report_id;
    std::vector<StaffMessageRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT author, month, for_moderators, for_reporter FROM staff_report_messages "
                      "WHERE report_id = :r ORDER BY seq",
         soci::use(report));
    for (const auto& row : rows) {
        StaffMessageRow m;
        m.author = row.get<std::string>(0) == "moderator" ? Author::moderator : Author::staff;
        m.month = row.get<std::string>(1);
        m.for_moderators = row.get<std::string>(2);
        m.for_reporter = row.get<std::string>(3);
        out.push_back(std::move(m));
    }
    return out;
}

namespace {
std::vector<StaffEvidenceRow> evidence_where(Database& db, const std::string& where, long long value) {
    auto s = db.session();
    std::vector<StaffEvidenceRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.id, e.report_id, e.month, e.for_moderators FROM staff_report_evidence e "
                      "JOIN staff_reports r ON r.id = e.report_id WHERE " +
                          where + " ORDER BY e.id",
         soci::use(value));
    for (const auto& row : rows)
        out.push_back({get_int(row, 0), get_int(row, 1), row.get<std::string>(2), row.get<std::string>(3)});
    return out;
}
}  // namespace

std::vector<StaffEvidenceRow> staff_report_evidence(Database& db, std::int64_t report_id) {
    return evidence_where(db, "e.report_id = :report", report_id);
}

std::vector<StaffEvidenceRow> credible_staff_report_evidence(Database& db) {
    return evidence_where(db, "r.state = 'credible' AND e.report_id > :none", 0);
}

std::vector<StaffReportRow> staff_reports_for_moderators(Database& db) {
    auto s = db.session();
    return select(s,
                  "WHERE r.id > :none ORDER BY CASE r.state WHEN 'received' THEN 0 WHEN 'needs_more' THEN 1 ELSE 2 "
                  "END, r.month DESC, r.id",
                  0);
}

}  // namespace pw::store
