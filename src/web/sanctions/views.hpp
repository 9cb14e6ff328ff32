#pragma once
#include "core/publication/snapshot.hpp"
#include "core/registry/registry_repository.hpp"
#include "store/sanctions_published.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Self-reported sanction figures from the published snapshot: noisy counts shown as bands, and
// nothing at all until the noisy number logged passes the threshold.
mustache::data sanction_figures_view(const publication::SanctionFigures& figures);

// The body of /sanctions/figures: the official figures with their sources and the test between
// the providers they name, then the participants' own reports from the snapshot.
std::string sanction_figures_html(const Renderer& renderer, const store::OfficialFigures& official,
                                  const publication::Snapshot* snapshot, registry::RegistryRepository& registry);

}  // namespace pw::web
