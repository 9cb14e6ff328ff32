#include "store/sanctions_published.hpp"

#include <fmt/format.h>
#include <soci/soci.h>


#include "store/import_runner.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace sanctions;

ImportResult import_published_figures(Database& db, const csv::Checked<PublishedFigure>& rows,
                                      const ImportOptions& options) {
    return run_import(
        db, rows, options, "published_figures.imported", [](soci::session& s, const PublishedFigure& f) -> RowResult {
            int exists = 0;
            s << "SELECT COUNT(*) FROM published_figures WHERE metric = :m AND unit = :u AND period = :p",
                soci::into(exists), soci::use(f.metric), soci::use(f.unit), soci::use(f.period);
            if (exists) return Outcome::present;
            s << "INSERT INTO published_figures (metric, value, unit, period, source) "
                 "VALUES (:m, :v, :u, :p, :s)",
                soci::use(f.metric), soci::use(f.value), soci::use(f.unit), soci::use(f.period), soci::use(f.source);
            return Outcome::created;
        });
}

ImportResult import_provider_sanctions(Database& db, const csv::Checked<ProviderSanctions>& rows,
                                       const ImportOptions& options) {
    return run_import(db, rows, options, "published_provider_sanctions.imported",
                      [](soci::session& s, const ProviderSanctions& p) -> RowResult {
                          int exists = 0;
                          s << "SELECT COUNT(*) FROM published_provider_sanctions WHERE provider = :p AND period = :d",
                              soci::into(exists), soci::use(p.provider), soci::use(p.period);
                          if (exists) return Outcome::present;
                          const long long referrals = p.referrals;
                          const long long sanctions = p.sanctions;
                          s << "INSERT INTO published_provider_sanctions (provider, scope, period, referrals, "
                               "sanctions, source) VALUES (:p, :sc, :d, :r, :s, :src)",
                              soci::use(p.provider), soci::use(p.scope), soci::use(p.period), soci::use(referrals),
                              soci::use(sanctions), soci::use(p.source);
                          return Outcome::created;
                      });
}

std::vector<PublishedFigure> published_figures(Database& db) {
    auto s = db.session();
    std::vector<PublishedFigure> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT metric, value, unit, period, source FROM published_figures ORDER BY id");
    for (const auto& row : rows) {
        out.push_back({0, get_text(row, 0), get_text(row, 1), get_text(row, 2), get_text(row, 3), get_text(row, 4)});
    }
    return out;
}

std::vector<ProviderSanctions> published_provider_sanctions(Database& db) {
    auto s = db.session();
    std::vector<ProviderSanctions> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider, scope, period, referrals, sanctions, source FROM published_provider_sanctions "
                      "ORDER BY id");
    for (const auto& row : rows) {
        out.push_back({0, get_text(row, 0), get_text(row, 1), get_text(row, 2), get_int(row, 3), get_int(row, 4),
                       get_text(row, 5)});
    }
    return out;
}

OfficialFigures official_figures(Database& db) {
    return {published_figures(db), published_provider_sanctions(db)};
}

// Imports only add rows: the count and the highest id of each table move with every import.
std::string official_figures_fingerprint(Database& db) {
    auto s = db.session();
    std::string out;
    for (const char* table : {"published_figures", "published_provider_sanctions"}) {
        long long rows = 0;
        long long highest = 0;
        soci::indicator none = soci::i_ok;
        s << fmt::format("SELECT COUNT(*), MAX(id) FROM {}", table), soci::into(rows), soci::into(highest, none);
        out += fmt::format("{}:{}:{};", table, rows, none == soci::i_null ? 0 : highest);
    }
    return out;
}

}  // namespace pw::store
