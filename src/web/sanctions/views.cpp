#include "web/sanctions/views.hpp"

#include <fmt/format.h>

#include "core/disclosure/disclosure.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

mustache::data sanction_figures_view(const store::CaseFigures& f) {
    mustache::data data;
    const auto shown = [](const disclosure::Cell& cell) {
        return cell.shown ? std::to_string(cell.value) : std::string("not shown");
    };
    data.set("logged", f.logged >= disclosure::kMinCount ? std::to_string(f.logged) : std::string("fewer than 5"));
    data.set("any", flag(f.logged > 0));
    const std::vector<long long> decided{f.adverse, f.decided - f.adverse};
    const auto decided_cells = disclosure::protect_row(decided);
    data.set("adverse", shown(decided_cells[0]));
    if (decided_cells[0].shown && decided_cells[1].shown && f.decided > 0) {
        data.set("adverse_share", fmt::format("{:.0f}%", 100.0 * f.adverse / f.decided));
    }
    const std::vector<long long> challenged{f.overturned, f.adverse - f.overturned};
    const auto challenged_cells = disclosure::protect_row(challenged);
    data.set("overturned", shown(challenged_cells[0]));
    std::vector<long long> reasons;
    for (const auto& r : f.by_reason) reasons.push_back(r.second);
    const auto reason_cells = disclosure::protect_row(reasons);
    mustache::data rows{mustache::data::type::list};
    for (std::size_t i = 0; i < f.by_reason.size(); ++i) {
        mustache::data row;
        row.set("reason", std::string(sanctions::reason_label(f.by_reason[i].first)));
        row.set("count", shown(reason_cells[i]));
        rows.push_back(row);
    }
    data.set("by_reason", rows);
    return data;
}

}  // namespace pw::web
