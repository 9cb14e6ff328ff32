#pragma once
// Synthetic referral data with known regimes planted per unit, to measure what the detection
// tests find. Seeded: the same options give the same data on the same build.
#include <array>
#include <cstdint>
#include <string_view>
#include <optional>
#include <vector>

#include "analytics/referrals/table.hpp"

namespace pw::analytics {

enum class Regime { none, floor, period_end, league_race };
inline constexpr Regime kRegimes[] = {Regime::none, Regime::floor, Regime::period_end, Regime::league_race};
std::string_view regime_name(Regime regime);  // "none", "floor", "period-end", "league-race"
std::optional<Regime> regime_from(std::string_view name);

struct SimulationOptions {
    std::size_t units = 200;
    int weeks = 52;
    std::uint64_t seed = 1;
    Day start = day_from_civil(2012, 1, 2);  // a Monday
    double rate_low = 1.5;    // natural referrals per unit per week, drawn uniformly per unit
    double rate_high = 3.0;
    double dispersion = 0.1;  // alpha: variance = mean + alpha mean^2
    int quota = 3;            // floor regime: weeks below it are topped up to it (on the Friday)
    double catch_up = 0.35;   // period-end regime: share of referrals moved into the month's last 5 working days
    double race = 0.8;        // league-race regime: extra referrals per referral below last week's median
    std::array<double, 4> mix{0.55, 0.15, 0.15, 0.15};  // share of units in each regime, in kRegimes order
    std::size_t parents = 6;  // providers; units are spread across them
    std::size_t areas = 2;    // CPAs; providers are spread across them
    double adverse = 0.45;         // adverse share of ordinary referrals
    double adverse_quota = 0.25;   // of referrals made to meet a quota (weaker cases)
    double reconsidered = 0.25;    // share of adverse decisions reconsidered
    double overturn = 0.13;        // share of reconsiderations overturned
    double overturn_quota = 0.35;
};

struct Simulation {
    Events events;
    std::vector<Regime> regime;  // per unit
};

Simulation simulate(const SimulationOptions& options);

// Weekly counts per unit (with adverse counts), as a counts file would give them.
Counts weekly_counts(const Events& events);

}  // namespace pw::analytics
