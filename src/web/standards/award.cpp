// The award for the top-rated provider of each year (docs/standards.md): the winner, the top
// five with their likely ranges, the rule, and past years; all from the published snapshot, so
// the page is rendered once a snapshot with the other page parts.
#include "web/standards/award.hpp"

#include <fmt/format.h>

#include "core/standards/award.hpp"
#include "web/pages/page.hpp"
#include "web/registry/page_parts.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

std::string name_of(registry::RegistryRepository& registry, std::int64_t provider_id) {
    const auto provider = registry.find_provider_ref(ProviderId{provider_id});
    return provider ? provider->name : "A provider no longer listed";
}

mustache::data place_view(registry::RegistryRepository& registry, const publication::AwardEntry& e) {
    mustache::data d;
    d.set("place", std::to_string(e.place));
    d.set("name", name_of(registry, e.provider_id));
    d.set("url", fmt::format("/providers/{}", e.provider_id));
    d.set("score", fmt::format("{:.2f}", e.mean));
    d.set("range", fmt::format("{:.2f} to {:.2f}", e.lower, e.upper));
    d.set("raters", e.raters >= 100 ? fmt::format("about {}", e.raters / 10 * 10) : fmt::format("about {}", e.raters));
    return d;
}

}  // namespace

std::string award_html(const Renderer& renderer, registry::RegistryRepository& registry,
                       const publication::Snapshot* snapshot) {
    mustache::data data;
    static const decltype(snapshot->standards().awards) kNone;
    const auto& awards = snapshot ? snapshot->standards().awards : kNone;
    if (snapshot) {
        const int next =
            snapshot->info().period.month() == 12 ? snapshot->info().period.year() + 1 : snapshot->info().period.year();
        data.set("next_year", std::to_string(next));
        data.set("next_decided", fmt::format("January {}", next + 1));
    }
    if (snapshot) {  // the last whole year, when its award waits for held months to be looked at
        const auto& period = snapshot->info().period;
        const int last = period.month() == 12 ? period.year() : period.year() - 1;
        long long held = 0;
        for (const auto& [provider, months] : snapshot->standards().holds) {
            for (const auto& m : months) held += m.state == standards::HoldState::held && m.month.year() == last;
        }
        if (held > 0 && !awards.contains(last)) {
            data.set("waiting", fmt::format("The award for {} waits until moderators have looked at {} held month{} of "
                                            "ratings.",
                                            last, held, held == 1 ? "" : "s"));
        }
    }
    if (awards.empty()) {
        data.set("none_yet", flag(true));
        return renderer.render("parts/award", data);
    }
    const auto& [year, places] = *awards.rbegin();
    data.set("year", std::to_string(year));
    if (!places.empty()) {
        data.set("winner", name_of(registry, places.front().provider_id));
        data.set("winner_url", fmt::format("/providers/{}", places.front().provider_id));
        // A lead within the noise is said, not hidden: the rule still names one winner.
        if (const int close = standards::places_within_reach(places); close > 0)
            data.set("close",
                     close == 1 ? std::string("A close result: the runner-up's likely range reaches the winner's, so "
                                              "another year's ratings could have put it first. The award goes by the "
                                              "rule below all the same.")
                                : fmt::format("A close result: the likely ranges of {} of the top five reach the "
                                              "winner's, so another year's ratings could have put one of them first. "
                                              "The award goes by the rule below all the same.",
                                              close));
    }
    data.set("places", list_of(places, [&](const publication::AwardEntry& e) { return place_view(registry, e); }));
    mustache::data past{mustache::data::type::list};
    for (auto it = std::next(awards.rbegin()); it != awards.rend(); ++it) {
        mustache::data d;
        d.set("year", std::to_string(it->first));
        d.set("winner", name_of(registry, it->second.front().provider_id));
        d.set("url", fmt::format("/providers/{}", it->second.front().provider_id));
        past.push_back(d);
    }
    data.set("has_past", flag(!past.is_empty_list()));
    data.set("past", past);
    return renderer.render("parts/award", data);
}

namespace {

Response award_page(const AppContext& app) {
    mustache::data data;
    data.set("title", "The award for the top-rated provider");
    const auto snapshot = app.published.current();
    const auto parts = app.page_parts.current();
    std::string scratch;
    put(data, "award_html", std::string(part_or(parts.get(), snapshot.get(), &PageParts::award, 0, scratch, [&] {
            return award_html(app.renderer, app.registry, snapshot.get());
        })));
    return html_page(app, "award", std::move(data));
}

}  // namespace

void add_award_routes(Router& router, const AppContext& app) {
    router.get(
        "/award", [&app](const Request&, const RouteParams&) { return award_page(app); }, Caching::public_page);
}

}  // namespace pw::web
