#pragma once
// The flood check (docs/integrity.md): a provider whose ratings in a month jump far above its
// own history, allowing for how its peers grew, or arrive with unusually uniform stars, is held:
// that month's ratings do not count towards status or the award until a moderator has looked.
// It reads only the published noisy cells, so it costs no privacy beyond theirs and a hold
// tells nobody more than the published figures do; the price is that a flood within four times
// the spread of an ordinary month (its noise included) is not seen: the rate limits stop those.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/publication/cells.hpp"

namespace pw::standards {

struct FloodSettings {
    int history_months = 6;        // the months before that make a provider's usual level
    int least_history = 3;         // fewer than this: its peers' usual level stands in
    double jump_sds = 4.0;         // held this many spreads of an ordinary month above what was expected
    double month_to_month = 0.25;  // an ordinary month may differ from the usual by about this share
    long long least_excess = 20;   // and never for fewer extra ratings than this
    double noise_sds = 3.0;        // a count is more than noise at this many of the noise's deviations
    double uniform_share = 0.85;   // one star value with this share of the month's overall stars
    double others_sds = 2.0;       // even with the other stars this many noise deviations higher
    double usual_share = 0.6;      // when it had less than this share before
    long long least_uniform = 30;  // and at least this many ratings of that star
    long long least_level = 10;    // a usual level under this (or under its noise) is no history
    std::size_t least_peers = 3;   // fewer providers with a history than this: a young site
};

// One provider's overall stars, noisy, summed over its leaves: the months before the one
// checked, oldest first (its held months left out, so a flood never becomes its history), and
// the month checked.
struct ProviderMonths {
    std::int64_t provider_id = 0;
    std::vector<publication::Histogram> before;
    publication::Histogram month{};
    double noise_sd = 0;  // of one month's total count (all its leaves' five cells)
};

enum class FloodKind { jump, uniform };

struct Hold {
    std::int64_t provider_id = 0;
    FloodKind kind = FloodKind::jump;
    long long count = 0;     // the month's noisy count
    long long expected = 0;  // what its history (and its peers) led one to expect
    std::string why;         // in words, for the moderator and the provider's page
};

// The providers to hold for one month; peers are all the providers given.
std::vector<Hold> check_floods(const std::vector<ProviderMonths>& providers, const FloodSettings& settings = {});

std::string_view flood_kind_name(FloodKind kind);  // as stored: "jump", "uniform"
std::optional<FloodKind> flood_kind_from(std::string_view name);

}  // namespace pw::standards
