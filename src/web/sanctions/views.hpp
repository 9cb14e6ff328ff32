#pragma once
#include "store/sanctions/cases.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Self-reported sanction figures, through disclosure control: small counts are hidden with the
// cell that would give them away, and a share is shown only when both its parts are.
mustache::data sanction_figures_view(const store::CaseFigures& figures);

}  // namespace pw::web
