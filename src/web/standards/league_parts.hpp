#pragma once
// Every provider's line of the league table, rendered once a snapshot (by the snapshot keeper,
// with the other page parts) so that a request only picks, orders and joins finished lines.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/league/table.hpp"
#include "core/publication/snapshot.hpp"
#include "core/registry/registry_repository.hpp"
#include "web/render/renderer.hpp"
#include "web/render/skeleton.hpp"

namespace pw::web {

// The choices of one filter, each an <option> with and without "selected".
struct FilterOptions {
    std::vector<std::string> values;
    std::vector<std::string> plain;
    std::vector<std::string> selected;

    std::string html(std::string_view chosen) const;
};

struct LeagueFilters {
    FilterOptions sorts;  // by league::Sort's value names: lower, mean, complaints, name
    FilterOptions kinds;  // any, prime, subcontractor
    FilterOptions programmes;
    FilterOptions areas;
};

LeagueFilters league_filters(registry::RegistryRepository& registry);

// What a request writes into the league page, each as HTML (escaped where it is text).
enum class LeagueSlot : std::size_t {
    sort_options,
    kind_options,
    programme_options,
    area_options,
    count,
    csv_url,
    rows,
    pages,  // the links between pages of the table, when it has more than one
    chart,
};
inline constexpr std::size_t kLeagueSlots = 9;

// The league page's data: its title, the period of the figures (none before any) and each slot.
mustache::data league_page_data(std::string_view period, std::span<const std::string> slots);

struct LeagueParts {
    std::vector<league::Row> rows;                   // every provider with a published status
    std::vector<std::string> html;                   // rows[k] as a row of the page's table
    std::vector<std::string> json;                   // rows[k] as an object of the JSON download
    std::vector<std::string> mark;                   // rows[k] on the chart (its likely range and score), at y = 0
    std::vector<std::string> chart_head;             // [n - 1]: the chart's opening for n marks, up to its minimum line
    std::vector<std::string> chart_slot;             // [n]: the opening of the group that moves mark n to its place
    std::array<std::vector<std::size_t>, 4> sorted;  // every position, in each league::Sort's order

    // The rows the query keeps, in its order (league::select_positions, sorted once).
    std::vector<std::size_t> select(const league::Query& query) const;
    // The scores of the first 25 of these rows with a score, as dots on lines (the interval)
    // against the minimum: an SVG that the table beside it repeats in words.
    std::string chart(std::span<const std::size_t> order) const;

    LeagueFilters filters;
    // The page for any query without an error, rendered once with the snapshot's period.
    std::optional<PageSkeleton> page;
};

LeagueParts league_parts(registry::RegistryRepository& registry, const publication::Snapshot& snapshot,
                         const Renderer& renderer);

}  // namespace pw::web
