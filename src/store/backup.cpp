#include "store/backup.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/json.hpp>
#include <boost/optional.hpp>
#include <istream>
#include <ostream>

#include "store/migrations.hpp"
#include "store/row.hpp"

namespace pw::store {

namespace json = boost::json;

// Not sessions: a restored site asks everyone to sign in again.
const std::vector<std::string>& backed_up_tables() {
    static const std::vector<std::string> tables{
        "programmes", "areas", "providers", "contracts", "subcontracts", "offices", "service_standards",
        "complaints_procedures", "events", "codenames", "ratings", "accounts", "stories", "responses", "flags",
        "censor_rules", "takedown_notices", "sanction_cases", "published_figures", "published_provider_sanctions",
        "suggestions", "suggestion_steps", "change_confirmations", "complaints", "account_set_up_links",
        // Noise drawn once must survive a restore, or it would be drawn again.
        "published_months", "publication_cells", "snapshots", "snapshot_figures", "confirmation_cells",
        "snapshot_confirmations", "snapshot_suggestion_answers", "complaint_cells", "snapshot_complaints",
        "standards_settings", "provider_status", "snapshot_standards", "rating_holds", "snapshot_holds", "awards",
        "pressure_reports", "recovery_reports", "staff_reports", "staff_report_messages", "staff_report_events",
        "staff_report_evidence", "staff_report_cells", "snapshot_staff_reports", "detection_reports"};
    return tables;
}

namespace {

json::value cell(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return nullptr;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_string:
            return json::value(row.get<std::string>(i));
        case soci::dt_double:
            return json::value(row.get<double>(i));
        default:
            return json::value(get_int(row, i));
    }
}

int schema_version(Database& db) {
    auto s = db.session();
    int version = 0;
    s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
    return version;
}

}  // namespace

Result<BackupSummary> backup(Database& db, std::ostream& out) {
    if (auto current = check_schema_current(db); !current) return std::unexpected(current.error());
    BackupSummary summary;
    const int version = schema_version(db);  // before taking the session: the pool may hold only one
    auto s = db.session();
    s << (db.engine() == Engine::postgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN");
    try {
        out << json::serialize(json::object{{"providerwatch_backup", 1}, {"schema", version}}) << "\n";
        for (const auto& table : backed_up_tables()) {
            soci::rowset<soci::row> rows = (s.prepare << "SELECT * FROM " + table + " ORDER BY id");
            bool header = false;
            for (const auto& row : rows) {
                if (!header) {
                    json::array columns;
                    for (std::size_t i = 0; i < row.size(); ++i)
                        columns.push_back(json::value(row.get_properties(i).get_name()));
                    out << json::serialize(json::object{{"table", table}, {"columns", columns}}) << "\n";
                    header = true;
                    ++summary.tables;
                }
                json::array values;
                for (std::size_t i = 0; i < row.size(); ++i) values.push_back(cell(row, i));
                out << json::serialize(values) << "\n";
                ++summary.rows;
            }
        }
        s << "COMMIT";
    } catch (...) {
        s << "ROLLBACK";
        throw;
    }
    if (!out) return fail(ErrorKind::unavailable, "the backup could not be written");
    return summary;
}

Result<BackupSummary> restore(Database& db, std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return fail(ErrorKind::invalid_input, "the backup file is empty");
    boost::system::error_code ec;
    auto head = json::parse(line, ec);
    if (ec || !head.is_object() || !head.as_object().contains("providerwatch_backup")) {
        return fail(ErrorKind::invalid_input, "this is not a ProviderWatch backup");
    }
    const auto& fields = head.as_object();
    const auto* schema = fields.if_contains("schema");
    const int current = schema_version(db);
    if (!schema || !schema->is_int64() || schema->as_int64() != current) {
        return fail(ErrorKind::conflict,
                    fmt::format("the backup is not at this database's schema version ({})", current));
    }
    BackupSummary summary;
    auto s = db.session();
    soci::transaction tx(s);
    for (const auto& table : backed_up_tables()) {
        long long rows = 0;
        s << "SELECT COUNT(*) FROM " + table, soci::into(rows);
        if (rows) return fail(ErrorKind::conflict, "restore needs an empty database: " + table + " has rows");
    }
    std::string table;
    std::string insert;
    std::size_t width = 0;
    std::size_t number = 1;
    while (std::getline(in, line)) {
        ++number;
        auto value = json::parse(line, ec);
        if (ec) return fail(ErrorKind::invalid_input, fmt::format("line {} of the backup is not JSON", number));
        if (value.is_object()) {
            const auto& header = value.as_object();
            table = json::value_to<std::string>(header.at("table"));
            if (std::ranges::find(backed_up_tables(), table) == backed_up_tables().end()) {
                return fail(ErrorKind::invalid_input, fmt::format("line {}: unknown table {}", number, table));
            }
            std::string names;
            std::string marks;
            const auto& columns = header.at("columns").as_array();
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const auto name = json::value_to<std::string>(columns[i]);
                for (char c : name) {
                    if (!((c >= 'a' && c <= 'z') || c == '_')) {
                        return fail(ErrorKind::invalid_input, fmt::format("line {}: bad column name", number));
                    }
                }
                names += (i ? ", " : "") + name;
                marks += (i ? ", :" : ":") + std::to_string(i);
            }
            width = columns.size();
            insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names, marks);
            ++summary.tables;
            continue;
        }
        if (!value.is_array() || value.as_array().size() != width || insert.empty()) {
            return fail(ErrorKind::invalid_input,
                        fmt::format("line {} of the backup is not a row of {}", number, table));
        }
        // Every value goes in as text; both engines convert it to the column's type.
        std::vector<boost::optional<std::string>> values;
        for (const auto& v : value.as_array()) {
            if (v.is_null()) {
                values.emplace_back();
            } else if (v.is_string()) {
                values.emplace_back(std::string(v.as_string()));
            } else {
                values.emplace_back(json::serialize(v));
            }
        }
        soci::statement st(s);
        st.alloc();
        st.prepare(insert);
        for (auto& v : values) st.exchange(soci::use(v));
        st.define_and_bind();
        st.execute(true);
        ++summary.rows;
    }
    if (db.engine() == Engine::postgresql) {
        // Identity columns carry on after the restored ids.
        for (const auto& t : backed_up_tables()) {
            s << fmt::format(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE((SELECT MAX(id) FROM {0}), 0) + 1, false)",
                t);
        }
    }
    tx.commit();
    return summary;
}

}  // namespace pw::store
