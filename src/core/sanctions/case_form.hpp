#pragma once
// Logging a referral: the participant's answers, checked field by field. The referrer is
// checked against the registry by the caller; everything else is checked here.
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "core/common/form.hpp"
#include "core/common/month.hpp"
#include "core/sanctions/case.hpp"

namespace pw::sanctions {

enum class TravelPaid { yes, no, not_asked };

struct CaseAnswers {
    std::optional<std::int64_t> provider_id;  // nullopt: Jobcentre Plus referred
    std::optional<std::int64_t> office_id;    // when an office was chosen; its provider is set by the caller
    Reason reason = Reason::other;
    GoodReason good_reason = GoodReason::none;
    TravelPaid travel_paid = TravelPaid::not_asked;
    Benefit benefit = Benefit::jsa;
    Month month = *Month::from(2000, 1);  // set from the form
    std::optional<std::string> codename;  // normalised, to add to what a codename already holds
};

std::string_view travel_key(TravelPaid t);

// Fields: referrer ("jobcentre", a provider id, or "office-" and an office id), reason, good_reason, travel_paid,
// benefit, referral_month (1-12) and referral_year, codename (optional). `now` refuses future months.
std::expected<CaseAnswers, std::vector<FieldError>> check_case(const FormFields& form, Month now);

// A decision, reconsideration or appeal step happens in a month no earlier than the referral,
// nor than the decision once there is one, and no later than now.
std::expected<Month, std::vector<FieldError>> check_step_month(const FormFields& form, Month referral, Month now,
                                                               std::optional<Month> decision = std::nullopt);

}  // namespace pw::sanctions
