#include "core/standards/pressure.hpp"

#include <algorithm>

namespace pw::standards {

std::string_view pressure_name(Pressure p) {
    switch (p) {
        case Pressure::asked_to_see:
            return "asked_to_see";
        case Pressure::watched:
            return "watched";
        case Pressure::told_what_to_give:
            return "told_what_to_give";
        case Pressure::rated_for_me:
            return "rated_for_me";
        case Pressure::other:
            return "other";
    }
    return "other";
}

std::string_view pressure_label(Pressure p) {
    switch (p) {
        case Pressure::asked_to_see:
            return "Someone asked to see my rating";
        case Pressure::watched:
            return "I was made to rate while a member of staff watched";
        case Pressure::told_what_to_give:
            return "I was told what to give, or that I must rate well";
        case Pressure::rated_for_me:
            return "Someone rated for me or used my codename";
        case Pressure::other:
            return "Something else";
    }
    return "Something else";
}

std::optional<Pressure> pressure_from(std::string_view name) {
    for (auto p : kPressures)
        if (pressure_name(p) == name) return p;
    return std::nullopt;
}

Result<void> report_pressure(const ReportPressure& command, PressureRepository& reports) {
    if (command.kinds.empty()) return fail(ErrorKind::invalid_input, "Select what happened");
    if (!reports.provider_exists(command.provider_id))
        return fail(ErrorKind::not_found, "We could not find that provider");
    auto kinds = command.kinds;
    std::ranges::sort(kinds);
    kinds.erase(std::ranges::unique(kinds).begin(), kinds.end());
    reports.count_report(command.provider_id, command.month, kinds);
    return {};
}

}  // namespace pw::standards
