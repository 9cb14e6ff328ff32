#pragma once
// The parts of the area, provider and office pages that change only when the registry does or a
// snapshot is published: the ratings block, the sanction figures, the registry's lists, the
// league table's lines and the award page. Each
// server renders them all when either changes (the snapshot keeper) and swaps them in whole, so
// a page request joins finished parts instead of computing them. A part the set does not hold
// yet (an office imported since, or a snapshot newer than the set) is rendered on the request
// by the same function.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/publication/snapshot.hpp"
#include "core/registry/registry_repository.hpp"
#include "store/sanctions_published.hpp"
#include "web/render/renderer.hpp"
#include "web/standards/league_parts.hpp"

namespace pw::web {

struct PageParts {
    std::int64_t snapshot_id = 0;  // the snapshot the figures come from; 0 before the first
    std::unordered_map<std::int64_t, std::string> office_ratings;
    std::unordered_map<std::int64_t, std::string> provider_ratings;
    std::unordered_map<std::int64_t, std::string> provider_sanctions;
    std::unordered_map<std::int64_t, std::string> provider_registry;
    std::unordered_map<std::int64_t, std::string> area_ratings;
    std::unordered_map<std::int64_t, std::string> area_contracts;
    std::unordered_map<std::int64_t, std::string> sanction_figures;  // one, under 0: the figures page
    std::unordered_map<std::int64_t, std::string> award;             // one, under 0: the award page
    std::shared_ptr<const LeagueParts> league;                       // null before the first publication
};

// Each part, rendered from the registry and the snapshot (null before the first publication).
std::string office_ratings_html(const Renderer& renderer, const publication::Snapshot* snapshot, std::int64_t office);
std::string provider_ratings_html(const Renderer& renderer, const publication::Snapshot* snapshot,
                                  std::int64_t provider);
std::string provider_sanctions_html(const Renderer& renderer, const publication::Snapshot* snapshot,
                                    std::int64_t provider);
std::string provider_registry_html(const Renderer& renderer, const registry::ProviderDetail& provider);
std::string area_ratings_html(const Renderer& renderer, const publication::Snapshot* snapshot,
                              const registry::AreaDetail& area);
std::string area_contracts_html(const Renderer& renderer, const registry::AreaDetail& area);

// Every part of every area, provider and office the registry lists, and the sanction figures.
std::shared_ptr<const PageParts> render_page_parts(registry::RegistryRepository& registry,
                                                   const publication::Snapshot* snapshot,
                                                   const store::OfficialFigures& official, const Renderer& renderer);

class PagePartsModel {
public:
    std::shared_ptr<const PageParts> current() const { return parts_.load(); }
    void swap_in(std::shared_ptr<const PageParts> parts) { parts_.store(std::move(parts)); }

private:
    std::atomic<std::shared_ptr<const PageParts>> parts_;
};

// The part held for this key when it was rendered from the snapshot the page shows, else the
// part rendered now (into scratch). The view lives as long as parts and scratch.
template <class Render>
std::string_view part_or(const PageParts* parts, const publication::Snapshot* snapshot,
                         const std::unordered_map<std::int64_t, std::string> PageParts::*table, std::int64_t id,
                         std::string& scratch, Render render) {
    const std::int64_t shown = snapshot ? snapshot->info().id : 0;
    if (parts && parts->snapshot_id == shown) {
        const auto& held = parts->*table;
        if (auto found = held.find(id); found != held.end()) return found->second;
    }
    scratch = render();
    return scratch;
}

}  // namespace pw::web
