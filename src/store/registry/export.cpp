#include "store/registry/export.hpp"

#include "core/csv/csv.hpp"
#include "store/row.hpp"

namespace pw::store {

std::string export_registry_csv(Database& db) {
    auto s = db.session();
    std::string out = csv::format_row({"programme", "cpa_number", "cpa_name", "prime_provider", "notes", "source"});
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT p.name, a.code, a.name, pr.name, c.notes, c.source FROM contracts c "
                      "JOIN areas a ON a.id = c.area_id JOIN programmes p ON p.id = a.programme_id "
                      "JOIN providers pr ON pr.id = c.prime_id ORDER BY p.name, a.number, a.code, c.id");
    for (const auto& row : rows) {
        out += csv::format_row({get_text(row, 0), get_text(row, 1), get_text(row, 2), get_text(row, 3),
                                get_text(row, 4), get_text(row, 5)});
    }
    return out;
}

}  // namespace pw::store
