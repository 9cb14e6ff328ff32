#include "core/standards/standards.hpp"

#include <cmath>

namespace pw::standards {

std::vector<SettingError> check(const Standards& s) {
    std::vector<SettingError> errors;
    const auto within = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (!within(s.minimum_stars, 1.0, 5.0)) {
        errors.push_back({"minimum_stars", "The minimum score must be between 1 and 5 stars"});
    }
    if (!within(s.maximum_complaints_per_100, 0.0, 100.0)) {
        errors.push_back(
            {"maximum_complaints_per_100", "The maximum must be between 0 and 100 complaints per 100 raters"});
    }
    if (!within(s.minimum_answered_share, 0.0, 1.0)) {
        errors.push_back({"minimum_answered_share", "The minimum share answered must be between 0% and 100%"});
    }
    if (s.publications_to_agree < 1 || s.publications_to_agree > 6) {
        errors.push_back({"publications_to_agree", "A status must be agreed by 1 to 6 publications in a row"});
    }
    if (s.publications_to_recover < 1 || s.publications_to_recover > 12) {
        errors.push_back({"publications_to_recover", "Recovery must end after 1 to 12 publications in a row"});
    }
    return errors;
}

}  // namespace pw::standards
