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

// Whether a month's count is more than noise.
bool rated(const ProviderMonths& p, const publication::Histogram& month, const FloodSettings& settings) {
    return total(month) >= std::max(static_cast<double>(settings.least_level), settings.noise_sds * p.noise_sd);
}

// Whether it has a history: most of its last months, and at least least_history, were rated
// above the noise. A median over months mostly of nobody rating is a median of noise.
bool established(const ProviderMonths& p, const FloodSettings& settings) {
    const auto n = std::min<std::size_t>(p.before.size(), settings.history_months);
    const auto rated_months = std::count_if(p.before.end() - static_cast<std::ptrdiff_t>(n), p.before.end(),
                                            [&](const auto& month) { return rated(p, month, settings); });
    return rated_months >= settings.least_history && 2 * static_cast<std::size_t>(rated_months) > n;
}

// What the months before say of the site as a whole. Only earlier months: nothing sent this
// month can change how this month is judged.
struct Site {
    std::vector<std::optional<double>> usual;  // by provider: with at least least_history months
    std::vector<bool> established;             // by provider: a usual level above its noise
    // Young: fewer than least_peers providers with a history above their noise, or most of those
    // rated last month without one (everyone starting together, as when the site or a programme
    // opens). Then only providers with a history of their own are judged.
    bool young = true;
    double peer_level = 0;  // the median established usual level: what a provider without history is held to
};

Site site_of(const std::vector<ProviderMonths>& providers, const FloodSettings& settings) {
    Site site;
    std::size_t count = 0, rated_last = 0, rated_last_established = 0;
    std::vector<double> levels;
    for (const auto& p : providers) {
        const auto usual = usual_level(p, settings);
        const bool known = usual && established(p, settings);
        site.usual.push_back(usual);
        site.established.push_back(known);
        if (known) {
            ++count;
            levels.push_back(*usual);
        }
        if (!p.before.empty() && rated(p, p.before.back(), settings)) {
            ++rated_last;
            if (known) ++rated_last_established;
        }
    }
    site.young = count < settings.least_peers || 2 * rated_last_established < rated_last;
    site.peer_level = median(levels);
    return site;
}

// The median established peer's month against its usual level, never under 1 (1 with too few).
double peers_growth(const std::vector<ProviderMonths>& providers, const Site& site, std::size_t except,
                    const FloodSettings& settings) {
    std::vector<double> growth;
    for (std::size_t i = 0; i < providers.size(); ++i) {
        if (i != except && site.established[i]) growth.push_back(total(providers[i].month) / *site.usual[i]);
    }
    return growth.size() >= settings.least_peers ? std::max(1.0, median(growth)) : 1.0;
}

std::optional<Hold> jump(const ProviderMonths& p, std::size_t i, const Site& site, double growth,
                         const FloodSettings& settings) {
    const auto& usual = site.usual[i];
    if (site.young && !site.established[i]) return std::nullopt;  // nothing to tell a flood from a start
    const double expected = usual ? *usual * growth : site.peer_level;
    // How far an ordinary month strays: chance (a count's own spread, from the larger of what was
    // expected and what came, so a small provider's good month is not a flood), a provider's months
    // differing by a quarter either way, the publication's noise in this month, and the noise in the
    // usual level it is compared with (a median of n noisy months: about 1.57/n of one month's).
    const double count = total(p.month);
    const double history =
        usual ? static_cast<double>(std::min<std::size_t>(p.before.size(), settings.history_months)) : 1.0;
    const double noise = p.noise_sd * p.noise_sd;
    const double spread = std::sqrt(std::max(expected, count) + std::pow(settings.month_to_month * expected, 2) +
                                    noise + (usual ? 1.57 / history * noise * growth * growth : 0.0));
    const double line = expected + std::max(static_cast<double>(settings.least_excess), settings.jump_sds * spread);
    if (count <= line) return std::nullopt;
    Hold hold{p.provider_id, FloodKind::jump, std::llround(count), std::llround(expected), ""};
    hold.why = usual ? fmt::format(
                           "About {} ratings arrived in the month, where about {} were expected from its "
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
    // The other four stars' cells carry noise of their own: the month is alike only if even the
    // top of their likely count leaves the one star its share.
    const double others = count - top_count;
    const double others_top = others + settings.others_sds * 2 * star_sd;
    if (others_top > top_count * (1 - settings.uniform_share) / settings.uniform_share) return std::nullopt;
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
        if (auto hold = jump(p, i, site, peers_growth(providers, site, i, settings), settings)) {
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
