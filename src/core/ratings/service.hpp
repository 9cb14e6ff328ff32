#pragma once
// What the rating pages need from the rest of the system; store/ratings implements it.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/common/error.hpp"
#include "core/ratings/score.hpp"
#include "core/ratings/submission.hpp"
#include "core/redaction/redacted_text.hpp"

namespace pw::ratings {

struct RatedUnit {
    UnitKind kind = UnitKind::provider;
    std::int64_t id = 0;       // provider, office or area
    std::int64_t area_id = 0;  // for prime_in_area: the area
};

struct RatingSubmission {
    RatedUnit unit;
    std::int64_t provider_id = 0;  // the unit's provider (the office's, for an office)
    Month month;
    RatingAnswers answers;
    std::optional<redaction::RedactedText> story;  // waits for a moderator
    std::optional<std::int64_t> area_id;           // the area the participant was in, when known
    std::optional<std::int64_t> noticed_change;    // "Have you noticed this change?" answered yes
};

struct RatingReceipt {
    std::optional<std::string> new_codename;  // shown once, never stored in clear
    bool replaced = false;
    bool story_pending = false;
};

// Per unit, from the published snapshot: the overall score and one per aspect.
struct UnitScores {
    Score overall;
    std::array<Score, kAspects.size()> aspects{};
    double count_sd = 0;  // the noise's standard deviation in each star count
};

class RatingService {
public:
    virtual ~RatingService() = default;
    // Saves the rating durably, then calls done (on another thread). An unknown codename is an
    // invalid_input error whose message is for the person. Once `abandoned` says true (nobody can
    // be told any more: the request was answered at its deadline) a rating not yet written is
    // not written, and done gets an unavailable error.
    virtual void submit(const RatingSubmission& submission, std::function<void(Result<RatingReceipt>)> done,
                        std::function<bool()> abandoned = {}) = 0;
};

}  // namespace pw::ratings
