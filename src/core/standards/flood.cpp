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

// Whether this month's count is more than noise.
bool rated_now(const ProviderMonths& p, const FloodSettings& settings) {
    return total(p.month) >= std::max(static_cast<double>(settings.least_peer_level), settings.noise_sds * p.noise_sd);
}

// What the site as a whole says, from the providers with a history above their noise.
struct Site {
    std::vector<std::optional<double>> usual;  // by provider: established usual levels only
    bool judged = false;                       // enough history to tell a flood from a start
};

// A young site judges no jumps: fewer than `least_peers` providers have a history, or most of
// the providers rated this month have none (everyone is starting, as on the first months of the
// site or of a programme), and a flood cannot be told from the first ratings anyone gives.
Site site_of(const std::vector<ProviderMonths>& providers, const FloodSettings& settings) {
    Site site;
    std::size_t established_count = 0, rated = 0, rated_with_history = 0;
    for (const auto& p : providers) {
        auto usual = usual_level(p, settings);
        if (usual && !established(p, *usual, settings)) usual.reset();
        if (usual) ++established_count;
        if (rated_now(p, settings)) {
            ++rated;
            if (usual) ++rated_with_history;
        }
        site.usual.push_back(usual);
    }
    site.judged = established_count >= settings.least_peers && 2 * rated_with_history >= rated;
    return site;
}

struct Peers {
    double growth = 1;  // the median peer's month against its usual level; never under 1
    double level = 0;   // the median usual level: what a provider without a history is held to
};

Peers peers_of(const std::vector<ProviderMonths>& providers, const Site& site, std::size_t except,
               const FloodSettings& settings) {
    std::vector<double> growth, level;
    for (std::size_t i = 0; i < providers.size(); ++i) {
        if (i == except || !site.usual[i]) continue;
        level.push_back(*site.usual[i]);
        growth.push_back(total(providers[i].month) / *site.usual[i]);
    }
    Peers out{1, median(level)};
    if (growth.size() >= settings.least_peers) out.growth = std::max(1.0, median(growth));
    return out;
}

std::optional<Hold> jump(const ProviderMonths& p, const std::optional<double>& usual, const Peers& peers,
                         const FloodSettings& settings) {
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
    // Without enough ratings before, nothing is unusual: its first ratings may all agree. Months
    // of nobody rating still sum to some noise, so "enough" is above that noise too.
    const double before_sd = p.noise_sd * std::sqrt(static_cast<double>(p.before.size()));
    if (before_total < std::max(static_cast<double>(settings.least_uniform), settings.noise_sds * before_sd))
        return std::nullopt;
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
    const auto site = site_of(providers, settings);
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const auto& p = providers[i];
        std::optional<Hold> hold;
        if (site.judged) hold = jump(p, site.usual[i], peers_of(providers, site, i, settings), settings);
        if (hold) {
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
