#include "core/ratings/submission.hpp"

#include <fmt/format.h>

#include "core/codenames/codename.hpp"
#include "core/text/text.hpp"

namespace pw::ratings {

namespace {
std::optional<Stars> stars_from(std::string_view text) {
    if (text.size() != 1) return std::nullopt;
    return Stars::from(text[0] - '0');
}
}  // namespace

std::expected<RatingAnswers, std::vector<FieldError>> check_rating(const FormFields& form) {
    std::vector<FieldError> errors;
    auto overall = stars_from(field(form, "stars"));
    if (!overall) {
        errors.push_back({"stars", field(form, "stars").empty() ? "Select how many stars you give this provider overall"
                                                                : "Select from 1 to 5 stars"});
    }
    std::array<std::optional<Stars>, kAspects.size()> aspects{};
    for (std::size_t i = 0; i < kAspects.size(); ++i) {
        const auto key = aspect_key(kAspects[i]);
        const auto value = field(form, key);
        if (value.empty() || value == "not-sure") continue;
        aspects[i] = stars_from(value);
        if (!aspects[i]) {
            errors.push_back({std::string(key),
                              fmt::format("{}: select from 1 to 5 stars, or not sure", aspect_label(kAspects[i]))});
        }
    }
    std::optional<PaymentGroup> group;
    if (const auto value = field(form, "payment_group"); !value.empty()) {
        group = payment_group_from_key(value);
        if (!group) errors.push_back({"payment_group", "Select a benefit from the list, or leave it blank"});
    }
    std::optional<std::string> codename;
    if (const auto typed = text::trim(field(form, "codename")); !typed.empty()) {
        codename = codenames::normalise(typed);
        if (!codename) {
            errors.push_back({"codename",
                              "Enter your codename as 4 words, like maple river candle orbit, or leave "
                              "it blank"});
        }
    }
    const auto wants = field(form, "get_codename");
    if (!wants.empty() && wants != "yes" && wants != "no") {
        errors.push_back({"get_codename", "Select yes or no"});
    }
    if (!errors.empty()) return std::unexpected(std::move(errors));
    return RatingAnswers{*overall, aspects, group, codename, !codename && wants != "no"};
}

}  // namespace pw::ratings
