#pragma once
// A participant's rating of a provider or office: overall stars, optional aspects and payment
// group, dated to the month. Never a time, never anything that identifies the person.
#include <array>
#include <optional>
#include <string_view>

#include "core/common/month.hpp"

namespace pw::ratings {

class Stars {
public:
    static std::optional<Stars> from(int value) {
        if (value < 1 || value > 5) return std::nullopt;
        return Stars(value);
    }
    int value() const { return value_; }
    friend bool operator==(const Stars&, const Stars&) = default;

private:
    explicit Stars(int value) : value_(value) {}
    int value_;
};

enum class Aspect {
    respect,
    personal_support,
    help_towards_work,
    fairness_about_sanctions,
    keeping_to_standards,
    travel_and_practical_help,
};
inline constexpr std::array kAspects{Aspect::respect,
                                     Aspect::personal_support,
                                     Aspect::help_towards_work,
                                     Aspect::fairness_about_sanctions,
                                     Aspect::keeping_to_standards,
                                     Aspect::travel_and_practical_help};

std::string_view aspect_key(Aspect aspect);    // "respect", form field and column name
std::string_view aspect_label(Aspect aspect);  // "Treating you with respect"

enum class PaymentGroup { jsa_18_24, jsa_25_plus, esa, other };
inline constexpr std::array kPaymentGroups{PaymentGroup::jsa_18_24, PaymentGroup::jsa_25_plus, PaymentGroup::esa,
                                           PaymentGroup::other};
std::string_view payment_group_key(PaymentGroup group);    // "jsa-18-24"
std::string_view payment_group_label(PaymentGroup group);  // "JSA, aged 18 to 24"
std::optional<PaymentGroup> payment_group_from_key(std::string_view key);

// What a score covers: a provider (prime or sub-contractor, with its offices and, for a prime,
// its sub-contractors), one office, an area, or one prime's work within one area.
enum class UnitKind { provider, office, area, prime_in_area };
inline constexpr std::array kUnitKinds{UnitKind::provider, UnitKind::office, UnitKind::area, UnitKind::prime_in_area};
std::string_view unit_kind_key(UnitKind kind);  // "prime_in_area": stored and published
std::optional<UnitKind> unit_kind_from(std::string_view key);

struct Rating {
    UnitKind unit_kind = UnitKind::provider;
    std::int64_t unit_id = 0;
    Month month;
    Stars overall;
    std::array<std::optional<Stars>, kAspects.size()> aspects{};  // indexed like kAspects
    std::optional<PaymentGroup> payment_group;
};

}  // namespace pw::ratings
