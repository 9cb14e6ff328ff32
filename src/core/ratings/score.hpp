#pragma once
// The public score of a unit (office, provider, area): a Bayesian mean pulled towards the
// programme-wide mean, with a credible interval, shown only once enough people have rated.
// DESIGN.md, "Ratings and standards". Every threshold is a setting.
#include <array>
#include <optional>

#include "core/common/month.hpp"

namespace pw::ratings {

struct ScoreSettings {
    double prior_strength = 7.0;  // the programme mean weighs as much as this many ratings
    double credibility = 0.90;    // of the interval
    long long min_raters = 10;    // below this, "not enough ratings yet"
    int window_months = 24;       // ratings older than this no longer count
    double standard = 3.0;        // stars: the campaign's minimum
};

// How many ratings gave 1, 2, 3, 4 and 5 stars.
using StarCounts = std::array<long long, 5>;

long long total(const StarCounts& counts);

struct Prior {
    double mean = 3.0;
    double variance = 1.5;
};

// The programme-wide prior from every rating in the window; neutral when there are too few.
Prior prior_from(const StarCounts& programme, const ScoreSettings& settings);

struct Score {
    long long raters = 0;         // from a snapshot: the noisy count, which may be off either way
    StarCounts distribution{};    // from a snapshot: the noisy counts, none below zero
    long long shown_from = 0;     // the count at which a score is shown
    bool shown = false;  // false: "not enough ratings yet", and mean/lower/upper mean nothing
    double mean = 0;
    double lower = 0;
    double upper = 0;
};

// Normal approximation to the posterior of the mean star rating: the prior acts as
// prior_strength pseudo-ratings with the programme's mean and variance.
Score score(const StarCounts& counts, const Prior& prior, const ScoreSettings& settings);

// The same from noisy counts (the published snapshot), each count carrying noise of the given
// variance. The score is shown only when the noisy total reaches the minimum or twice the
// noise's spread three times over, whichever is larger; the interval includes the noise.
Score noisy_score(const StarCounts& noisy, double count_variance, const Prior& prior, const ScoreSettings& settings);

enum class Standing {
    not_enough_ratings,
    below_standard,  // clearly below: even the upper bound is under the standard
    at_risk,         // the mean is under the standard
    meets_standard,
};
Standing standing(const Score& score, const ScoreSettings& settings);

// True when a rating made in `rated` still counts in `now`'s window (the last window_months
// months, this one included).
bool in_window(Month rated, Month now, int window_months);

// The earliest month inside the window that ends at now.
Month window_start(Month now, int window_months);

}  // namespace pw::ratings
