#pragma once
// A staff member's report of pressure to refer people for sanctions: who they work for, what
// kind of pressure, since when, and in their own words (kept only encrypted, commands.hpp).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/common/error.hpp"
#include "core/common/month.hpp"

namespace pw::staff_reports {

enum class StaffRole { adviser, team_leader, other };
inline constexpr std::array kStaffRoles{StaffRole::adviser, StaffRole::team_leader, StaffRole::other};

// The kinds of pressure staff describe (DOMAIN.md), as bits of one number.
enum class Pressure : unsigned {
    referral_numbers = 1,   // a number of referrals expected a week or month
    league_tables = 2,      // league tables or rankings of offices or advisers
    rewards = 4,            // rewards or prizes for the most referrals
    improvement_plans = 8,  // improvement plans or threats of discipline for too few
    no_discretion = 16,     // told not to use discretion or accept good reason
    other = 32,
};
inline constexpr std::array kPressures{Pressure::referral_numbers,  Pressure::league_tables, Pressure::rewards,
                                       Pressure::improvement_plans, Pressure::no_discretion, Pressure::other};
inline constexpr unsigned kAllPressures = 63;

std::string_view role_name(StaffRole role);   // "team_leader"
std::string_view role_label(StaffRole role);  // "Team leader"
std::optional<StaffRole> role_from(std::string_view name);
std::string_view pressure_name(Pressure pressure);   // "league_tables"
std::string_view pressure_label(Pressure pressure);  // "League tables or rankings"
std::optional<Pressure> pressure_from(std::string_view name);

// What a report says, apart from its text. The office, when named, is one of the provider's
// (or the prime's, when no sub-contractor is named); the store checks the registry.
struct ReportFacts {
    std::int64_t prime_id = 0;
    std::optional<std::int64_t> provider_id;  // a sub-contractor of the prime
    std::optional<std::int64_t> office_id;
    StaffRole role = StaffRole::adviser;
    unsigned pressures = 0;  // Pressure bits
    Month started = *Month::from(2000, 1);
    bool continuing = false;
};

inline constexpr std::size_t kMaxReportText = 10000;

// What could point to one person (sub-contractor, office, role, when it started, whether it goes
// on) is kept only sealed, like the text; the prime and the kinds of pressure, which the public
// counts need, stay in the clear. "provider=12;office=;role=adviser;started=2026-03;continuing=1"
std::string details_text(const ReportFacts& facts);
// The facts with the details read back in; nullopt if the text is not one details_text makes.
std::optional<ReportFacts> with_details(ReportFacts facts, std::string_view text);

// The checks that need nothing but the facts and the month it is: at least one kind of pressure,
// a start no later than now and no earlier than the Work Programme (June 2011).
Result<void> check_facts(const ReportFacts& facts, Month now);

}  // namespace pw::staff_reports
