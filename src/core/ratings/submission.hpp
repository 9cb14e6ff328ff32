#pragma once
// What a participant sends when rating: checked here, field by field, so the form can show
// every problem at once and keep the other answers.
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "core/common/form.hpp"
#include "core/ratings/rating.hpp"

namespace pw::ratings {

struct RatingAnswers {
    Stars overall;
    std::array<std::optional<Stars>, kAspects.size()> aspects{};
    std::optional<PaymentGroup> payment_group;
    std::optional<std::string> codename;  // normalised; given to change an earlier rating
    bool wants_codename = false;          // asked for a new codename
};

// Fields: stars (1-5, required); one per aspect_key (1-5 or "not-sure", optional);
// payment_group (a payment_group_key, optional); codename (optional); get_codename (yes|no).
std::expected<RatingAnswers, std::vector<FieldError>> check_rating(const FormFields& form);

}  // namespace pw::ratings
