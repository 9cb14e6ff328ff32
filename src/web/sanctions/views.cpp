#include "web/sanctions/views.hpp"

#include <fmt/format.h>

#include "core/disclosure/noise.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

mustache::data sanction_figures_view(const publication::SanctionFigures& f) {
    mustache::data data;
    put(data, "any", flag(f.shown()));
    put(data, "logged", disclosure::count_band(f.logged, f.logged_sd, f.shown_from));
    if (!f.shown()) return data;
    const auto step_from = disclosure::shown_from(5, f.step_sd);
    put(data, "adverse", disclosure::count_band(f.adverse, f.step_sd, step_from));
    if (f.adverse >= step_from && f.decided >= step_from && f.adverse <= f.decided) {
        put(data, "adverse_share", fmt::format("about {:.0f}%", 100.0 * f.adverse / f.decided));
    }
    put(data, "overturned", disclosure::count_band(f.overturned, f.step_sd, step_from));
    const auto reason_from = disclosure::shown_from(5, f.reason_sd);
    mustache::data rows{mustache::data::type::list};
    for (std::size_t i = 0; i < f.by_reason.size(); ++i) {
        mustache::data row;
        put(row, "reason", std::string(sanctions::reason_label(sanctions::kReasons[i])));
        put(row, "count", disclosure::count_band(f.by_reason[i], f.reason_sd, reason_from));
        rows.push_back(row);
    }
    put(data, "by_reason", rows);
    return data;
}

}  // namespace pw::web
