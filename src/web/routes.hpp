#pragma once
// Each area of the site adds its routes; App composes them. One file per area.
#include "web/app.hpp"
#include "web/http/router.hpp"

namespace pw::web {

// Routes under this prefix are neither logged nor counted in the metrics (web/app.cpp).
inline constexpr std::string_view kUntracedRoutes = "/staff-reports";

void add_info_routes(Router& router, const AppContext& app);                     // web/pages/info.cpp
void add_registry_routes(Router& router, const AppContext& app);                 // web/registry/pages.cpp
void add_rating_routes(Router& router, const AppContext& app);                   // web/ratings/pages.cpp
void add_codename_routes(Router& router, const AppContext& app);                 // web/ratings/codename_pages.cpp
void add_sanction_routes(Router& router, const AppContext& app);                 // web/sanctions/figures.cpp
void add_sanction_case_routes(Router& router, const AppContext& app);            // web/sanctions/cases.cpp
void add_account_routes(Router& router, const AppContext& app);                  // web/accounts/pages.cpp
void add_moderation_routes(Router& router, const AppContext& app);               // web/moderation/pages.cpp
void add_provider_routes(Router& router, const AppContext& app);                 // web/stories/provider_pages.cpp
void add_takedown_routes(Router& router, const AppContext& app);                 // web/takedown/pages.cpp
void add_registry_api_routes(Router& router, const AppContext& app);             // web/api/registry_api.cpp
void add_operations_routes(Router& router, const AppContext& app);               // web/pages/operations.cpp
void add_research_routes(Router& router, const AppContext& app);                 // web/research/pages.cpp
void add_kept_report_routes(Router& router, const AppContext& app);              // web/research/kept.cpp
void add_open_data_routes(Router& router, const AppContext& app);                // web/publication/open_data.cpp
void add_suggestion_routes(Router& router, const AppContext& app);               // web/suggestions/pages.cpp
void add_suggestion_provider_routes(Router& router, const AppContext& app);      // web/suggestions/provider_pages.cpp
void add_complaint_routes(Router& router, const AppContext& app);                // web/complaints/pages.cpp
void add_admin_routes(Router& router, const AppContext& app);                    // web/admin/pages.cpp
void add_admin_import_routes(Router& router, const AppContext& app);             // web/admin/imports.cpp
void add_admin_standards_routes(Router& router, const AppContext& app);          // web/admin/standards.cpp
void add_complaint_provider_routes(Router& router, const AppContext& app);       // web/complaints/provider_pages.cpp
void add_standards_routes(Router& router, const AppContext& app);                // web/standards/pages.cpp
void add_league_routes(Router& router, const AppContext& app);                   // web/standards/league.cpp
void add_award_routes(Router& router, const AppContext& app);                    // web/standards/award.cpp
void add_pressure_routes(Router& router, const AppContext& app);                 // web/ratings/pressure.cpp
void add_recovery_routes(Router& router, const AppContext& app);                 // web/standards/recovery.cpp
void add_staff_report_routes(Router& router, const AppContext& app);             // web/staff_reports/pages.cpp
void add_staff_report_moderation_routes(Router& router, const AppContext& app);  // web/staff_reports/moderation.cpp
void add_staff_report_figure_routes(Router& router, const AppContext& app);      // web/staff_reports/figures.cpp

// The provider page's suggestions, its answer figures and the link to suggest (web/suggestions/pages.cpp).
void set_provider_suggestions(const AppContext& app, mustache::data& data, std::int64_t provider_id);
// The provider page's status against the standards, its reasons and history (web/standards/pages.cpp).
void set_provider_standards(const AppContext& app, mustache::data& data, std::int64_t provider_id);
// The provider page's recovery measures: each month since they began and its report (web/standards/recovery.cpp).
void set_provider_recovery(const AppContext& app, mustache::data& data, std::int64_t provider_id);

// Whether a request may send a large body (a researcher's upload), from its target and cookie.
bool research_upload_allowed(const AppContext& app, std::string_view target, std::string_view cookie);
// The same for an admin's import file.
bool admin_upload_allowed(const AppContext& app, std::string_view target, std::string_view cookie);

}  // namespace pw::web
