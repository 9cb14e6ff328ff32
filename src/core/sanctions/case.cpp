#include "core/sanctions/case.hpp"

namespace pw::sanctions {

std::string_view reason_key(Reason r) {
    switch (r) {
        case Reason::missed_appointment:
            return "missed-appointment";
        case Reason::mandatory_activity:
            return "mandatory-activity";
        case Reason::job_application:
            return "job-application";
        case Reason::left_course:
            return "left-course";
        case Reason::other:
            return "other";
    }
    return "other";
}

std::string_view reason_label(Reason r) {
    switch (r) {
        case Reason::missed_appointment:
            return "Missed an appointment";
        case Reason::mandatory_activity:
            return "Did not take part in a mandatory activity";
        case Reason::job_application:
            return "Refused or did not apply for a job";
        case Reason::left_course:
            return "Left a course or placement";
        case Reason::other:
            return "Something else";
    }
    return "Something else";
}

std::optional<Reason> reason_from(std::string_view key) {
    for (auto r : kReasons) {
        if (reason_key(r) == key) return r;
    }
    return std::nullopt;
}

std::string_view good_reason_key(GoodReason g) {
    switch (g) {
        case GoodReason::none:
            return "none";
        case GoodReason::illness:
            return "illness";
        case GoodReason::caring:
            return "caring";
        case GoodReason::transport_or_cost:
            return "transport";
        case GoodReason::not_told:
            return "not-told";
        case GoodReason::clash_with_work:
            return "clash";
        case GoodReason::other:
            return "other";
    }
    return "none";
}

std::string_view good_reason_label(GoodReason g) {
    switch (g) {
        case GoodReason::none:
            return "I did not have a good reason";
        case GoodReason::illness:
            return "I was ill";
        case GoodReason::caring:
            return "I was caring for someone";
        case GoodReason::transport_or_cost:
            return "I could not get there, or could not afford to";
        case GoodReason::not_told:
            return "I was not told, or did not get the letter";
        case GoodReason::clash_with_work:
            return "It clashed with work or a job interview";
        case GoodReason::other:
            return "Another good reason";
    }
    return "";
}

std::optional<GoodReason> good_reason_from(std::string_view key) {
    for (auto g : kGoodReasons) {
        if (good_reason_key(g) == key) return g;
    }
    return std::nullopt;
}

namespace {
constexpr Level kJsaLevels[] = {Level::lower, Level::intermediate, Level::higher};
constexpr Level kUcLevels[] = {Level::lowest, Level::low, Level::medium, Level::high};
constexpr Level kLevels[] = {Level::lower,  Level::intermediate, Level::higher, Level::lowest,
                             Level::low,    Level::medium,       Level::high};
constexpr Benefit kBenefits[] = {Benefit::uc, Benefit::jsa, Benefit::esa};
}  // namespace

std::string_view benefit_key(Benefit benefit) {
    switch (benefit) {
        case Benefit::jsa:
            return "jsa";
        case Benefit::esa:
            return "esa";
        case Benefit::uc:
            return "uc";
    }
    return "uc";
}

std::string_view benefit_name(Benefit benefit) {
    switch (benefit) {
        case Benefit::jsa:
            return "Jobseeker's Allowance";
        case Benefit::esa:
            return "Employment and Support Allowance";
        case Benefit::uc:
            return "Universal Credit";
    }
    return "";
}

std::optional<Benefit> benefit_from(std::string_view key) {
    for (auto b : kBenefits) {
        if (benefit_key(b) == key) return b;
    }
    return std::nullopt;
}

std::string_view level_key(Level level) {
    switch (level) {
        case Level::lower:
            return "lower";
        case Level::intermediate:
            return "intermediate";
        case Level::higher:
            return "higher";
        case Level::lowest:
            return "lowest";
        case Level::low:
            return "low";
        case Level::medium:
            return "medium";
        case Level::high:
            return "high";
    }
    return "lower";
}

std::string_view level_label(Level level) {
    switch (level) {
        case Level::lower:
            return "Lower";
        case Level::intermediate:
            return "Intermediate";
        case Level::higher:
            return "Higher";
        case Level::lowest:
            return "Lowest";
        case Level::low:
            return "Low";
        case Level::medium:
            return "Medium";
        case Level::high:
            return "High";
    }
    return "";
}

std::optional<Level> level_from(std::string_view key) {
    for (auto l : kLevels) {
        if (level_key(l) == key) return l;
    }
    return std::nullopt;
}

std::span<const Level> levels_of(Benefit benefit) {
    if (benefit == Benefit::uc) return kUcLevels;
    return kJsaLevels;
}

std::string_view hardship_key(Hardship h) {
    switch (h) {
        case Hardship::not_applied:
            return "not-applied";
        case Hardship::applied:
            return "applied";
        case Hardship::granted:
            return "granted";
        case Hardship::refused:
            return "refused";
    }
    return "not-applied";
}

std::string_view hardship_label(Hardship h) {
    switch (h) {
        case Hardship::not_applied:
            return "Not asked for";
        case Hardship::applied:
            return "Asked for, waiting";
        case Hardship::granted:
            return "Granted";
        case Hardship::refused:
            return "Refused";
    }
    return "";
}

std::optional<Hardship> hardship_from(std::string_view key) {
    for (auto h : kHardships) {
        if (hardship_key(h) == key) return h;
    }
    return std::nullopt;
}

Length sanction_length(Benefit benefit, Level level, int previous) {
    if (benefit == Benefit::esa) {
        // ESA: 100% of the personal allowance until re-compliance, plus 1, 2 or 4 weeks.
        const int fixed = previous <= 0 ? 1 : previous == 1 ? 2 : 4;
        return {std::nullopt, fixed, "ESA: then 1 week, 2 for a second within 52 weeks, 4 for a third"};
    }
    if (benefit == Benefit::uc) {
        switch (level) {
            case Level::lowest:
                return {std::nullopt, 0, "lowest level"};
            case Level::low:
            case Level::lower:
                return {std::nullopt, previous <= 0 ? 1 : previous == 1 ? 2 : 4,
                        "low level: then 7 days, 14 for a second within a year, 28 for a third"};
            case Level::medium:
            case Level::intermediate:
                return {previous <= 0 ? 4 : 13, 0, "medium level: 28 days, 91 for a repeat within a year"};
            case Level::high:
            case Level::higher:
                return {previous <= 0 ? 13 : 26, 0, "high level: 91 days, 182 for a repeat within a year"};
        }
        return {};
    }
    switch (level) {
        case Level::lowest:
        case Level::low:
        case Level::lower:
            return {previous <= 0 ? 4 : 13, 0, "lower level: 4 weeks, 13 for a repeat within 52 weeks"};
        case Level::medium:
        case Level::intermediate:
            return {previous <= 0 ? 4 : 13, 0, "intermediate level: 4 weeks, 13 for a repeat within 52 weeks"};
        case Level::high:
        case Level::higher:
            return {previous <= 0   ? 13
                    : previous == 1 ? 26
                                    : 156,
                    0, "higher level: 13 weeks, then 26, then 156 for repeats within 52 weeks"};
    }
    return {};
}

}  // namespace pw::sanctions
