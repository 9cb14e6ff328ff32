#pragma once
// The accountability standards the campaign holds every provider to (DOMAIN.md): a minimum
// score, a maximum number of complaints, a minimum share of suggestions answered in time. Each
// is a setting an admin may change within sensible ranges; these are the defaults.
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace pw::standards {

struct Standards {
    double minimum_stars = 3.0;              // 1 to 5: the campaign's "minimum score of 3 stars"
    double maximum_complaints_per_100 = 10;  // official complaints tracked here per 100 raters
    double minimum_answered_share = 0.75;    // suggestions answered within 4 weeks, of those due
    int publications_to_agree = 2;           // a status changes only when this many agree in a row
    int publications_to_recover = 3;         // meeting the standard this many times in a row ends recovery
};

// Why a setting was refused, per field, in words for the admin.
struct SettingError {
    std::string field;
    std::string message;
};

// Every setting outside its range, or nothing.
std::vector<SettingError> check(const Standards& s);

}  // namespace pw::standards
