// Each published snapshot as open data at a stable address, with the method that made it:
// /open-data/snapshots (the list), /open-data/snapshots/{id}/figures.csv and figures.json.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/disclosure/ledger.hpp"
#include "core/disclosure/noise.hpp"
#include "store/publication/publication.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

namespace json = boost::json;
using namespace publication;

namespace {

// "overall", then the aspects' own keys.
std::string_view measure_name(std::size_t measure) {
    return measure == 0 ? "overall" : ratings::aspect_key(ratings::kAspects[measure - 1]);
}

// The snapshot asked for: the one in memory when it is current, else read from the store.
std::shared_ptr<const Snapshot> find_snapshot(const AppContext& app, std::string_view id_text) {
    const auto id = parse_id(id_text);
    if (!id) return nullptr;
    auto current = app.published.current();
    if (current && current->info().id == *id) return current;
    return store::load_snapshot(app.db, *id);
}

json::object method_json(const SnapshotInfo& info) {
    json::array ledger;
    for (const auto& line : disclosure::kLedger) {
        ledger.push_back({{"what", line.what}, {"epsilon", line.epsilon}, {"times", line.times}});
    }
    return {{"id", info.id},
            {"period", info.period.to_string()},
            {"window_start", info.window_start.to_string()},
            {"published", info.published.to_string()},
            {"method", info.method_version},
            {"mechanism", "two-sided geometric noise, drawn once per leaf cell and month; units are sums of leaves"},
            {"epsilon_per_rating", disclosure::epsilon_per_rating()},
            {"epsilon_per_sanction_case", disclosure::epsilon_per_sanction_case()},
            {"ledger", std::move(ledger)},
            {"documentation", "/about/figures"}};
}

json::array counts(std::span<const long long> values) {
    json::array out;
    for (auto v : values) out.push_back(v);
    return out;
}

Response figures_json(const Snapshot& snapshot) {
    json::array units;
    auto unit = [&](std::string_view kind, std::int64_t id, std::int64_t area, const RatingSum& sum) {
        json::object o{{"kind", kind}, {"id", id}, {"cells_summed", sum.cells_summed}};
        if (area) o["area_id"] = area;
        for (std::size_t m = 0; m < kRatingMeasures; ++m) o[measure_name(m)] = counts(sum.cells.measures[m]);
        units.push_back(std::move(o));
    };
    for (const auto& [key, sum] : snapshot.unit_sums()) unit(ratings::unit_kind_key(key.kind), key.id, key.area_id, sum);
    unit("programme", 0, 0, snapshot.programme());
    json::array referrers;
    for (const auto& [referrer, sum] : snapshot.referrer_sums()) {
        referrers.push_back({{"provider_id", referrer == 0 ? json::value(nullptr) : json::value(referrer)},
                             {"jobcentre_plus", referrer == 0},
                             {"cells_summed", sum.cells_summed},
                             {"logged_by_reason", counts(sum.cells.logged_by_reason)},
                             {"decided", sum.cells.decided},
                             {"adverse", sum.cells.adverse},
                             {"overturned", sum.cells.overturned}});
    }
    return json_response(json::object{{"snapshot", method_json(snapshot.info())},
                                      {"notes", "Counts are noisy sums, unclamped: a count may be below zero. "
                                                "Stars are listed from 1 to 5."},
                                      {"ratings", std::move(units)},
                                      {"sanction_referrals", std::move(referrers)}});
}

Response figures_csv(const Snapshot& snapshot) {
    std::string out = "snapshot,period,kind,id,area_id,cells_summed,measure,stars_1,stars_2,stars_3,stars_4,stars_5\n";
    const auto& info = snapshot.info();
    auto rows = [&](std::string_view kind, std::int64_t id, std::int64_t area, const RatingSum& sum) {
        for (std::size_t m = 0; m < kRatingMeasures; ++m) {
            const auto& h = sum.cells.measures[m];
            out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", info.id, info.period.to_string(), kind, id,
                               area ? std::to_string(area) : std::string(), sum.cells_summed, measure_name(m), h[0],
                               h[1], h[2], h[3], h[4]);
        }
    };
    for (const auto& [key, sum] : snapshot.unit_sums()) rows(ratings::unit_kind_key(key.kind), key.id, key.area_id, sum);
    rows("programme", 0, 0, snapshot.programme());
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.set_header("Content-Disposition",
                        fmt::format("attachment; filename=\"providerwatch-figures-{}.csv\"", info.period.to_string()));
    response.body = std::move(out);
    return response;
}

Response snapshot_list(const AppContext& app) {
    json::array list;
    for (const auto& info : store::list_snapshots(app.db)) {
        list.push_back({{"id", info.id},
                        {"period", info.period.to_string()},
                        {"published", info.published.to_string()},
                        {"csv", fmt::format("/open-data/snapshots/{}/figures.csv", info.id)},
                        {"json", fmt::format("/open-data/snapshots/{}/figures.json", info.id)}});
    }
    return json_response(json::object{{"snapshots", std::move(list)}});
}

}  // namespace

void add_open_data_routes(Router& router, const AppContext& app) {
    router.get(
        "/open-data/snapshots", [&app](const Request&, const RouteParams&) { return snapshot_list(app); },
        Caching::public_page);
    router.get(
        "/open-data/snapshots/{id}/figures.json",
        [&app](const Request&, const RouteParams& p) {
            const auto snapshot = find_snapshot(app, p.get("id"));
            return snapshot ? figures_json(*snapshot) : json_error(404, "no such snapshot");
        },
        Caching::public_page);
    router.get(
        "/open-data/snapshots/{id}/figures.csv",
        [&app](const Request&, const RouteParams& p) {
            const auto snapshot = find_snapshot(app, p.get("id"));
            return snapshot ? figures_csv(*snapshot) : error_page(app, 404);
        },
        Caching::public_page);
    router.get(
        "/about/figures",
        [&app](const Request&, const RouteParams&) {
            mustache::data data;
            put(data, "title", "How published figures protect the people who rate");
            put(data, "published", snapshot_note(app.published.current().get()));
            put(data, "epsilon_rating", fmt::format("{:g}", disclosure::epsilon_per_rating()));
            put(data, "epsilon_case", fmt::format("{:g}", disclosure::epsilon_per_sanction_case()));
            return html_page(app, "about_figures", std::move(data));
        },
        Caching::public_page);
}

}  // namespace pw::web
