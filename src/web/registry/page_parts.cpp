#include "web/registry/page_parts.hpp"

#include <set>

#include "web/pages/page.hpp"
#include "web/ratings/views.hpp"
#include "web/registry/views.hpp"
#include "web/sanctions/views.hpp"
#include "web/standards/award.hpp"

namespace pw::web {

using publication::Snapshot;
using publication::UnitKey;
using ratings::UnitKind;

namespace {

std::string ratings_block(const Renderer& renderer, const Snapshot* snapshot, const UnitKey& unit, std::string what) {
    mustache::data data;
    put(data, "ratings", scores_view(unit_scores(snapshot, unit), snapshot));
    put(data, "what", std::move(what));
    return renderer.render("parts/ratings_block", data);
}

}  // namespace

std::string office_ratings_html(const Renderer& renderer, const Snapshot* snapshot, std::int64_t office) {
    return ratings_block(renderer, snapshot, {UnitKind::office, office}, "this office");
}

std::string provider_ratings_html(const Renderer& renderer, const Snapshot* snapshot, std::int64_t provider) {
    return ratings_block(renderer, snapshot, {UnitKind::provider, provider}, "this provider");
}

std::string provider_sanctions_html(const Renderer& renderer, const Snapshot* snapshot, std::int64_t provider) {
    mustache::data data;
    put(data, "sanctions",
        sanction_figures_view(snapshot ? snapshot->sanctions(provider) : publication::SanctionFigures{}));
    return renderer.render("parts/provider_sanctions", data);
}

std::string provider_registry_html(const Renderer& renderer, const registry::ProviderDetail& provider) {
    return renderer.render("parts/provider_registry", provider_view(provider));
}

std::string area_ratings_html(const Renderer& renderer, const Snapshot* snapshot, const registry::AreaDetail& area) {
    const auto id = area.area.id.value;
    mustache::data data;
    put(data, "ratings", scores_view(unit_scores(snapshot, {UnitKind::area, id}), snapshot));
    put(data, "comparison", list_of(area.contracts, [&](const registry::ContractInArea& contract) {
            mustache::data row = provider_link(contract.prime);
            put(row, "score",
                score_summary(unit_scores(snapshot, {UnitKind::prime_in_area, contract.prime.id.value, id})));
            return row;
        }));
    return renderer.render("parts/area_ratings", data);
}

std::string area_contracts_html(const Renderer& renderer, const registry::AreaDetail& area) {
    return renderer.render("parts/area_contracts", area_detail_view(area));
}

std::shared_ptr<const PageParts> render_page_parts(registry::RegistryRepository& registry, const Snapshot* snapshot,
                                                   const store::OfficialFigures& official, const Renderer& renderer) {
    auto parts = std::make_shared<PageParts>();
    parts->snapshot_id = snapshot ? snapshot->info().id : 0;
    parts->sanction_figures.emplace(0, sanction_figures_html(renderer, official, snapshot, registry));
    parts->award.emplace(0, award_html(renderer, registry, snapshot));
    if (snapshot) parts->league = std::make_shared<const LeagueParts>(league_parts(registry, *snapshot, renderer));
    std::set<std::int64_t> providers;
    for (const auto& summary : registry.list_areas()) {
        const auto area = registry.find_area(summary.area.id);
        if (!area) continue;
        const auto id = area->area.id.value;
        parts->area_ratings.emplace(id, area_ratings_html(renderer, snapshot, *area));
        parts->area_contracts.emplace(id, area_contracts_html(renderer, *area));
        for (const auto& contract : area->contracts) {
            providers.insert(contract.prime.id.value);
            for (const auto& sub : contract.subcontractors) providers.insert(sub.id.value);
        }
    }
    for (const auto id : providers) {
        const auto provider = registry.find_provider(ProviderId{id});
        if (!provider) continue;
        parts->provider_ratings.emplace(id, provider_ratings_html(renderer, snapshot, id));
        parts->provider_sanctions.emplace(id, provider_sanctions_html(renderer, snapshot, id));
        parts->provider_registry.emplace(id, provider_registry_html(renderer, *provider));
        for (const auto& office : provider->offices) {
            parts->office_ratings.emplace(office.id.value, office_ratings_html(renderer, snapshot, office.id.value));
        }
    }
    return parts;
}

}  // namespace pw::web
