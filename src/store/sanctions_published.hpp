#pragma once
// Published official figures: imported from their CSV files, read for the figures pages.
#include <string>
#include <vector>

#include "core/common/month.hpp"
#include "core/sanctions/published.hpp"
#include "store/database.hpp"
#include "store/registry/import.hpp"

namespace pw::store {

ImportResult import_published_figures(Database& db, const csv::Checked<sanctions::PublishedFigure>& rows,
                                      const ImportOptions& options);
ImportResult import_provider_sanctions(Database& db, const csv::Checked<sanctions::ProviderSanctions>& rows,
                                       const ImportOptions& options);

std::vector<sanctions::PublishedFigure> published_figures(Database& db);
std::vector<sanctions::ProviderSanctions> published_provider_sanctions(Database& db);

// Both tables as servers hold them in memory, and what moves when an import adds to them.
struct OfficialFigures {
    std::vector<sanctions::PublishedFigure> figures;
    std::vector<sanctions::ProviderSanctions> providers;
};
OfficialFigures official_figures(Database& db);
std::string official_figures_fingerprint(Database& db);

}  // namespace pw::store
