#include "core/standards/flood.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pw::standards {

namespace {

using publication::Histogram;

double total(const Histogram& h) {
    return std::max(0.0, static_cast<double>(std::accumulate(h.begin(), h.end(), 0LL)));
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::ranges::sort(values);
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Its usual monthly count: the median of its last months (noise makes some negative: none is).
std::optional<double> usual_level(const ProviderMonths& p, const FloodSettings& settings) {
    if (static_cast<int>(p.before.size()) < settings.least_history) return std::nullopt;
    std::vector<double> counts;
    const auto from = p.before.size() - std::min<std::size_t>(p.before.size(), settings.history_months);
    for (auto i = from; i < p.before.size(); ++i) counts.push_back(total(p.before[i]));
    return median(counts);
}

// Whether its usual level is more than its noise: a median of six noisy months wanders by
// about half a month's noise, so three times that, and never under the peer floor.
bool established(const ProviderMonths& p, double usual, const FloodSettings& settings) {
    return usual >= std::max(static_cast<double>(settings.least_peer_level), settings.noise_sds * p.noise_sd / 2);
}

struct Peers {
    std::size_t established = 0;  // peers with a usual level above their noise
    double growth = 1;            // the median established peer's month against its usual level; never under 1
    double level = 0;             // the median usual level, for a provider with too little history
};

Peers peers_of(const std::vector<ProviderMonths>& providers, const std::vector<std::optional<double>>& usual,
               std::size_t except, const FloodSettings& settings) {
    std::vector<double> growth, level;
    for (std::size_t i = 0; i < providers.size(); ++i) {
        if (i == except || !usual[i]) continue;
        level.push_back(*usual[i]);
        if (established(providers[i], *usual[i], settings)) growth.push_back(total(providers[i].month) / *usual[i]);
    }
    Peers out{growth.size(), 1, median(level)};
    if (growth.size() >= settings.least_peers) out.growth = std::max(1.0, median(growth));
    return out;
}

// A young site, where too few providers have a history above the noise, judges no jumps: there
// is nothing to tell a flood from the first ratings anyone gives.
std::optional<Hold> jump(const ProviderMonths& p, const std::optional<double>& usual, const Peers& peers,
                         const FloodSettings& settings) {
    const bool self = usual && established(p, *usual, settings);
    if (peers.established + (self ? 1 : 0) < settings.least_peers) return std::nullopt;
    const double expected = usual ? *usual * peers.growth : peers.level;
    const double count = total(p.month);
    const double line = std::max(settings.jump * expected + settings.noise_sds * p.noise_sd,
                                 expected + static_cast<double>(settings.least_excess));
    if (count <= line) return std::nullopt;
    Hold hold{p.provider_id, FloodKind::jump, std::llround(count), std::llround(expected), ""};
    hold.why = usual ? fmt::format("About {} ratings arrived in the month, where about {} were expected from its "
                                   "last months and how other providers grew",
                                   hold.count, hold.expected)
                     : fmt::format("About {} ratings arrived in the month, where a provider usually has about {}",
                                   hold.count, hold.expected);
    return hold;
}

std::optional<Hold> uniform(const ProviderMonths& p, const FloodSettings& settings) {
    const double count = total(p.month);
    if (count <= 0) return std::nullopt;
    const auto top = std::ranges::max_element(p.month) - p.month.begin();
    const double top_count = static_cast<double>(p.month[top]);
    // The noise of one star's cells is a fifth of the month's total's variance.
    const double star_sd = p.noise_sd / std::sqrt(5.0);
    if (top_count < static_cast<double>(settings.least_uniform) + settings.noise_sds * star_sd) return std::nullopt;
    if (top_count / count < settings.uniform_share) return std::nullopt;
    Histogram before{};
    for (const auto& h : p.before) {
        for (std::size_t i = 0; i < h.size(); ++i) before[i] += h[i];
    }
    const double before_total = total(before);
    // Without enough ratings before, nothing is unusual: its first ratings may all agree.
    if (before_total < static_cast<double>(settings.least_uniform)) return std::nullopt;
    const double usual = std::max(0.0, static_cast<double>(before[top])) / before_total;
    if (usual >= settings.usual_share) return std::nullopt;
    Hold hold{p.provider_id, FloodKind::uniform, std::llround(count), 0, ""};
    hold.why = fmt::format("About {:.0f}% of the month's ratings gave {} star{}, where {:.0f}% did before",
                           std::floor(100 * top_count / count), top + 1, top == 0 ? "" : "s", std::ceil(100 * usual));
    return hold;
}

}  // namespace

std::vector<Hold> check_floods(const std::vector<ProviderMonths>& providers, const FloodSettings& settings) {
    std::vector<Hold> out;
    std::vector<std::optional<double>> usual;
    for (const auto& p : providers) usual.push_back(usual_level(p, settings));
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const auto& p = providers[i];
        if (auto hold = jump(p, usual[i], peers_of(providers, usual, i, settings), settings)) {
            out.push_back(std::move(*hold));
        } else if (auto odd = uniform(p, settings)) {
            out.push_back(std::move(*odd));
        }
    }
    return out;
}

std::string_view flood_kind_name(FloodKind kind) {
    return kind == FloodKind::jump ? "jump" : "uniform";
}

std::optional<FloodKind> flood_kind_from(std::string_view name) {
    if (name == "jump") return FloodKind::jump;
    if (name == "uniform") return FloodKind::uniform;
    return std::nullopt;
}

}  // namespace pw::standards
