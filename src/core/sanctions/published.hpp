#pragma once
// Published official figures in the documented CSV shapes (docs/csv-formats.md), checked row by row.
#include <string>
#include <vector>

#include "core/csv/table.hpp"

namespace pw::sanctions {

// metric,value,unit,period,source
struct PublishedFigure {
    std::size_t line = 0;
    std::string metric;
    std::string value;  // as published: "874850", "702000/605595", "~13"
    std::string unit;
    std::string period;
    std::string source;
};

// provider,scope,period,referrals_for_sanction,sanctions_applied,adverse_share,source
struct ProviderSanctions {
    std::size_t line = 0;
    std::string provider;
    std::string scope;
    std::string period;
    long long referrals = 0;
    long long sanctions = 0;
    std::string source;
};

csv::Checked<PublishedFigure> check_published_figures(const std::vector<csv::Row>& rows);
// adverse_share, when given, must agree with sanctions / referrals to within 0.001.
csv::Checked<ProviderSanctions> check_provider_sanctions(const std::vector<csv::Row>& rows);

}  // namespace pw::sanctions
