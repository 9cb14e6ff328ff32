#pragma once
// Published official figures: imported from their CSV files, read for the figures pages.
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

}  // namespace pw::store
