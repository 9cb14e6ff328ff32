#pragma once
// What the researcher's pages share: who may use them, and where a kept report lives.
#include <cstdint>
#include <optional>
#include <string>

#include "web/accounts/signed_in.hpp"

namespace pw::web {

// Researchers, evaluators and admins: the people who test referral data and read its reports.
std::optional<SignedIn> researcher(const AppContext& app, const Request& request);
// Who may read a kept report through its link: researchers, and moderators, who read it beside
// the staff reports they link to it (web/staff_reports/evidence.hpp).
std::optional<SignedIn> kept_report_reader(const AppContext& app, const Request& request);

// "/research/reports/123…": a kept report's page; its id is random, up to 2^59.
std::string kept_report_path(std::int64_t id);
std::optional<long long> kept_report_id(std::string_view segment);

}  // namespace pw::web
