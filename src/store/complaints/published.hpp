#pragma once
// Complaints in the publication step: counted from the events since the last publication, noise
// drawn once per provider and month, summed into each snapshot.
#include <map>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/complaints/figures.hpp"
#include "core/disclosure/noise.hpp"

namespace pw::store {

// Events after `after` up to `through`: complaints sent, answered in time, taken to the ICE.
std::map<std::int64_t, complaints::ComplaintCells> raw_complaints(soci::session& s, long long after, long long through);

// A noisy cell for every provider in `month`, counted or not.
void draw_complaint_cells(soci::session& s, Month month, const std::vector<std::int64_t>& providers,
                          const std::map<std::int64_t, complaints::ComplaintCells>& raw,
                          const disclosure::RandomBits& bits);

void store_complaint_figures(soci::session& s, std::int64_t snapshot_id, Month window_start, Month period);
std::map<std::int64_t, complaints::ComplaintSum> load_complaint_figures(soci::session& s, std::int64_t snapshot_id);

}  // namespace pw::store
