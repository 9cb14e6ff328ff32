#include "store/research/kept_reports.hpp"

#include <soci/boost-optional.h>

#include "crypto/encoding.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {
namespace {

constexpr const char* kSummaryColumns =
    "SELECT r.id, r.account_id, a.username, r.month, r.filename, r.input_kind, r.method_version, r.input_sha256, "
    "r.summary, r.units, r.flagged, CASE WHEN r.input_csv IS NULL THEN 0 ELSE 1 END, "
    "CASE WHEN r.report_pdf IS NULL THEN 0 ELSE 1 END "
    "FROM detection_reports r JOIN accounts a ON a.id = r.account_id ";

std::vector<KeptReportSummary> summaries(soci::session& s, const std::string& where, long long value) {
    std::vector<KeptReportSummary> out;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kSummaryColumns) + where, soci::use(value));
    for (const auto& row : rows) {
        KeptReportSummary k;
        k.id = get_int(row, 0);
        k.owner = get_int(row, 1);
        k.owner_name = row.get<std::string>(2);
        k.month = row.get<std::string>(3);
        k.filename = row.get<std::string>(4);
        k.input_kind = row.get<std::string>(5);
        k.method_version = row.get<std::string>(6);
        k.input_sha256 = row.get<std::string>(7);
        k.summary = row.get<std::string>(8);
        k.units = get_int(row, 9);
        k.flagged = get_int(row, 10);
        k.has_input = get_int(row, 11) != 0;
        k.has_pdf = get_int(row, 12) != 0;
        out.push_back(std::move(k));
    }
    return out;
}

}  // namespace

void SociKeptReportRepository::insert(const research::KeptReport& r) {
    const long long id = r.id, owner = r.owner, units = r.units, flagged = r.flagged;
    const std::string month = r.month.to_string();
    const boost::optional<std::string> input = or_null(r.input);
    const std::string pdf = crypto::base64_text(r.pdf);
    s_ << "INSERT INTO detection_reports (id, account_id, month, filename, input_kind, method_version, input_sha256, "
          "summary, units, flagged, report_html, report_json, report_csv, input_csv, report_pdf) VALUES (:id, :owner, "
          ":month, :filename, :kind, :version, :sha, :summary, :units, :flagged, :html, :json, :csv, :input, :pdf)",
        soci::use(id), soci::use(owner), soci::use(month), soci::use(r.filename), soci::use(r.input_kind),
        soci::use(r.method_version), soci::use(r.input_sha256), soci::use(r.summary), soci::use(units),
        soci::use(flagged), soci::use(r.html), soci::use(r.json), soci::use(r.csv), soci::use(input), soci::use(pdf);
}

std::optional<std::int64_t> SociKeptReportRepository::owner_of(std::int64_t id) {
    const long long key = id;
    long long owner = 0;
    soci::indicator found = soci::i_null;
    s_ << "SELECT account_id FROM detection_reports WHERE id = :id", soci::use(key), soci::into(owner, found);
    if (!s_.got_data() || found != soci::i_ok) return std::nullopt;
    return owner;
}

bool SociKeptReportRepository::remove(std::int64_t id) {
    const long long key = id;
    soci::statement st = (s_.prepare << "DELETE FROM detection_reports WHERE id = :id", soci::use(key));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void SociKeptReportRepository::append(const events::Event& event) {
    append_event(s_, event);
}

std::optional<KeptReportSummary> kept_report(Database& db, std::int64_t id) {
    auto s = db.session();
    auto rows = summaries(s, "WHERE r.id = :id", id);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<std::string> kept_report_body(Database& db, std::int64_t id, std::string_view form) {
    auto s = db.session();
    return kept_report_body(s, id, form);
}

std::optional<std::string> kept_report_body(soci::session& s, std::int64_t id, std::string_view form) {
    const char* column = form == "html"    ? "report_html"
                         : form == "json"  ? "report_json"
                         : form == "csv"   ? "report_csv"
                         : form == "input" ? "input_csv"
                         : form == "pdf"   ? "report_pdf"
                                           : nullptr;
    if (!column) return std::nullopt;
    const long long key = id;
    std::string body;
    soci::indicator found = soci::i_null;
    s << "SELECT " + std::string(column) + " FROM detection_reports WHERE id = :id", soci::use(key),
        soci::into(body, found);
    if (!s.got_data() || found != soci::i_ok) return std::nullopt;
    if (form == "pdf") return crypto::bytes_from_base64(body);
    return body;
}

std::vector<KeptReportSummary> kept_reports_of(Database& db, std::int64_t account) {
    auto s = db.session();
    return summaries(s, "WHERE r.account_id = :id ORDER BY r.month DESC, r.filename", account);
}

}  // namespace pw::store
