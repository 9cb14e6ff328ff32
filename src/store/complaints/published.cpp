#include "store/complaints/published.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/complaints/clock.hpp"
#include "core/disclosure/ledger.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace complaints;

std::map<std::int64_t, ComplaintCells> raw_complaints(soci::session& s, long long after, long long through) {
    std::map<std::int64_t, ComplaintCells> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT c.provider_id, e.to_state, c.sent_week, c.final_week FROM events e JOIN complaints c "
                      "ON c.id = e.object_id WHERE e.object_kind = 'complaint' AND e.what = "
                      "'complaint.state_changed' AND e.id > :a AND e.id <= :b",
         soci::use(after), soci::use(through));
    for (const auto& row : rows) {
        auto& cells = out[get_int(row, 0)];
        const auto to = get_text(row, 1);
        if (to == "sent") ++cells.sent;
        if (to == "taken_to_ice") ++cells.to_ice;
        if (to == "final_response") {
            const auto sent = Week::parse(get_text(row, 2));
            const auto final_week = Week::parse(get_text(row, 3));
            if (sent && final_week && answered_in_time(*sent, *final_week)) ++cells.answered_in_time;
        }
    }
    return out;
}

void draw_complaint_cells(soci::session& s, Month month, const std::vector<std::int64_t>& providers,
                          const std::map<std::int64_t, ComplaintCells>& raw, const disclosure::RandomBits& bits) {
    using disclosure::Table;
    const auto noise = [&](Table table) { return disclosure::geometric_noise(disclosure::epsilon_of(table), bits); };
    // Numbers and the month only, written into the SQL: many rows a statement, as the other cells.
    constexpr std::size_t kRowsPerStatement = 500;
    const std::string m = month.to_string();
    for (std::size_t start = 0; start < providers.size(); start += kRowsPerStatement) {
        std::string sql = "INSERT INTO complaint_cells (month, provider_id, sent, answered_in_time, to_ice) VALUES";
        for (std::size_t i = start; i < std::min(providers.size(), start + kRowsPerStatement); ++i) {
            const auto found = raw.find(providers[i]);
            const auto cells = found == raw.end() ? ComplaintCells{} : found->second;
            sql += fmt::format("{}('{}', {}, {}, {}, {})", i == start ? " " : ", ", m, providers[i],
                               cells.sent + noise(Table::complaint_sent),
                               cells.answered_in_time + noise(Table::complaint_answered),
                               cells.to_ice + noise(Table::complaint_to_ice));
        }
        s << sql;
    }
}

void store_complaint_figures(soci::session& s, std::int64_t snapshot_id, Month window_start, Month period) {
    const long long id = snapshot_id;
    const std::string a = window_start.to_string();
    const std::string b = period.to_string();
    s << "INSERT INTO snapshot_complaints (snapshot_id, provider_id, cells_summed, sent, answered_in_time, to_ice) "
         "SELECT :id, provider_id, COUNT(*), SUM(sent), SUM(answered_in_time), SUM(to_ice) FROM complaint_cells "
         "WHERE month >= :a AND month <= :b GROUP BY provider_id",
        soci::use(id), soci::use(a), soci::use(b);
}

std::map<std::int64_t, ComplaintSum> load_complaint_figures(soci::session& s, std::int64_t snapshot_id) {
    std::map<std::int64_t, ComplaintSum> out;
    const long long id = snapshot_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider_id, cells_summed, sent, answered_in_time, to_ice FROM snapshot_complaints "
                      "WHERE snapshot_id = :id",
         soci::use(id));
    for (const auto& row : rows) {
        out[get_int(row, 0)] = ComplaintSum{{get_int(row, 2), get_int(row, 3), get_int(row, 4)}, get_int(row, 1)};
    }
    return out;
}

}  // namespace pw::store
