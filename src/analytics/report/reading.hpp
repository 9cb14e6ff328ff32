#pragma once
// A kept report read back from its JSON (json.cpp), to read one of its units or providers beside
// other evidence (a staff report, core/staff_reports/evidence.hpp): what the report found for it,
// and the period its data covers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pw::analytics {

struct UnitReading {
    std::string unit, parent, area;
    std::int64_t referrals = 0;
    bool flagged = false;
    std::optional<double> combined_p, q_value;
    std::string strongest;         // the strongest test's title, if any
    std::string strongest_effect;  // and its effect in words
};

struct ProviderReading {
    std::string area, provider;
    std::optional<double> difference, p_value;  // against the rest of its area, when compared
};

struct ReportReading {
    std::vector<UnitReading> units;
    std::vector<ProviderReading> providers;
    std::string first, last;              // the data's first and last day or period, as read, for people
    std::string first_month, last_month;  // "2012-03": the months its data starts and ends in ("" if not said)
    std::string from, to;                 // the window asked for ("2012-03-14"), if one was
};

// nullopt if the text is not a report's JSON.
std::optional<ReportReading> read_report_json(std::string_view json);

}  // namespace pw::analytics
