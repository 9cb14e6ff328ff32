#pragma once
// The standards' settings and each provider's status at each publication (migration 021).
#include <soci/soci.h>
#include <map>
#include <optional>
#include <vector>

#include "core/publication/snapshot.hpp"
#include "core/standards/standards.hpp"
#include "core/standards/status.hpp"
#include "store/database.hpp"

namespace pw::store {

// The settings in force: the defaults until an admin saves others.
standards::Standards load_standards(soci::session& s);
// Saves them (already checked) with an event; in the writer's transaction.
void save_standards(soci::session& s, const standards::Standards& standards, Month month);

// Assesses every provider against the snapshot being published and keeps the result, with the
// standards used. In the publication's transaction.
void store_provider_statuses(soci::session& s, const publication::Snapshot& snapshot,
                             const std::vector<std::int64_t>& providers);

// For the read model: the statuses of one snapshot, its standards, and every earlier status.
publication::StandardsFigures load_standards_figures(soci::session& s, std::int64_t snapshot_id);

}  // namespace pw::store
