#pragma once
// Synthetic referral data with known regimes planted per office, to measure what the detection
// tests find. It shares nothing with the detector but the data types and the bank-holiday
// calendar: its own draws (Poisson days under a log-normal week effect, not the detector's
// gamma-Poisson weeks), its own medians, its own idea of a month's end. Offices are staffed day
// by day: some only part of the week, all closed on their nation's bank holidays, with a seasonal
// swing in caseloads. Seeded: the same options give the same data on the same build.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
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
    double rate_low = 1.5;  // natural referrals per office per full (5-day) week, drawn uniformly per office
    double rate_high = 3.0;
    double dispersion = 0.1;       // variance of the log-normal week effect's ratio: var = mean + dispersion mean^2
    double seasonal = 0.15;        // caseloads swing by this share over the year (peak in January)
    double part_time = 0.15;       // share of offices staffed on only some weekdays
    bool bank_holidays = true;     // offices close on their nation's bank holidays
    int quota = 3;                 // floor regime: weekly referrals the office is told to reach
    double top_up = 1.0;           // floor regime: share of each week's shortfall made up (on the week's last open day)
    double catch_up = 0.35;        // period-end regime: share of a month's referrals moved into its last 5 working days
    double month_end_extra = 0.5;  // period-end regime: referrals added in those days, per month, on average
    double race = 0.8;             // league-race regime: extra referrals per referral below last week's median
    std::array<double, 4> mix{0.55, 0.15, 0.15, 0.15};  // share of offices in each regime, in kRegimes order
    std::size_t advisers = 0;  // 0: offices only; else advisers per office, each at rate_low..rate_high, each
                               // under the office's regime (a quota each; a league of the office's advisers)
    std::size_t parents = 6;                            // providers; offices are spread across them
    std::size_t areas = 2;                              // CPAs; providers are spread across them
    double adverse = 0.45;                              // adverse share of ordinary referrals
    double adverse_quota = 0.25;                        // of referrals made to meet a quota (weaker cases)
    double reconsidered = 0.25;                         // share of adverse decisions reconsidered
    double overturn = 0.13;                             // share of reconsiderations overturned
    double overturn_quota = 0.35;
};

struct Simulation {
    Events events;                        // open_days are not written: the detector must find them
    std::vector<Regime> regime;           // per office
    std::vector<std::uint8_t> open_days;  // per office: the weekdays it is staffed (bit 0 = Monday)
};

Simulation simulate(const SimulationOptions& options);

// Weekly counts per unit (with adverse counts), as a counts file would give them.
Counts weekly_counts(const Events& events);

}  // namespace pw::analytics
