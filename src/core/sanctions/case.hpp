#pragma once
// A sanction referral as the participant tells it: who referred, why, whether they had a good
// reason, and what happened next. Dated to the month.
#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace pw::sanctions {

enum class Reason { missed_appointment, mandatory_activity, job_application, left_course, other };
inline constexpr std::array kReasons{Reason::missed_appointment, Reason::mandatory_activity, Reason::job_application,
                                     Reason::left_course, Reason::other};

enum class GoodReason { none, illness, caring, transport_or_cost, not_told, clash_with_work, other };
inline constexpr std::array kGoodReasons{
    GoodReason::none,     GoodReason::illness,         GoodReason::caring, GoodReason::transport_or_cost,
    GoodReason::not_told, GoodReason::clash_with_work, GoodReason::other};

// Universal Credit is the benefit of everyone on the Restart Scheme; JSA and ESA were the Work
// Programme's.
enum class Benefit { jsa, esa, uc };
std::string_view benefit_key(Benefit benefit);  // "jsa", "esa", "uc": forms and the database
std::string_view benefit_name(Benefit benefit);  // "Jobseeker's Allowance", ...
std::optional<Benefit> benefit_from(std::string_view key);

// JSA's levels are lower, intermediate and higher; Universal Credit's lowest, low, medium and
// high. ESA has one rule whatever the level.
enum class Level { lower, intermediate, higher, lowest, low, medium, high };
std::string_view level_key(Level level);
std::string_view level_label(Level level);  // "Lower", "Medium", ...
std::optional<Level> level_from(std::string_view key);
// The levels a decision on this benefit can have, in the order a form lists them.
std::span<const Level> levels_of(Benefit benefit);

enum class Hardship { not_applied, applied, granted, refused };
inline constexpr std::array kHardships{Hardship::not_applied, Hardship::applied, Hardship::granted,
                                       Hardship::refused};
std::string_view hardship_key(Hardship h);
std::string_view hardship_label(Hardship h);
std::optional<Hardship> hardship_from(std::string_view key);

std::string_view reason_key(Reason r);
std::string_view reason_label(Reason r);
std::optional<Reason> reason_from(std::string_view key);
std::string_view good_reason_key(GoodReason g);
std::string_view good_reason_label(GoodReason g);
std::optional<GoodReason> good_reason_from(std::string_view key);

// How long a sanction lasts, as data: JSA and ESA under the rules from October 2012 (DOMAIN.md);
// Universal Credit under its regulations of 2013 as amended from November 2019 (the longest
// sanction 182 days, the three-year one abolished).
struct Length {
    std::optional<int> weeks;  // nullopt where it lasts until re-compliance, plus fixed_weeks
    int fixed_weeks = 0;
    std::string_view description;
};
// previous: how many earlier sanctions at this level in the last 52 weeks (0, 1, 2 or more). A
// level the benefit does not have (a JSA level on Universal Credit) reads as its nearest.
Length sanction_length(Benefit benefit, Level level, int previous);

}  // namespace pw::sanctions
