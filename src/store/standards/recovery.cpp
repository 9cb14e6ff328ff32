#include "store/standards/recovery.hpp"

#include <soci/boost-optional.h>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using standards::ReportState;

std::optional<Month> recovery_since(soci::session& s, std::int64_t provider_id) {
    const long long provider = provider_id;
    long long latest = 0;
    soci::indicator none = soci::i_ok;
    s << "SELECT MAX(id) FROM snapshots", soci::into(latest, none);
    if (none == soci::i_null) return std::nullopt;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT ps.snapshot_id, ps.recovery, sn.published_month FROM provider_status ps JOIN snapshots "
                      "sn ON sn.id = ps.snapshot_id WHERE ps.provider_id = :p ORDER BY ps.snapshot_id DESC",
         soci::use(provider));
    std::optional<Month> since;
    bool first = true;
    for (const auto& row : rows) {
        if (first && get_int(row, 0) != latest) return std::nullopt;  // not assessed by the latest
        first = false;
        if (get_int(row, 1) == 0) break;
        since = known(Month::parse(get_text(row, 2)), "month");
    }
    return since;
}

namespace {

constexpr const char* kRecoveryColumns =
    "SELECT r.id, r.provider_id, p.name, r.month, r.body, r.state, r.reason FROM recovery_reports r JOIN providers p "
    "ON p.id = r.provider_id ";

RecoveryReportRow row_of(const soci::row& row) {
    RecoveryReportRow r;
    r.id = get_int(row, 0);
    r.provider_id = get_int(row, 1);
    r.provider_name = get_text(row, 2);
    r.month = known(Month::parse(get_text(row, 3)), "month");
    r.body = get_text(row, 4);
    r.state = known(standards::report_state_from(get_text(row, 5)), "report state");
    r.reason = get_text(row, 6);
    return r;
}

}  // namespace

std::vector<RecoveryReportRow> recovery_reports(soci::session& s, std::int64_t provider_id) {
    const long long provider = provider_id;
    std::vector<RecoveryReportRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kRecoveryColumns) + "WHERE r.provider_id = :p ORDER BY r.month DESC, r.id DESC",
         soci::use(provider));
    for (const auto& row : rows) out.push_back(row_of(row));
    return out;
}

std::vector<RecoveryReportRow> pending_recovery_reports(soci::session& s) {
    std::vector<RecoveryReportRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kRecoveryColumns) + "WHERE r.state = 'pending' ORDER BY r.id LIMIT 100");
    for (const auto& row : rows) out.push_back(row_of(row));
    return out;
}

std::vector<standards::RecoveryMonth> recovery_months_of(soci::session& s, std::int64_t provider_id, Month now,
                                                         const std::vector<RecoveryReportRow>& reports) {
    const auto since = recovery_since(s, provider_id);
    if (!since) return {};
    std::map<Month, ReportState> sent;
    for (const auto& r : reports) {
        if (r.state == ReportState::rejected) continue;
        auto& state = sent.try_emplace(r.month, r.state).first->second;
        if (r.state == ReportState::published) state = r.state;
    }
    return standards::recovery_months(std::min(*since, now), now, sent);
}

bool SociRecoveryRepository::under_recovery(std::int64_t provider_id) {
    return recovery_since(s_, provider_id).has_value();
}

std::vector<ReportState> SociRecoveryRepository::reports_for(std::int64_t provider_id, Month month) {
    const long long provider = provider_id;
    const std::string m = month.to_string();
    std::vector<ReportState> out;
    soci::rowset<soci::row> rows =
        (s_.prepare << "SELECT state FROM recovery_reports WHERE provider_id = :p AND month = :m", soci::use(provider),
         soci::use(m));
    for (const auto& row : rows) out.push_back(known(standards::report_state_from(get_text(row, 0)), "report state"));
    return out;
}

std::int64_t SociRecoveryRepository::insert_report(std::int64_t provider_id, Month month,
                                                   const redaction::RedactedText& body) {
    const long long provider = provider_id;
    const std::string m = month.to_string();
    long long id = 0;
    s_ << "INSERT INTO recovery_reports (provider_id, month, body, state) VALUES (:p, :m, :b, 'pending') RETURNING id",
        soci::use(provider), soci::use(m), soci::use(body.str()), soci::into(id);
    return id;
}

std::optional<ReportState> SociRecoveryRepository::report_state(std::int64_t report_id) {
    const long long id = report_id;
    std::string state;
    s_ << "SELECT state FROM recovery_reports WHERE id = :id", soci::use(id), soci::into(state);
    if (!s_.got_data()) return std::nullopt;
    return known(standards::report_state_from(state), "report state");
}

bool SociRecoveryRepository::move_report(std::int64_t report_id, ReportState from, ReportState to,
                                         const std::optional<redaction::RedactedText>& reason, Month month) {
    const long long id = report_id;
    const std::string f(standards::report_state_name(from));
    const std::string t(standards::report_state_name(to));
    const std::string m = month.to_string();
    const boost::optional<std::string> why =
        reason ? boost::optional<std::string>(reason->str()) : boost::optional<std::string>();
    soci::statement st = (s_.prepare << "UPDATE recovery_reports SET state = :t, reason = :r, decided_month = :m "
                                        "WHERE id = :id AND state = :f",
                          soci::use(t), soci::use(why), soci::use(m), soci::use(id), soci::use(f));
    return changed_one_row(st);
}

void SociRecoveryRepository::append(const events::Event& event) {
    append_event(s_, event);
}

}  // namespace pw::store
