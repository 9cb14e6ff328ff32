#pragma once
// A sanction referral as the participant tells it: who referred, why, whether they had a good
// reason, and what happened next. Dated to the month.
#include <array>
#include <optional>
#include <string_view>

namespace pw::sanctions {

enum class Reason { missed_appointment, mandatory_activity, job_application, left_course, other };
inline constexpr std::array kReasons{Reason::missed_appointment, Reason::mandatory_activity, Reason::job_application,
                                     Reason::left_course, Reason::other};

enum class GoodReason { none, illness, caring, transport_or_cost, not_told, clash_with_work, other };
inline constexpr std::array kGoodReasons{
    GoodReason::none,     GoodReason::illness,         GoodReason::caring, GoodReason::transport_or_cost,
    GoodReason::not_told, GoodReason::clash_with_work, GoodReason::other};

enum class Benefit { jsa, esa };

enum class Level { lower, intermediate, higher };
std::string_view level_key(Level level);
std::optional<Level> level_from(std::string_view key);

enum class Hardship { not_applied, applied, granted, refused };
std::string_view hardship_key(Hardship h);
std::string_view hardship_label(Hardship h);
std::optional<Hardship> hardship_from(std::string_view key);

std::string_view reason_key(Reason r);
std::string_view reason_label(Reason r);
std::optional<Reason> reason_from(std::string_view key);
std::string_view good_reason_key(GoodReason g);
std::string_view good_reason_label(GoodReason g);
std::optional<GoodReason> good_reason_from(std::string_view key);

// How long a sanction lasts under the rules from October 2012 (DOMAIN.md), as data.
struct Length {
    std::optional<int> weeks;  // nullopt for ESA: until re-compliance, plus fixed_weeks
    int fixed_weeks = 0;
    std::string_view description;
};
// previous: how many earlier sanctions at this level in the last 52 weeks (0, 1, 2 or more).
Length sanction_length(Benefit benefit, Level level, int previous);

}  // namespace pw::sanctions
