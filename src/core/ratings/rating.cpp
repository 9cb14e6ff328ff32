#include "core/ratings/rating.hpp"

namespace pw::ratings {

std::string_view aspect_key(Aspect aspect) {
    switch (aspect) {
        case Aspect::respect:
            return "respect";
        case Aspect::personal_support:
            return "personal_support";
        case Aspect::help_towards_work:
            return "help_towards_work";
        case Aspect::fairness_about_sanctions:
            return "fairness_about_sanctions";
        case Aspect::keeping_to_standards:
            return "keeping_to_standards";
        case Aspect::travel_and_practical_help:
            return "travel_and_practical_help";
    }
    return "";
}

std::string_view aspect_label(Aspect aspect) {
    switch (aspect) {
        case Aspect::respect:
            return "Treating you with respect";
        case Aspect::personal_support:
            return "Personal support";
        case Aspect::help_towards_work:
            return "Help towards work";
        case Aspect::fairness_about_sanctions:
            return "Fairness about sanctions";
        case Aspect::keeping_to_standards:
            return "Keeping to its minimum service standards";
        case Aspect::travel_and_practical_help:
            return "Travel costs and practical help";
    }
    return "";
}

std::string_view payment_group_key(PaymentGroup group) {
    switch (group) {
        case PaymentGroup::jsa_18_24:
            return "jsa-18-24";
        case PaymentGroup::jsa_25_plus:
            return "jsa-25-plus";
        case PaymentGroup::esa:
            return "esa";
        case PaymentGroup::other:
            return "other";
    }
    return "";
}

std::string_view payment_group_label(PaymentGroup group) {
    switch (group) {
        case PaymentGroup::jsa_18_24:
            return "JSA, aged 18 to 24";
        case PaymentGroup::jsa_25_plus:
            return "JSA, aged 25 or over";
        case PaymentGroup::esa:
            return "ESA";
        case PaymentGroup::other:
            // The Work Programme's payment groups were JSA and ESA; on the Restart Scheme everyone is
            // on Universal Credit, which the figures count with everything else.
            return "Universal Credit, or something else";
    }
    return "";
}

std::optional<PaymentGroup> payment_group_from_key(std::string_view key) {
    for (auto group : kPaymentGroups) {
        if (payment_group_key(group) == key) return group;
    }
    return std::nullopt;
}

std::string_view unit_kind_key(UnitKind kind) {
    switch (kind) {
        case UnitKind::office: return "office";
        case UnitKind::area: return "area";
        case UnitKind::prime_in_area: return "prime_in_area";
        case UnitKind::provider: break;
    }
    return "provider";
}

std::optional<UnitKind> unit_kind_from(std::string_view key) {
    for (auto kind : kUnitKinds) {
        if (unit_kind_key(kind) == key) return kind;
    }
    return std::nullopt;
}

}  // namespace pw::ratings
