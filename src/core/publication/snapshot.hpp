#pragma once
// The read model: one published snapshot, everything public pages and the API may show. Built
// once when a snapshot is loaded; a page only looks figures up. Nothing here changes between
// publications.
#include <map>
#include <optional>
#include <string>

#include "core/common/month.hpp"
#include "core/complaints/figures.hpp"
#include "core/publication/publish.hpp"
#include "core/ratings/score.hpp"
#include "core/ratings/service.hpp"
#include "core/staff_reports/figures.hpp"
#include "core/standards/holds.hpp"
#include "core/standards/status.hpp"
#include "core/suggestions/figures.hpp"

namespace pw::publication {

struct SnapshotInfo {
    std::int64_t id = 0;
    Month period = *Month::from(2000, 1);        // the last month it covers
    Month window_start = *Month::from(2000, 1);  // the first
    Month published = *Month::from(2000, 1);     // when it was made
    std::string method_version;
};

// The month the next snapshot is due: the one after the period closes.
Month next_due(const SnapshotInfo& info);

// A referrer's self-reported sanction figures, noisy, each with its noise's spread.
struct SanctionFigures {
    long long logged = 0;  // sum of the reasons
    std::array<long long, sanctions::kReasons.size()> by_reason{};
    long long decided = 0;
    long long adverse = 0;
    long long overturned = 0;
    double logged_sd = 0;       // of logged
    double reason_sd = 0;       // of each reason
    double step_sd = 0;         // of decided, adverse and overturned
    long long shown_from = 10;  // figures are shown once logged reaches this
    bool shown() const { return logged >= shown_from; }
};

// "I noticed this change": one implemented suggestion's noisy count over its asking months.
struct ConfirmationSum {
    long long noisy = 0;
    long long cells_summed = 0;
};
// As people read it: "about N people noticed it", or too few to say.
struct ChangesNoticed {
    long long noisy = 0;
    double sd = 0;
    long long shown_from = 10;
    bool shown() const { return noisy >= shown_from; }
};

// How providers respond to participants: suggestions and complaints.
struct SuggestionFigures {
    std::map<std::int64_t, ConfirmationSum> confirmations;        // by suggestion
    std::map<std::int64_t, suggestions::AnswerFigures> answers;   // by provider, exact (public items)
    std::map<std::int64_t, complaints::ComplaintSum> complaints;  // by provider, noisy
};

// A provider's month the flood check held, as the publication found it (docs/integrity.md).
struct HeldMonth {
    Month month = *Month::from(2000, 1);
    standards::HoldState state = standards::HoldState::held;
    std::string why;
};

// A provider's status at one publication: what its page said, and what that publication's
// figures said (they differ until enough publications in a row agree).
struct StatusAt {
    Month period = *Month::from(2000, 1);
    standards::Status published = standards::Status::not_enough_ratings;
    standards::Status assessed = standards::Status::not_enough_ratings;
};

// One place in a year's award, from the year's ratings that count.
struct AwardEntry {
    int place = 0;
    std::int64_t provider_id = 0;
    double mean = 0, lower = 0, upper = 0;
    long long raters = 0;  // noisy
};

// Providers against the standards: the standards this publication used, each provider's status,
// and every publication's status so far, oldest first; held months in the window, by provider;
// every award decided so far, by year.
struct StandardsFigures {
    standards::Standards in_force;
    std::map<std::int64_t, standards::ProviderStatus> statuses;
    std::map<std::int64_t, std::vector<StatusAt>> history;
    std::map<std::int64_t, std::vector<HeldMonth>> holds;
    std::map<int, std::vector<AwardEntry>> awards;
};

class Snapshot {
public:
    Snapshot(SnapshotInfo info, std::map<UnitKey, RatingSum> units, RatingSum programme,
             std::map<std::int64_t, SanctionSum> referrers, ratings::ScoreSettings settings = {},
             SuggestionFigures suggestions = {}, StandardsFigures standards = {},
             staff_reports::StaffReportFigures staff_reports = {});

    const SnapshotInfo& info() const { return info_; }
    // "Not enough ratings yet" for a unit the snapshot does not hold.
    const ratings::UnitScores& scores(const UnitKey& unit) const;
    SanctionFigures sanctions(std::int64_t referrer) const;  // 0: Jobcentre Plus
    ChangesNoticed changes_noticed(std::int64_t suggestion_id) const;
    // nullopt: no public suggestion to that provider when the snapshot was made.
    std::optional<suggestions::AnswerFigures> suggestion_answers(std::int64_t provider_id) const;
    const SuggestionFigures& suggestion_figures() const { return suggestions_; }
    complaints::ComplaintFigures complaints(std::int64_t provider_id) const;
    // nullopt: no status was published for it (too new, or published before the standards).
    std::optional<standards::ProviderStatus> status(std::int64_t provider_id) const;
    const StandardsFigures& standards() const { return standards_; }
    // Staff reports per prime, for each ended quarter in the window.
    const staff_reports::StaffReportFigures& staff_reports() const { return staff_reports_; }

    const std::map<UnitKey, RatingSum>& unit_sums() const { return units_; }
    const RatingSum& programme() const { return programme_; }
    const std::map<std::int64_t, SanctionSum>& referrer_sums() const { return referrers_; }

private:
    SnapshotInfo info_;
    std::map<UnitKey, RatingSum> units_;
    RatingSum programme_;
    std::map<std::int64_t, SanctionSum> referrers_;
    SuggestionFigures suggestions_;
    StandardsFigures standards_;
    staff_reports::StaffReportFigures staff_reports_;
    std::map<UnitKey, ratings::UnitScores> scores_;
    ratings::UnitScores empty_;
};

}  // namespace pw::publication
