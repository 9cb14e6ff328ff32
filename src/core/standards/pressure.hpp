#pragma once
// "Someone pressured me to rate" (docs/integrity.md): a participant says what happened when a
// rating was watched, asked for or made for them. Which provider, which month, which kinds of
// pressure; never words, so nothing in it can identify the person.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/common/month.hpp"

namespace pw::standards {

enum class Pressure { asked_to_see, watched, told_what_to_give, rated_for_me, other };
inline constexpr std::array kPressures{Pressure::asked_to_see, Pressure::watched, Pressure::told_what_to_give,
                                       Pressure::rated_for_me, Pressure::other};

std::string_view pressure_name(Pressure p);   // as stored and in forms: "asked_to_see"
std::string_view pressure_label(Pressure p);  // for people
std::optional<Pressure> pressure_from(std::string_view name);

class PressureRepository {
public:
    virtual ~PressureRepository() = default;
    virtual bool provider_exists(std::int64_t provider_id) = 0;
    // Adds one report to the provider's counts for the month: one to each kind, one to the total.
    virtual void count_report(std::int64_t provider_id, Month month, const std::vector<Pressure>& kinds) = 0;
};

struct ReportPressure {
    std::int64_t provider_id = 0;
    std::vector<Pressure> kinds;  // at least one
    Month month;
};
// Counted, never kept as a row of its own, and with no event: an event or a row would sit next to
// the reporter's rating in the order things were written.
Result<void> report_pressure(const ReportPressure& command, PressureRepository& reports);

}  // namespace pw::standards
