#pragma once
// The input reshaped for the tests: one UnitData per unit, and each unit's peer baseline
// (units under the same parent when there are at least 5 of them, else every unit).
#include <array>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <vector>

#include "analytics/detection/unit_data.hpp"
#include "analytics/referrals/table.hpp"

namespace pw::analytics {

struct PeerGroup {
    double dispersion = 0;
    std::int32_t first_period = 0;
    std::vector<double> median;  // per period; NaN where no member has a count
    std::size_t size = 0;
    Peers view() const { return {dispersion, first_period, median, size}; }
};

// What one file may ask of memory: a 1 MB file naming 40,000 units, one dated 1900 and one 2199,
// would otherwise be half a million weeks for each of them.
inline constexpr std::int64_t kMaxUnitPeriods = 30'000'000;
inline constexpr int kMaxYears = 30;

// A unit's advisers, when the events name them: each adviser's own series (their weeks, the
// weekdays they work, their referrals), with the unit's advisers as its peers: the office's own
// league. Only a unit with at least kMinAdvisers advisers in the period has them.
inline constexpr std::size_t kMinAdvisers = 3;
// And at most this many: the league's work grows with a unit's advisers times its weeks for each of
// its permutations and each of its null twins, and a file whose "advisers" run to thousands in one
// unit names something else (cases, claimants) in that column. One such file kept the site's
// report thread busy for minutes. An office has tens of advisers.
inline constexpr std::size_t kMaxAdvisers = 200;
struct AdviserPanel {
    std::vector<UnitData> series;
    PeerGroup peers;
};

// Where a panel's referrals live: one block sized for them all, a mapping of its own backed by
// large pages (see huge_pages.hpp), in place of an allocation per unit and adviser, whose first
// touch a page at a time was most of the cost of reshaping ten million events. Past its size it
// takes from the heap.
class ReferralStore {
public:
    explicit ReferralStore(std::size_t referrals);
    ~ReferralStore();
    ReferralStore(const ReferralStore&) = delete;
    ReferralStore& operator=(const ReferralStore&) = delete;
    std::pmr::memory_resource* resource() { return &resource_; }

private:
    std::size_t bytes_;
    void* block_;
    std::pmr::monotonic_buffer_resource resource_;
};

// The units' and advisers' referrals live in the panel's store: a UnitData must not be moved out
// of its panel and kept after the panel is gone (a copy is free-standing). A panel can be moved
// but not assigned over: assignment would free the old store before the old units.
struct Panel {
    Panel() = default;
    Panel(Panel&&) = default;
    Panel& operator=(Panel&&) = delete;

    std::string not_run;  // why there are no units to test (an empty period, too long a span)
    std::unique_ptr<ReferralStore> referral_store;  // before the units, so it outlives them
    std::vector<std::unique_ptr<Calendar>> calendars;  // events input only: one per nation in use
    std::vector<UnitData> units;
    std::vector<std::size_t> group_of;  // per unit: index into groups
    std::vector<PeerGroup> groups;
    std::vector<AdviserPanel> advisers;  // per unit, when the events have an adviser column
    std::string advisers_not_used;       // why an adviser column was not used (too many adviser-weeks)
};

// The period the events are read over: every unit's history runs over all of it, with weeks
// without referrals as zeros. By default from the first referral in the file to the last.
struct Period {
    std::optional<Day> from, to;
};

// A run of weeks without referrals at the start or end of a unit's history that its own rate
// makes less likely than one in a million (an office that opened or closed during the period) is
// taken as weeks it was not there: unknown, not zero. Its rate is its referrals over the weeks
// from its first to its last.
void mark_absent_weeks(std::vector<std::int32_t>& counts);

// Each unit works the weekdays its `open_days` column gives; without one, the weekdays on which
// it made at least 2% of its referrals (at least one), so a stray weekend entry does not open a day.
std::uint8_t estimated_open_days(const std::array<std::int64_t, 7>& by_weekday);

Panel panel_from(const Events& events, const Period& period = {});
Panel panel_from(const Counts& counts);  // weeks or months; empty for spans

}  // namespace pw::analytics
