// The award for the top-rated provider of each year (docs/standards.md): the winner, the top
// five with their likely ranges, the rule, and past years; all from the published snapshot.
#include <fmt/format.h>

#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

std::string name_of(const AppContext& app, std::int64_t provider_id) {
    const auto provider = app.registry.find_provider_ref(ProviderId{provider_id});
    return provider ? provider->name : "A provider no longer listed";
}

mustache::data place_view(const AppContext& app, const publication::AwardEntry& e) {
    mustache::data d;
    d.set("place", std::to_string(e.place));
    d.set("name", name_of(app, e.provider_id));
    d.set("url", fmt::format("/providers/{}", e.provider_id));
    d.set("score", fmt::format("{:.2f}", e.mean));
    d.set("range", fmt::format("{:.2f} to {:.2f}", e.lower, e.upper));
    d.set("raters", e.raters >= 100 ? fmt::format("about {}", e.raters / 10 * 10) : fmt::format("about {}", e.raters));
    return d;
}

Response award_page(const AppContext& app) {
    mustache::data data;
    data.set("title", "The award for the top-rated provider");
    const auto snapshot = app.published.current();
    static const decltype(snapshot->standards().awards) kNone;
    const auto& awards = snapshot ? snapshot->standards().awards : kNone;  // a reference, not a copy a request
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
        return html_page(app, "award", std::move(data));
    }
    const auto& [year, places] = *awards.rbegin();
    data.set("year", std::to_string(year));
    if (!places.empty()) {
        data.set("winner", name_of(app, places.front().provider_id));
        data.set("winner_url", fmt::format("/providers/{}", places.front().provider_id));
    }
    data.set("places", list_of(places, [&](const publication::AwardEntry& e) { return place_view(app, e); }));
    mustache::data past{mustache::data::type::list};
    for (auto it = std::next(awards.rbegin()); it != awards.rend(); ++it) {
        mustache::data d;
        d.set("year", std::to_string(it->first));
        d.set("winner", name_of(app, it->second.front().provider_id));
        d.set("url", fmt::format("/providers/{}", it->second.front().provider_id));
        past.push_back(d);
    }
    data.set("has_past", flag(!past.is_empty_list()));
    data.set("past", past);
    return html_page(app, "award", std::move(data));
}

}  // namespace

void add_award_routes(Router& router, const AppContext& app) {
    router.get(
        "/award", [&app](const Request&, const RouteParams&) { return award_page(app); }, Caching::public_page);
}

}  // namespace pw::web
