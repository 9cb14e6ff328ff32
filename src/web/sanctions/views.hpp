#pragma once
#include "core/publication/snapshot.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Self-reported sanction figures from the published snapshot: noisy counts shown as bands, and
// nothing at all until the noisy number logged passes the threshold.
mustache::data sanction_figures_view(const publication::SanctionFigures& figures);

}  // namespace pw::web
