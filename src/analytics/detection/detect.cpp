#include "analytics/detection/detect.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "analytics/detection/combine.hpp"
#include "analytics/detection/model.hpp"
#include "analytics/detection/panel.hpp"
#include "analytics/detection/providers.hpp"

namespace pw::analytics {
namespace {

std::vector<TestResult> battery(const UnitData& unit, const Peers& peers, const DetectOptions& options,
                                std::uint64_t seed) {
    std::vector<TestResult> tests;
    FloorOptions floor;
    floor.max_quota = options.max_quota;
    tests.push_back(floor_test(unit, peers, floor));
    tests.push_back(dispersion_test(unit, peers));
    tests.push_back(period_end_test(unit));
    PermutationOptions permutations;
    permutations.seed = seed;
    tests.push_back(league_race_test(unit, peers, permutations));
    const auto quota = tests[0].ran && tests[0].p_value < 0.05 ? tests[0].quota : std::nullopt;
    tests.push_back(marginal_outcome_test(unit, quota));
    return tests;
}

std::string p_text(double p) { return p < 1e-4 ? fmt::format("{:.1e}", p) : fmt::format("{:.4f}", p); }

// With advisers, the league race has a second reading: the race among the office's advisers (their
// evidence summed, `league_race_test` over advisers). The office's p-value for the test is the
// smaller of its own and its advisers', doubled (Bonferroni over the two). The words and chart are
// those of the stronger, so a reader sees which evidence it was; advisers are never named.
// The floor, dispersion and marginal-outcome tests are run on the office only: a test per adviser,
// with a Bonferroni minimum across ten advisers, was weaker than the office's. The period-end test
// reads its week part among the advisers too, their evidence combined (see period_end_test).
// False when the advisers' race could not run (too few weeks of them).
bool add_advisers(std::vector<TestResult>& tests, const UnitData& unit, const AdviserPanel& advisers,
                  std::uint64_t seed) {
    PermutationOptions permutations;
    permutations.seed = seed;
    // Past 100 permutations the normal tail ran hot on the advisers' sum (6.8% of null offices at
    // p <= 5%); with 300 the p-values come mostly from the permutations themselves (5.9%).
    permutations.permutations = 300;
    const TestResult race = league_race_test(std::span(advisers.series), advisers.peers.view(), permutations);
    if (!race.ran) return false;
    const auto period_end = std::ranges::find(tests, TestKind::period_end, &TestResult::kind);
    if (period_end != tests.end() && period_end->ran) *period_end = period_end_test(unit, advisers.series);
    const auto office = std::ranges::find(tests, TestKind::league_race, &TestResult::kind);
    if (office == tests.end()) return false;
    const std::string advisers_text = fmt::format("the league among its advisers: p {}", p_text(race.p_value));
    if (office->ran && office->p_value <= race.p_value) {
        office->p_value = std::min(1.0, 2 * office->p_value);
        office->effect_text += "; " + advisers_text;
        return true;
    }
    const bool office_ran = office->ran;
    const double office_p = office->p_value;
    *office = race;
    if (office_ran) {
        office->p_value = std::min(1.0, 2 * race.p_value);
        office->effect_text += fmt::format("; the office as a whole: p {}", p_text(office_p));
    }
    return true;
}

double smallest_p(const std::vector<TestResult>& tests, std::optional<TestKind>* which = nullptr) {
    double best = 1;
    for (const auto& t : tests)
        if (t.ran && t.p_value < best) {
            best = t.p_value;
            if (which) *which = t.kind;
        }
    return best;
}

std::uint64_t adviser_seed(const DetectOptions& options, std::size_t unit) {
    return options.seed + 0x9e3779b97f4a7c15ull * (unit + 1);
}

// Runs f(i) for i in [0, n) on `threads` threads; the first exception (a bug) is rethrown here.
template <class F>
void in_parallel(std::size_t n, unsigned threads, F f) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < n;) f(i);
        } catch (...) {
            next = n;  // the others stop at their next unit
            const std::scoped_lock lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work);
        work();
    }
    if (failure) std::rethrow_exception(failure);
}

// A null twin of a real unit: same periods, mean, open days and peers, no regime. Each week's
// count is drawn for the days the unit is open that week (fewer in a week with a bank holiday),
// its referrals go to those days at random, and decisions follow the unit's own rates.
UnitData null_twin(const UnitData& real, const Peers& peers, std::mt19937_64& random) {
    UnitData twin;
    twin.first_period = real.first_period;
    twin.calendar = real.calendar;
    twin.open_days = real.open_days;
    const Moments m = moments(real.counts);
    twin.counts.resize(real.counts.size());
    double adverse = 0, decided = 0, upheld = 0, reviewed = 0;
    for (const auto& r : real.referrals) {
        decided += r.decision == Decision::adverse || r.decision == Decision::non_adverse;
        adverse += r.decision == Decision::adverse;
        reviewed += r.reconsideration == Review::upheld || r.reconsideration == Review::overturned;
        upheld += r.reconsideration == Review::upheld;
    }
    if (!real.adverse.empty()) {  // counts input: the unit's adverse share over its periods
        adverse = decided = 0;
        for (std::size_t t = 0; t < real.counts.size(); ++t)
            if (real.counts[t] > 0 && real.adverse[t] >= 0) adverse += real.adverse[t], decided += real.counts[t];
    }
    const double adverse_share = decided > 0 ? adverse / decided : 0.5;
    std::bernoulli_distribution is_adverse(adverse_share);
    std::bernoulli_distribution is_reviewed(adverse > 0 ? std::min(1.0, reviewed / adverse) : 0);
    std::bernoulli_distribution is_upheld(reviewed > 0 ? upheld / reviewed : 0.5);
    if (!real.adverse.empty()) twin.adverse.assign(real.counts.size(), -1);
    // Open days per week, and the unit's rate per open day, when the days are known.
    std::vector<int> open(real.counts.size(), 0);
    double per_open_day = 0;
    if (real.calendar) {
        double days = 0, referrals = 0;
        for (std::size_t t = 0; t < real.counts.size(); ++t) {
            if (real.counts[t] < 0) continue;
            open[t] = real.calendar->open_in_week(real.open_days,
                                                  monday_of_week(twin.first_period + static_cast<std::int32_t>(t)));
            days += open[t];
            referrals += real.counts[t];
        }
        per_open_day = days > 0 ? referrals / days : 0;
    }
    std::vector<Day> open_days;
    for (std::size_t t = 0; t < real.counts.size(); ++t) {
        if (real.counts[t] < 0) {
            twin.counts[t] = -1;
            continue;
        }
        const double mean = real.calendar ? per_open_day * open[t] : m.mean;
        const auto k = draw_count(random, mean, peers.dispersion);
        twin.counts[t] = static_cast<std::int32_t>(k);
        if (!real.adverse.empty())
            twin.adverse[t] =
                static_cast<std::int32_t>(std::binomial_distribution<std::int64_t>(k, adverse_share)(random));
        if (!real.calendar || k == 0) continue;
        const Day monday = monday_of_week(twin.first_period + static_cast<std::int32_t>(t));
        open_days.clear();
        for (Day d = monday; d < monday + 7; ++d)
            if (real.calendar->open(real.open_days, d)) open_days.push_back(d);
        std::uniform_int_distribution<std::size_t> day_of(0, open_days.size() - 1);
        for (std::int64_t i = 0; i < k; ++i) {
            Referral r;
            r.day = open_days[day_of(random)];
            r.decision = is_adverse(random) ? Decision::adverse : Decision::non_adverse;
            if (r.decision == Decision::adverse && is_reviewed(random))
                r.reconsideration = is_upheld(random) ? Review::upheld : Review::overturned;
            twin.referrals.push_back(r);
        }
    }
    return twin;
}

Panel panel_for(const Events& events, const DetectOptions& options) {
    return panel_from(events, Period{options.from, options.to});
}
Panel panel_for(const Counts& counts, const DetectOptions&) {
    return panel_from(counts);
}
std::vector<ProviderComparison> providers_for(const Events& events, const DetectOptions& options) {
    return compare_providers(events, options.from, options.to);
}
std::vector<ProviderComparison> providers_for(const Counts& counts, const DetectOptions&) {
    return compare_providers(counts);
}

template <class Input>
Report run(const Input& input, std::string kind, const DetectOptions& options) {
    Report report;
    report.input = std::move(kind);
    report.options = options;
    report.providers = providers_for(input, options);
    const Panel panel = panel_for(input, options);
    const std::size_t n = panel.units.size();
    if (n == 0) {
        report.per_unit_not_run =
            !panel.not_run.empty() ? panel.not_run
            : report.input == "counts" && input.size() > 0
                ? "the periods are spans: the per-unit tests need weekly or monthly counts, or events"
                : "there are no referrals to test";
        return report;
    }
    report.units.resize(n);
    const auto stop_here = [&options] {
        if (options.stop && options.stop()) throw Stopped{};
    };
    in_parallel(n, options.threads, [&](std::size_t u) {
        stop_here();
        const auto& unit = panel.units[u];
        const Peers peers = panel.groups[panel.group_of[u]].view();
        auto& r = report.units[u];
        const Moments m = moments(unit.counts);
        r.periods = m.periods;
        r.mean = m.mean;
        for (auto c : unit.counts) r.referrals += std::max(0, c);
        r.tests = battery(unit, peers, options, options.seed + u);
        if (u < panel.advisers.size() && !panel.advisers[u].series.empty() &&
            add_advisers(r.tests, unit, panel.advisers[u], adviser_seed(options, u)))
            r.advisers = panel.advisers[u].series.size();
        r.min_p = smallest_p(r.tests, &r.strongest);
    });

    // Simulated nulls: twins of the real units, cycling through them.
    std::vector<double> null_min_p(options.null_units, 1);
    std::vector<int> null_ran(options.null_units, 0);
    in_parallel(options.null_units, options.threads, [&](std::size_t i) {
        stop_here();
        const std::size_t u = i % n;
        std::mt19937_64 random(options.seed * 1000003u + i);
        const Peers peers = panel.groups[panel.group_of[u]].view();
        const auto twin = null_twin(panel.units[u], peers, random);
        auto tests = battery(twin, peers, options, options.seed + 7919 * i);
        if (u < panel.advisers.size() && !panel.advisers[u].series.empty()) {
            AdviserPanel twins;
            twins.peers = panel.advisers[u].peers;
            for (const auto& adviser : panel.advisers[u].series)
                twins.series.push_back(null_twin(adviser, twins.peers.view(), random));
            add_advisers(tests, twin, twins, adviser_seed(options, n + i));
        }
        null_min_p[i] = smallest_p(tests);
        for (const auto& t : tests) null_ran[i] += t.ran;
    });
    double max_tests = 1;
    for (int ran : null_ran) max_tests = std::max(max_tests, static_cast<double>(ran));
    report.calibration.null_units = options.null_units;
    report.calibration.effective_tests = fit_effective_tests(null_min_p, max_tests);
    std::size_t null_flags = 0;
    for (double p : null_min_p) null_flags += combine(p, report.calibration.effective_tests) <= 0.05;
    report.calibration.null_flag_rate =
        options.null_units ? static_cast<double>(null_flags) / static_cast<double>(options.null_units) : 0;

    // Each test's own q-values across the units it ran on.
    for (std::size_t k = 0; k < std::size(kTestKinds); ++k) {
        std::vector<double> p;
        std::vector<TestResult*> ran;
        for (auto& r : report.units)
            if (r.tests[k].ran) {
                p.push_back(r.tests[k].p_value);
                ran.push_back(&r.tests[k]);
            }
        const auto q = benjamini_hochberg(p);
        for (std::size_t i = 0; i < ran.size(); ++i) ran[i]->q_value = q[i];
    }
    // Across units: only those with a test that ran are hypotheses.
    std::vector<double> combined;
    std::vector<UnitReport*> tested;
    for (auto& r : report.units) {
        r.combined_p = combine(r.min_p, report.calibration.effective_tests);
        if (std::ranges::none_of(r.tests, &TestResult::ran)) continue;
        combined.push_back(r.combined_p);
        tested.push_back(&r);
    }
    const auto q = benjamini_hochberg(combined);
    for (std::size_t i = 0; i < tested.size(); ++i) tested[i]->q_value = q[i];
    for (std::size_t u = 0; u < n; ++u) {
        auto& r = report.units[u];
        r.flagged = r.q_value <= options.fdr && r.strongest.has_value();
        r.name = input.units.names.name(static_cast<std::uint32_t>(u));
        if (input.units.parent[u] != kNone) r.parent = input.units.parents.name(input.units.parent[u]);
        if (input.units.area[u] != kNone) r.area = input.units.areas.name(input.units.area[u]);
        report.flagged += r.flagged;
    }
    report.advisers_not_used = panel.advisers_not_used;
    std::ranges::stable_sort(report.units, [](const UnitReport& a, const UnitReport& b) {
        return a.combined_p != b.combined_p ? a.combined_p < b.combined_p : a.name < b.name;
    });
    return report;
}

}  // namespace

Report detect(const Events& events, const DetectOptions& options) {
    Report report = run(events, "events", options);
    report.period = PeriodKind::week;
    return report;
}

Report detect(const Counts& counts, const DetectOptions& options) {
    Report report = run(counts, "counts", options);
    report.period = counts.kind;
    return report;
}

}  // namespace pw::analytics
