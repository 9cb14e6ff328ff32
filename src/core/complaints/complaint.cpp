#include "core/complaints/complaint.hpp"

#include <fmt/format.h>

#include "core/lifecycle/transition.hpp"
#include "core/stories/story.hpp"

namespace pw::complaints {

std::string_view category_key(Category category) {
    switch (category) {
        case Category::appointments:
            return "appointments";
        case Category::travel_costs:
            return "travel-costs";
        case Category::sanction_referral:
            return "sanction-referral";
        case Category::adviser_conduct:
            return "adviser-conduct";
        case Category::support_offered:
            return "support-offered";
        case Category::applications_in_my_name:
            return "applications-in-my-name";
        case Category::accessibility:
            return "accessibility";
        case Category::other:
            return "other";
    }
    return "other";
}

std::string_view category_label(Category category) {
    switch (category) {
        case Category::appointments:
            return "Appointments: missed, moved or too rare";
        case Category::travel_costs:
            return "Travel costs not paid";
        case Category::sanction_referral:
            return "A sanction referral I think was wrong";
        case Category::adviser_conduct:
            return "How an adviser treated me";
        case Category::support_offered:
            return "The support I was promised or need";
        case Category::applications_in_my_name:
            return "Job applications made in my name";
        case Category::accessibility:
            return "Disability, health or access needs not met";
        case Category::other:
            return "Something else";
    }
    return "Something else";
}

std::optional<Category> category_from(std::string_view key) {
    return state_named(kCategories, category_key, key);
}

std::string complaint_letter(const LetterFacts& f) {
    return fmt::format(
        "To the complaints manager, {provider}\n\n"
        "Formal complaint: {category}\n\n"
        "I am making a formal complaint under your complaints procedure.\n\n"
        "What happened:\n{what}\n\n"
        "What I would like you to do:\n{wanted}\n\n"
        "Please acknowledge this complaint, and send me your final response in writing within 8 weeks. "
        "If I do not receive a final response within 8 weeks, or I am not satisfied with it, I may ask the "
        "Independent Case Examiner to look at my complaint.\n\n"
        "Yours faithfully,\n\n"
        "[Your name]\n[Your address or email]\n[Your National Insurance number, if you choose to give it]\n"
        "[Today's date]\n",
        fmt::arg("provider", f.provider), fmt::arg("category", category_label(f.category)),
        fmt::arg("what", f.what_happened), fmt::arg("wanted", f.wanted));
}

}  // namespace pw::complaints
