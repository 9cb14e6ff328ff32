#pragma once
// A provider's status against the standards, decided at each publication from its published
// figures: meets, at risk (its mean score is under the minimum, or another standard is missed),
// below standard (even the top of its score's interval is under the minimum), or not enough
// ratings. A published status moves only when consecutive publications agree, so noise cannot
// make it flip; below standard puts a provider under recovery measures until it meets the
// standard in consecutive publications. DESIGN.md, "Ratings and standards".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ratings/score.hpp"
#include "core/standards/standards.hpp"

namespace pw::standards {

enum class Status { not_enough_ratings, meets, at_risk, below_standard };
std::string_view status_name(Status s);  // as stored: "not_enough_ratings", "meets", ...
std::optional<Status> status_from(std::string_view name);
std::string_view status_label(Status s);  // for people: "Meets the standards", ...
// The published status for people: "Not enough ratings yet" only when the figures say so too. A
// provider whose figures say something else, waiting for the next publication to agree (its
// first ones, say), is "Not decided yet", not said to lack ratings beside its score.
std::string_view published_label(Status published, Status assessed);

// What one publication says of a provider: its score, and the other figures where shown.
struct Evidence {
    ratings::Score score;
    std::optional<double> complaints_per_100;  // nullopt: too few complaints or raters to show
    std::optional<double> answered_share;      // nullopt: too few suggestions due to show
};

struct Assessment {
    Status status = Status::not_enough_ratings;
    std::vector<std::string> reasons;  // each standard missed, in words, with the figures
};

Assessment assess(const Evidence& evidence, const Standards& standards);

// Where a provider stands after a publication.
struct Standing {
    Status published = Status::not_enough_ratings;  // what its page says
    Status assessed = Status::not_enough_ratings;   // what this publication's figures said
    int agreeing = 0;                               // publications in a row whose assessment was `assessed`
    bool recovery = false;                          // under recovery measures
    int meeting = 0;                                // publications in a row assessed as meeting, while under recovery
};

// What a publication records of one provider.
struct ProviderStatus {
    std::int64_t provider_id = 0;
    Standing standing;
    std::vector<std::string> reasons;  // of this publication's assessment
};

// The standing after a publication that assessed `assessed`, from the one before (none: the
// provider's first). A first assessment publishes nothing new: it must be agreed first.
Standing next_standing(const std::optional<Standing>& before, Status assessed, const Standards& standards);

}  // namespace pw::standards
