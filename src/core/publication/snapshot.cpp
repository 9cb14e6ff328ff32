#include "core/publication/snapshot.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/disclosure/ledger.hpp"

namespace pw::publication {

using disclosure::Table;

Month next_due(const SnapshotInfo& info) {
    return info.period.plus(2).value_or(info.period);
}

namespace {
double measure_variance(std::size_t measure, long long cells_summed) {
    const auto table = measure == 0 ? Table::rating_stars : Table::rating_aspect;
    return static_cast<double>(cells_summed) * disclosure::geometric_variance(disclosure::epsilon_of(table));
}

ratings::UnitScores scores_of(const RatingSum& sum, const std::array<ratings::Prior, kRatingMeasures>& priors,
                              const ratings::ScoreSettings& settings) {
    ratings::UnitScores out;
    out.overall =
        ratings::noisy_score(sum.cells.measures[0], measure_variance(0, sum.cells_summed), priors[0], settings);
    out.count_sd = std::sqrt(measure_variance(0, sum.cells_summed));
    for (std::size_t i = 0; i < ratings::kAspects.size(); ++i) {
        out.aspects[i] = ratings::noisy_score(sum.cells.measures[i + 1], measure_variance(i + 1, sum.cells_summed),
                                              priors[i + 1], settings);
    }
    return out;
}
}  // namespace

Snapshot::Snapshot(SnapshotInfo info, std::map<UnitKey, RatingSum> units, RatingSum programme,
                   std::map<std::int64_t, SanctionSum> referrers, ratings::ScoreSettings settings,
                   SuggestionFigures suggestions, StandardsFigures standards,
                   staff_reports::StaffReportFigures staff_reports)
    : info_(std::move(info)),
      units_(std::move(units)),
      programme_(programme),
      referrers_(std::move(referrers)),
      suggestions_(std::move(suggestions)),
      standards_(std::move(standards)),
      staff_reports_(std::move(staff_reports)) {
    std::array<ratings::Prior, kRatingMeasures> priors;
    for (std::size_t m = 0; m < kRatingMeasures; ++m) {
        ratings::StarCounts clamped{};
        for (std::size_t s = 0; s < 5; ++s) clamped[s] = std::max(0LL, programme_.cells.measures[m][s]);
        priors[m] = ratings::prior_from(clamped, settings);
    }
    for (const auto& [key, sum] : units_) scores_.emplace(key, scores_of(sum, priors, settings));
    empty_.overall.shown_from = settings.min_raters;
}

const ratings::UnitScores& Snapshot::scores(const UnitKey& unit) const {
    const auto found = scores_.find(unit);
    return found == scores_.end() ? empty_ : found->second;
}

SanctionFigures Snapshot::sanctions(std::int64_t referrer) const {
    SanctionFigures f;
    const auto found = referrers_.find(referrer);
    const SanctionSum sum = found == referrers_.end() ? SanctionSum{} : found->second;
    const auto cells = static_cast<double>(sum.cells_summed);
    f.by_reason = sum.cells.logged_by_reason;
    f.logged = std::accumulate(f.by_reason.begin(), f.by_reason.end(), 0LL);
    f.decided = sum.cells.decided;
    f.adverse = sum.cells.adverse;
    f.overturned = sum.cells.overturned;
    f.reason_sd = std::sqrt(cells * disclosure::geometric_variance(disclosure::epsilon_of(Table::sanction_logged)));
    f.logged_sd = f.reason_sd * std::sqrt(static_cast<double>(f.by_reason.size()));
    f.step_sd = std::sqrt(cells * disclosure::geometric_variance(disclosure::epsilon_of(Table::sanction_decided)));
    f.shown_from = disclosure::shown_from(10, f.logged_sd);
    return f;
}

ChangesNoticed Snapshot::changes_noticed(std::int64_t suggestion_id) const {
    ChangesNoticed out;
    const auto found = suggestions_.confirmations.find(suggestion_id);
    if (found == suggestions_.confirmations.end()) return out;
    out.noisy = found->second.noisy;
    out.sd = std::sqrt(static_cast<double>(found->second.cells_summed) *
                       disclosure::geometric_variance(disclosure::epsilon_of(Table::change_confirmed)));
    out.shown_from = disclosure::shown_from(10, out.sd);
    return out;
}

complaints::ComplaintFigures Snapshot::complaints(std::int64_t provider_id) const {
    complaints::ComplaintFigures out;
    const auto found = suggestions_.complaints.find(provider_id);
    const auto sum = found == suggestions_.complaints.end() ? complaints::ComplaintSum{} : found->second;
    out.sent = sum.cells.sent;
    out.sd = std::sqrt(static_cast<double>(sum.cells_summed) *
                       disclosure::geometric_variance(disclosure::epsilon_of(Table::complaint_sent)));
    out.shown_from = disclosure::shown_from(10, out.sd);
    if (out.sent > 0) {
        const auto share = [&](long long count) {
            return std::clamp(static_cast<double>(count) / static_cast<double>(out.sent), 0.0, 1.0);
        };
        out.answered_share = share(sum.cells.answered_in_time);
        out.ice_share = share(sum.cells.to_ice);
    }
    return out;
}

std::optional<suggestions::AnswerFigures> Snapshot::suggestion_answers(std::int64_t provider_id) const {
    const auto found = suggestions_.answers.find(provider_id);
    if (found == suggestions_.answers.end()) return std::nullopt;
    return found->second;
}

std::optional<standards::ProviderStatus> Snapshot::status(std::int64_t provider_id) const {
    const auto found = standards_.statuses.find(provider_id);
    if (found == standards_.statuses.end()) return std::nullopt;
    return found->second;
}

}  // namespace pw::publication
