#pragma once
// What a complaint is about, and the official complaint the site drafts for the participant to
// send to the provider under its own complaints procedure.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace pw::complaints {

enum class Category {
    appointments,
    travel_costs,
    sanction_referral,
    adviser_conduct,
    support_offered,
    applications_in_my_name,
    accessibility,
    other
};
inline constexpr std::array kCategories{Category::appointments,      Category::travel_costs,
                                        Category::sanction_referral, Category::adviser_conduct,
                                        Category::support_offered,   Category::applications_in_my_name,
                                        Category::accessibility,     Category::other};

std::string_view category_key(Category category);    // "travel-costs"
std::string_view category_label(Category category);  // "Travel costs not paid"
std::optional<Category> category_from(std::string_view key);

inline constexpr std::size_t kMaxWhatHappened = 3000;
inline constexpr std::size_t kMaxWanted = 1000;

struct LetterFacts {
    std::string provider;  // "Seetec"
    Category category = Category::other;
    std::string what_happened;  // in their own words, as they typed it: the letter is theirs to send
    std::string wanted;
};

// Plain English, asking for an acknowledgement and a final response within 8 weeks, and saying
// the Independent Case Examiner is the next step. Names no one unless the person typed a name.
std::string complaint_letter(const LetterFacts& facts);

}  // namespace pw::complaints
