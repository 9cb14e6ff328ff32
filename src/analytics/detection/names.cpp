#include "analytics/detection/tests.hpp"

namespace pw::analytics {

std::string_view test_name(TestKind kind) {
    switch (kind) {
        case TestKind::floor: return "floor";
        case TestKind::dispersion: return "dispersion";
        case TestKind::period_end: return "period_end";
        case TestKind::league_race: return "league_race";
        case TestKind::marginal_outcome: return "marginal_outcome";
    }
    return "?";
}

std::string_view test_title(TestKind kind) {
    switch (kind) {
        case TestKind::floor: return "Floor: missing referrals below a quota";
        case TestKind::dispersion: return "Steadier than chance";
        case TestKind::period_end: return "Period-end share";
        case TestKind::league_race: return "League race";
        case TestKind::marginal_outcome: return "Marginal outcome";
    }
    return "?";
}

}  // namespace pw::analytics
