#include "core/staff_reports/report.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <string>

#include "core/lifecycle/transition.hpp"

namespace pw::staff_reports {

std::string_view role_name(StaffRole role) {
    switch (role) {
        case StaffRole::adviser:
            return "adviser";
        case StaffRole::team_leader:
            return "team_leader";
        case StaffRole::other:
            return "other";
    }
    return "other";
}

std::string_view role_label(StaffRole role) {
    switch (role) {
        case StaffRole::adviser:
            return "Adviser";
        case StaffRole::team_leader:
            return "Team leader or manager";
        case StaffRole::other:
            return "Another role";
    }
    return "Another role";
}

std::optional<StaffRole> role_from(std::string_view name) {
    return state_named(kStaffRoles, role_name, name);
}

std::string_view pressure_name(Pressure pressure) {
    switch (pressure) {
        case Pressure::referral_numbers:
            return "referral_numbers";
        case Pressure::league_tables:
            return "league_tables";
        case Pressure::rewards:
            return "rewards";
        case Pressure::improvement_plans:
            return "improvement_plans";
        case Pressure::no_discretion:
            return "no_discretion";
        case Pressure::other:
            return "other";
    }
    return "other";
}

std::string_view pressure_label(Pressure pressure) {
    switch (pressure) {
        case Pressure::referral_numbers:
            return "A number of referrals expected each week or month";
        case Pressure::league_tables:
            return "League tables or rankings of referrals";
        case Pressure::rewards:
            return "Rewards or prizes for referrals";
        case Pressure::improvement_plans:
            return "Improvement plans or threats of discipline for too few referrals";
        case Pressure::no_discretion:
            return "Told not to use discretion or accept good reason";
        case Pressure::other:
            return "Another kind of pressure";
    }
    return "Another kind of pressure";
}

std::optional<Pressure> pressure_from(std::string_view name) {
    return state_named(kPressures, pressure_name, name);
}

std::string details_text(const ReportFacts& facts) {
    const auto id = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
    return fmt::format("provider={};office={};role={};started={};continuing={}", id(facts.provider_id),
                       id(facts.office_id), role_name(facts.role), facts.started.to_string(), facts.continuing ? 1 : 0);
}

std::optional<ReportFacts> with_details(ReportFacts facts, std::string_view text) {
    std::map<std::string, std::string, std::less<>> fields;
    while (!text.empty()) {
        const auto end = text.find(';');
        const auto part = text.substr(0, end);
        const auto equals = part.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        fields.emplace(std::string(part.substr(0, equals)), std::string(part.substr(equals + 1)));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    const auto id = [&](const char* name, std::optional<std::int64_t>& out) {
        const auto& value = fields[name];
        if (value.empty()) return true;
        std::int64_t parsed = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (ec != std::errc{} || ptr != value.data() + value.size() || parsed <= 0) return false;
        out = parsed;
        return true;
    };
    const auto role = role_from(fields["role"]);
    const auto started = Month::parse(fields["started"]);
    const auto& continuing = fields["continuing"];
    if (fields.size() != 5 || !role || !started || (continuing != "0" && continuing != "1") ||
        !id("provider", facts.provider_id) || !id("office", facts.office_id))
        return std::nullopt;
    facts.role = *role;
    facts.started = *started;
    facts.continuing = continuing == "1";
    return facts;
}

Result<void> check_facts(const ReportFacts& facts, Month now) {
    if (facts.pressures == 0 || (facts.pressures & ~kAllPressures) != 0)
        return fail(ErrorKind::invalid_input, "Select at least one kind of pressure");
    if (facts.started > now) return fail(ErrorKind::invalid_input, "The month it started cannot be in the future");
    if (facts.started < *Month::from(2011, 6))
        return fail(ErrorKind::invalid_input, "The month it started must be June 2011 or later");
    if (facts.prime_id <= 0) return fail(ErrorKind::invalid_input, "Select the prime you work for or with");
    return {};
}

}  // namespace pw::staff_reports
