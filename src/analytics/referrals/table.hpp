#pragma once
// Referral data held column by column: ten million referrals are a few flat arrays, and every
// test reads only the columns it needs. Text (unit names, reasons) is interned once.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/referrals/dates.hpp"
#include "analytics/referrals/holidays.hpp"
#include "analytics/referrals/huge_pages.hpp"

namespace pw::analytics {

enum class Decision : std::uint8_t { adverse, non_adverse, reserved, cancelled, pending };
// A reconsideration or appeal: none asked for, decision upheld, overturned, still waiting.
enum class Review : std::uint8_t { none, upheld, overturned, pending };

std::optional<Decision> decision_from(std::string_view text);
std::optional<Review> review_from(std::string_view text);
std::string_view decision_name(Decision d);
std::string_view review_name(Review r);

constexpr std::uint32_t kNone = 0xffffffffu;

// Strings to dense indexes, in order of first appearance.
class Dictionary {
public:
    Dictionary() = default;
    Dictionary(const Dictionary& other) { *this = other; }
    Dictionary(Dictionary&&) noexcept = default;     // a deque keeps its strings in place when moved
    Dictionary& operator=(const Dictionary& other);  // rebuilds the index over its own strings
    Dictionary& operator=(Dictionary&&) noexcept = default;
    std::uint32_t intern(std::string_view text);
    std::optional<std::uint32_t> find(std::string_view text) const;
    const std::string& name(std::uint32_t index) const { return names_[index]; }
    std::size_t size() const { return names_.size(); }

private:
    std::deque<std::string> names_;  // stable addresses for the map's keys
    std::unordered_map<std::string_view, std::uint32_t> index_;
};

// A unit (an office or an adviser pseudonym) and where it sits.
struct Units {
    Dictionary names;
    std::vector<std::uint32_t> parent;    // per unit: index into parents, or kNone
    std::vector<std::uint32_t> area;      // per unit: index into areas, or kNone
    std::vector<std::uint8_t> open_days;  // per unit: bit d for weekday d (0 = Monday); 0 when not given
    std::vector<Nation> nation;           // per unit: whose bank holidays it keeps
    Dictionary parents;                   // providers (or CPAs when no area column is given)
    Dictionary areas;                     // CPAs
};

// One row per referral.
struct Events {
    Units units;
    Dictionary reasons;
    Column<Day> day;  // columns of millions of rows: see huge_pages.hpp
    Column<std::uint32_t> unit;
    Column<std::uint32_t> reason;  // kNone when not given
    Column<Decision> decision;
    Column<Review> reconsideration;
    Column<Review> appeal;
    // Adviser pseudonyms, when the file has an adviser column: per referral an index into
    // `advisers`, kNone where the row leaves it empty; `adviser` is empty when there is no column.
    Dictionary advisers;
    Column<std::uint32_t> adviser;
    std::size_t size() const { return day.size(); }
};

enum class PeriodKind { week, month, span };

// One row per unit and period.
struct Counts {
    Units units;
    PeriodKind kind = PeriodKind::week;
    Dictionary spans;                  // labels of "span" periods ("2011-06..2012-01")
    std::vector<std::int32_t> period;  // week or month index; span index for spans
    std::vector<std::uint32_t> unit;
    std::vector<std::int64_t> referrals;
    std::vector<std::int64_t> caseload;  // -1 when not given
    std::vector<std::int64_t> adverse;   // -1 when not given
    bool has_caseload = false;
    bool has_adverse = false;
    std::size_t size() const { return unit.size(); }
};

std::string period_label(PeriodKind kind, std::int32_t period, const Dictionary& spans);

}  // namespace pw::analytics
