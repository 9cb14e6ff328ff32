#include "core/sanctions/case_form.hpp"

#include "core/codenames/codename.hpp"
#include "core/text/text.hpp"

namespace pw::sanctions {

std::string_view travel_key(TravelPaid t) {
    switch (t) {
        case TravelPaid::yes:
            return "yes";
        case TravelPaid::no:
            return "no";
        case TravelPaid::not_asked:
            return "not-asked";
    }
    return "not-asked";
}

namespace {
std::optional<Month> month_from(const FormFields& form, std::string_view prefix) {
    const auto m = text::parse_positive_int(text::trim(field(form, std::string(prefix) + "_month")), 12);
    const auto y = text::parse_positive_int(text::trim(field(form, std::string(prefix) + "_year")), 9999);
    if (!m || !y) return std::nullopt;
    return Month::from(static_cast<int>(*y), static_cast<int>(*m));
}
}  // namespace

std::expected<CaseAnswers, std::vector<FieldError>> check_case(const FormFields& form, Month now) {
    std::vector<FieldError> errors;
    CaseAnswers answers;
    const auto referrer = field(form, "referrer");
    if (referrer.empty()) {
        errors.push_back({"referrer", "Select who referred you"});
    } else if (referrer.starts_with("office-")) {
        auto id = text::parse_positive_int(referrer.substr(7), 1'000'000'000);
        if (!id) {
            errors.push_back({"referrer", "Select who referred you from the list"});
        } else {
            answers.office_id = *id;
        }
    } else if (referrer != "jobcentre") {
        auto id = text::parse_positive_int(referrer, 1'000'000'000);
        if (!id) {
            errors.push_back({"referrer", "Select who referred you from the list"});
        } else {
            answers.provider_id = *id;
        }
    }
    if (auto r = reason_from(field(form, "reason"))) {
        answers.reason = *r;
    } else {
        errors.push_back({"reason", "Select why you were referred"});
    }
    if (auto g = good_reason_from(field(form, "good_reason"))) {
        answers.good_reason = *g;
    } else {
        errors.push_back({"good_reason", "Select whether you had a good reason"});
    }
    const auto travel = field(form, "travel_paid");
    if (travel == "yes" || travel == "no" || travel == "not-asked") {
        answers.travel_paid = travel == "yes"  ? TravelPaid::yes
                              : travel == "no" ? TravelPaid::no
                                               : TravelPaid::not_asked;
    } else {
        errors.push_back({"travel_paid", "Select whether the provider paid your travel costs"});
    }
    const auto benefit = field(form, "benefit");
    if (const auto b = benefit_from(benefit)) {
        answers.benefit = *b;
    } else {
        errors.push_back({"benefit", "Select which benefit you were on"});
    }
    if (auto month = month_from(form, "referral")) {
        if (*month > now) {
            errors.push_back({"referral_month", "The month you were referred must be this month or earlier"});
        } else {
            answers.month = *month;
        }
    } else {
        errors.push_back({"referral_month", "Enter the month and year you were referred, like 3 and 2026"});
    }
    if (const auto typed = text::trim(field(form, "codename")); !typed.empty()) {
        answers.codename = codenames::normalise(typed);
        if (!answers.codename) errors.push_back({"codename", "Enter your codename as 4 words, or leave it blank"});
    }
    if (!errors.empty()) return std::unexpected(std::move(errors));
    return answers;
}

std::expected<Month, std::vector<FieldError>> check_step_month(const FormFields& form, Month referral, Month now,
                                                               std::optional<Month> decision) {
    auto month = month_from(form, "step");
    if (!month)
        return std::unexpected(std::vector<FieldError>{{"step_month", "Enter the month and year, like 4 and 2026"}});
    if (*month > now) {
        return std::unexpected(std::vector<FieldError>{{"step_month", "The month must be this month or earlier"}});
    }
    if (*month < referral) {
        return std::unexpected(
            std::vector<FieldError>{{"step_month", "This cannot come before the month you were referred"}});
    }
    if (decision && *month < *decision) {
        return std::unexpected(std::vector<FieldError>{
            {"step_month", "This cannot come before the decision on your referral, in " + decision->label()}});
    }
    return *month;
}

}  // namespace pw::sanctions
