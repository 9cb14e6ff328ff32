#pragma once
// Each year's award, decided once at publication and kept (migration 022).
#include <soci/soci.h>
#include <map>
#include <vector>

#include "core/publication/snapshot.hpp"
#include "core/standards/award.hpp"

namespace pw::store {

bool award_decided(soci::session& s, int year);
// Keeps the year's places. None (nobody had enough ratings that count, as before the site
// began) keeps nothing: the year is looked at again at the next publication.
void store_award(soci::session& s, int year, std::int64_t snapshot_id,
                 const std::vector<standards::AwardPlace>& places);
// Every award decided up to and including this snapshot, by year.
std::map<int, std::vector<publication::AwardEntry>> load_awards(soci::session& s, std::int64_t snapshot_id);

}  // namespace pw::store
