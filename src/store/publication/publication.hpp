#pragma once
// The publication step over the database: counts a month's private rows, keeps the noisy cells
// drawn for it, and writes and reads snapshots. Only `publish` and the server's schedule write
// here; public pages read a loaded snapshot, never these tables.
#include <memory>
#include <string>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/disclosure/noise.hpp"
#include "core/publication/snapshot.hpp"
#include "store/database.hpp"

namespace pw::store {

struct PublishSettings {
    int window_months = 24;  // the months a snapshot covers, the last complete month included
};

struct PublishOutcome {
    bool published = false;  // false: the period was already published (a no-op)
    std::int64_t snapshot_id = 0;
    Month period = *Month::from(2000, 1);
    int months_drawn = 0;    // months whose cells were drawn in this run
    long long unplaced = 0;  // ratings left out: their unit is no longer in the registry
    long long deleted = 0;   // raw ratings past retention, removed
    long long held = 0;      // providers' months the flood check held in this run
};

// Publishes every complete month before `now` in the window that has no cells yet, then the
// snapshot for the last complete month, all in one transaction. Refused (conflict) while
// another publication runs on the same database; a failure leaves the previous snapshot.
Result<PublishOutcome> publish(Database& db, Month now, const disclosure::RandomBits& bits,
                               const PublishSettings& settings = {});

// The registry as publication sees it: providers, offices, contracts and sub-contracts.
publication::RegistryShape registry_shape(soci::session& s);

// The latest snapshot, or nullopt before the first publication.
std::optional<std::int64_t> latest_snapshot_id(Database& db);
std::shared_ptr<const publication::Snapshot> load_snapshot(Database& db, std::optional<std::int64_t> id = {});
// The same on a session, inside a transaction that may not have committed it yet.
std::shared_ptr<const publication::Snapshot> load_snapshot_in(soci::session& s, std::int64_t id);

// Every snapshot's id and period, newest first (open data).
std::vector<publication::SnapshotInfo> list_snapshots(Database& db);

}  // namespace pw::store
