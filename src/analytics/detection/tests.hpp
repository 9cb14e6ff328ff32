#pragma once
// The per-unit tests. Each returns its statistic, a one- or two-sided p-value as its doc says,
// an effect size in words and numbers, and the figures behind its chart; or says why it could
// not run (too few periods, no dates in the input ...).
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/detection/unit_data.hpp"

namespace pw::analytics {

enum class TestKind { floor, dispersion, period_end, league_race, marginal_outcome };
inline constexpr TestKind kTestKinds[] = {TestKind::floor, TestKind::dispersion, TestKind::period_end,
                                          TestKind::league_race, TestKind::marginal_outcome};
std::string_view test_name(TestKind kind);   // "floor", "dispersion", ... (JSON/CSV keys)
std::string_view test_title(TestKind kind);  // "Floor (missing mass below a quota)" ...

struct Bar {
    std::string label;
    double observed = 0;
    double expected = 0;
};

struct TestResult {
    TestKind kind = TestKind::floor;
    bool ran = false;
    std::string not_run;  // why not, when !ran
    double statistic = 0;
    double p_value = 1;
    double q_value = 1;       // this test's p-values across units, Benjamini-Hochberg
    double effect = 0;        // the test's natural effect size (see effect_text)
    std::string effect_text;  // the effect in plain words
    std::optional<int> quota;  // floor: the q with the strongest evidence
    std::vector<Bar> chart;    // observed against expected
};

struct FloorOptions {
    int max_quota = 30;
    std::size_t min_periods = 8;
};
// 1. Floor: a quota q moves weeks from below q to exactly q. Among periods with count <= q, the
// share at exactly q is tested against the null model (unit mean, peers' dispersion) by an
// exact binomial upper tail; q scanned from 1 to max_quota, Bonferroni over the q scanned. Above
// the model's 95th percentile, whose thin tail lumps of referrals would make piles of, the periods
// at q are weighed against those within 3 of it, as if evenly spread.
TestResult floor_test(const UnitData& unit, const Peers& peers, const FloorOptions& options = {});

// 2. Dispersion, one-sided: a unit's week-to-week variance (half the mean squared difference of
// neighbouring periods) below a Poisson's (the mean), against a chi-square whose degrees of freedom
// match that ratio's variance for independent Poisson periods. Low = smoothing to a floor; lumpier
// than chance is reported, not tested. `peers` is not used: peers' spread differs for reasons of
// their own (staffing), while busy weeks and staffing only add to a Poisson's variance.
TestResult dispersion_test(const UnitData& unit, const Peers& peers);

// 3. Period-end share (events input): whether a week's last open day takes a larger share of
// smaller weeks (Cochran-Armitage trend, one-sided); referrals on a month's last 5 working
// days less what the unit's other open days predict, against a spread measured from its own whole
// weeks (Student's t). Bonferroni over the two. With `advisers` (the office's advisers as series of
// their own, AdviserPanel::series), the week part is also read among them, each on the last day they
// work in the week, their trends combined (Stouffer); the week's p-value is the smaller of the
// office's and the advisers', doubled. A quota each adviser must meet shows in their own weeks and
// is diluted in the office's.
TestResult period_end_test(const UnitData& unit, std::span<const UnitData> advisers = {});

struct PermutationOptions {
    int permutations = 100;
    std::uint64_t seed = 1;
};
// 4. League race: covariance of a period's count with the unit's shortfall below the peer median
// the period before; one-sided, calibrated by permuting the unit's periods, up to `permutations`
// times. As soon as 10 permutations reach the observed value it stops, and the p-value is their
// share so far (Besag and Clifford's sequential test); when fewer than 10 ever do, the tail comes
// from a normal curve with the permutations' mean and spread (so strong evidence is not capped
// at 1 / permutations).
TestResult league_race_test(const UnitData& unit, const Peers& peers, const PermutationOptions& options = {});
// 4b. League race among an office's advisers (events with an adviser column): how far each adviser
// is above their usual share of the office's week, against their shortfall below the office's
// median adviser the week before, summed over the advisers (each weighted by their weeks);
// calibrated by shuffling the office's weeks whole, odd among odd and even among even, so what its
// advisers share in a week, and a fortnightly rhythm, move with it. `advisers` all run over the
// same weeks (-1 where an adviser was not there); `office` is their baseline (AdviserPanel::peers).
TestResult league_race_test(std::span<const UnitData> advisers, const Peers& office,
                            const PermutationOptions& options = {});

// 5. Marginal outcome: referrals in quota-like periods (last 5 working days of a month, or a
// week at exactly the unit's quota) are less often adverse, and more often overturned, than the
// unit's others; one-sided Fisher's exact tests, Bonferroni over the two.
TestResult marginal_outcome_test(const UnitData& unit, std::optional<int> quota);
// P(X <= x) for X hypergeometric (x of n drawn from N, of which K are "yes"): the lower tail of
// Fisher's exact test, which the marginal outcome test uses.
double hypergeometric_lower(std::int64_t x, std::int64_t n, std::int64_t K, std::int64_t N);

}  // namespace pw::analytics
