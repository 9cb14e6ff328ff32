#pragma once
// The award page's content (web/standards/award.cpp), rendered from the registry and the
// snapshot (null before the first publication): one of the page parts.
#include <string>

#include "core/publication/snapshot.hpp"
#include "core/registry/registry_repository.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

std::string award_html(const Renderer& renderer, registry::RegistryRepository& registry,
                       const publication::Snapshot* snapshot);

}  // namespace pw::web
