// Published official sanction figures, each with its source, and what they show when the
// providers named in them are compared.
#include <algorithm>

#include <fmt/format.h>

#include "core/statistics/proportions.hpp"
#include "store/sanctions_published.hpp"
#include "web/pages/page.hpp"
#include "web/publication/read_model.hpp"
#include "web/registry/page_parts.hpp"
#include "web/routes.hpp"
#include "web/sanctions/views.hpp"

namespace pw::web {

namespace {

std::string p_value_text(double p) {
    if (p < 1e-10) return "less than 1 in 10 billion";
    if (p < 0.0001) return fmt::format("{:.1e}", p);
    return fmt::format("{:.4f}", p);
}

Response sanction_figures_page(const AppContext& app) {
    const auto snapshot = app.published.current();
    const auto parts = app.page_parts.current();
    std::string scratch;
    mustache::data data;
    put(data, "title", "Sanctions: published figures");
    put(data, "body_html",
        std::string(part_or(parts.get(), snapshot.get(), &PageParts::sanction_figures, 0, scratch, [&] {
            return sanction_figures_html(app.renderer, store::official_figures(app.db), snapshot.get(), app.registry);
        })));
    return html_page(app, "sanction_figures", std::move(data));
}

}  // namespace

std::string sanction_figures_html(const Renderer& renderer, const store::OfficialFigures& official,
                                  const publication::Snapshot* snapshot, registry::RegistryRepository& registry) {
    mustache::data data;
    put(data, "figures", list_of(official.figures, [](const sanctions::PublishedFigure& f) {
            mustache::data d;
            put(d, "metric", f.metric);
            put(d, "value", f.value);
            put(d, "unit", f.unit);
            put(d, "period", f.period);
            put(d, "source", f.source);
            return d;
        }));
    std::vector<statistics::Group> groups;
    put(data, "providers", list_of(official.providers, [&](const sanctions::ProviderSanctions& p) {
            mustache::data d;
            put(d, "provider", p.provider);
            put(d, "scope", p.scope);
            put(d, "period", p.period);
            put(d, "referrals", std::to_string(p.referrals));
            put(d, "sanctions", std::to_string(p.sanctions));
            put(d, "share",
                p.referrals > 0 ? fmt::format("{:.1f}%", 100.0 * p.sanctions / p.referrals) : "none referred");
            put(d, "source", p.source);
            if (p.scope != "national") {
                groups.push_back({p.provider, static_cast<double>(p.sanctions), static_cast<double>(p.referrals)});
            }
            return d;
        }));
    // Shown when the published counts allow it (two providers or more, each with referrals).
    if (const auto test = statistics::equal_proportions(groups)) {
        std::string names;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            names += (i == 0 ? "" : i + 1 == groups.size() ? " and " : ", ") + groups[i].name;
        }
        mustache::data t;
        put(t, "names", names);
        put(t, "statistic", fmt::format("{:.0f}", test->statistic));
        put(t, "df", std::to_string(test->degrees_of_freedom));
        put(t, "p", p_value_text(test->p_value));
        put(t, "pooled", fmt::format("{:.1f}%", 100 * test->pooled_share));
        put(data, "test", t);
    }
    put(data, "published", snapshot_note(snapshot));
    std::vector<std::pair<std::string, publication::SanctionFigures>> referrers;
    if (snapshot) {
        for (const auto& [referrer, sum] : snapshot->referrer_sums()) {
            auto figures = snapshot->sanctions(referrer);
            if (!figures.shown()) continue;
            if (referrer == 0) {
                referrers.emplace_back("Jobcentre Plus", figures);
            } else if (auto provider = registry.find_provider_ref(ProviderId{referrer})) {
                referrers.emplace_back(provider->name, figures);
            }
        }
        std::ranges::sort(referrers, {}, [](const auto& entry) { return entry.first; });
    }
    put(data, "self_reported", list_of(referrers, [](const auto& entry) {
            mustache::data d = sanction_figures_view(entry.second);
            put(d, "referrer", entry.first);
            return d;
        }));
    return renderer.render("parts/sanction_figures", data);
}

void add_sanction_routes(Router& router, const AppContext& app) {
    router.get(
        "/sanctions/figures", [&app](const Request&, const RouteParams&) { return sanction_figures_page(app); },
        Caching::public_page);
}

}  // namespace pw::web
