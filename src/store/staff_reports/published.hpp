#pragma once
// Staff reports in the publication step (docs/disclosure.md): for every prime, each quarter once
// a month has passed since it ended, counted once from the reports moderators found credible,
// noise drawn once and kept; each snapshot holds the quarters in its window.
#include <soci/soci.h>

#include <cstdint>

#include "core/common/month.hpp"
#include "core/disclosure/noise.hpp"
#include "core/staff_reports/figures.hpp"

namespace pw::store {

// Draws the cells of every prime for each quarter ending from window_start to a month before
// period that has none yet.
void draw_staff_report_cells(soci::session& s, Month window_start, Month period, const disclosure::RandomBits& bits);

void store_staff_report_figures(soci::session& s, std::int64_t snapshot_id, Month window_start, Month period);
staff_reports::StaffReportFigures load_staff_report_figures(soci::session& s, std::int64_t snapshot_id);

}  // namespace pw::store
