#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "analytics/referrals/writer.hpp"
#include "analytics/simulation/simulate.hpp"
#include "cli/commands/commands.hpp"
#include "core/csv/csv.hpp"

namespace pw::cli {
namespace {

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << text;
    stream.close();
    return static_cast<bool>(stream);
}

// "none=0.55,floor=0.15,period-end=0.15,league-race=0.15"
std::optional<std::array<double, 4>> parse_mix(const std::string& text) {
    std::array<double, 4> mix{0, 0, 0, 0};
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = std::min(text.find(',', at), text.size());
        const auto item = text.substr(at, end - at);
        const auto eq = item.find('=');
        if (eq == std::string::npos) return std::nullopt;
        const auto regime = analytics::regime_from(item.substr(0, eq));
        if (!regime) return std::nullopt;
        try {
            std::size_t used = 0;
            const double share = std::stod(item.substr(eq + 1), &used);
            if (used != item.size() - eq - 1 || share < 0) return std::nullopt;
            mix[static_cast<std::size_t>(*regime)] = share;
        } catch (const std::exception&) {
            return std::nullopt;
        }
        at = end + 1;
    }
    if (mix[0] + mix[1] + mix[2] + mix[3] <= 0) return std::nullopt;
    return mix;
}

}  // namespace

void add_simulate(CLI::App& app, int& exit_code) {
    static analytics::SimulationOptions options;
    static std::string out, truth, format = "events", mix;
    auto* cmd = app.add_subcommand("simulate", "Write synthetic referral data with planted quota regimes");
    cmd->add_option("--out", out, "CSV file to write")->required();
    cmd->add_option("--format", format, "events or counts (weekly)")->check(CLI::IsMember({"events", "counts"}));
    cmd->add_option("--truth", truth, "Also write each unit's planted regime to this CSV file");
    cmd->add_option("--units", options.units, "Number of units (offices)")->check(CLI::Range(1, 10'000'000));
    cmd->add_option("--weeks", options.weeks, "Number of weeks")->check(CLI::Range(1, 5200));
    cmd->add_option("--seed", options.seed, "Random seed: the same seed gives the same file");
    cmd->add_option("--quota", options.quota, "Weekly quota of the floor regime")->check(CLI::Range(1, 1000));
    cmd->add_option("--rate-low", options.rate_low, "Lowest natural referrals per unit per week")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("--rate-high", options.rate_high, "Highest natural referrals per unit per week")
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("--dispersion", options.dispersion, "Over-dispersion alpha (variance = mean + alpha mean^2)")
        ->check(CLI::Range(0.0, 10.0));
    cmd->add_option("--catch-up", options.catch_up, "Period-end regime: share of referrals moved to the month's end")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--race", options.race, "League-race regime: extra referrals per referral below the median")
        ->check(CLI::Range(0.0, 10.0));
    cmd->add_option("--part-time", options.part_time, "Share of offices staffed only two or three days a week")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--seasonal", options.seasonal, "Seasonal swing in caseloads over the year, as a share")
        ->check(CLI::Range(0.0, 0.9));
    cmd->add_option("--top-up", options.top_up, "Floor regime: share of each week's shortfall below the quota made up")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--month-end-extra", options.month_end_extra,
                    "Period-end regime: referrals added in the month's last 5 working days, per month on average")
        ->check(CLI::Range(0.0, 100.0));
    cmd->add_option("--advisers", options.advisers,
                    "Advisers per office, written in an adviser column; each has a quota or races the others "
                    "under its office's regime (0: offices only)")
        ->check(CLI::Range(0, 100));
    cmd->add_flag("!--no-bank-holidays", options.bank_holidays, "Keep offices open on bank holidays");
    cmd->add_option("--mix", mix,
                    "Share of units per regime, e.g. none=0.55,floor=0.15,period-end=0.15,league-race=0.15");
    cmd->footer("Example: providerwatch simulate --units 300 --seed 7 --out referrals.csv --truth regimes.csv");
    cmd->callback([&exit_code] {
        if (options.rate_high < options.rate_low) {
            exit_code = report_error("--rate-high must be at least --rate-low", usage);
            return;
        }
        if (!mix.empty()) {
            auto parsed = parse_mix(mix);
            if (!parsed) {
                exit_code =
                    report_error("--mix must look like none=0.55,floor=0.15,period-end=0.15,league-race=0.15", usage);
                return;
            }
            options.mix = *parsed;
        }
        const auto sim = analytics::simulate(options);
        const std::string text = format == "events" ? analytics::events_csv(sim.events)
                                                    : analytics::counts_csv(analytics::weekly_counts(sim.events));
        if (!write_file(out, text)) {
            exit_code = report_error("cannot write " + out);
            return;
        }
        if (!truth.empty()) {
            std::string rows = csv::format_row({"unit", "regime", "open_days"});
            for (std::size_t u = 0; u < sim.regime.size(); ++u)
                rows += csv::format_row({sim.events.units.names.name(static_cast<std::uint32_t>(u)),
                                         std::string(analytics::regime_name(sim.regime[u])),
                                         analytics::open_days_text(sim.open_days[u])});
            if (!write_file(truth, rows)) {
                exit_code = report_error("cannot write " + truth);
                return;
            }
        }
        std::cerr << fmt::format("wrote {} referrals for {} units over {} weeks to {}\n", sim.events.size(),
                                 options.units, options.weeks, out);
    });
}

}  // namespace pw::cli
