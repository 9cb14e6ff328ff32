#include "core/standards/status.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace pw::standards {

namespace {

constexpr std::array kStatuses{Status::not_enough_ratings, Status::meets, Status::at_risk, Status::below_standard};

}  // namespace

std::string_view status_name(Status s) {
    switch (s) {
        case Status::not_enough_ratings:
            return "not_enough_ratings";
        case Status::meets:
            return "meets";
        case Status::at_risk:
            return "at_risk";
        case Status::below_standard:
            return "below_standard";
    }
    return "not_enough_ratings";
}

std::optional<Status> status_from(std::string_view name) {
    for (auto s : kStatuses)
        if (status_name(s) == name) return s;
    return std::nullopt;
}

std::string_view status_label(Status s) {
    switch (s) {
        case Status::not_enough_ratings:
            return "Not enough ratings yet";
        case Status::meets:
            return "Meets the standards";
        case Status::at_risk:
            return "At risk";
        case Status::below_standard:
            return "Below standard";
    }
    return "Not enough ratings yet";
}

std::string_view published_label(Status published, Status assessed) {
    if (published == Status::not_enough_ratings && assessed != Status::not_enough_ratings) return "Not decided yet";
    return status_label(published);
}

namespace {
// Figures in a reason are rounded the way that keeps the reason true: what is under a minimum
// is rounded down, what is over a maximum up, each to the precision the setting is kept in.
double down(double v, double step) {
    return std::floor(v / step + 1e-9) * step;
}
double up(double v, double step) {
    return std::ceil(v / step - 1e-9) * step;
}
}  // namespace

Assessment assess(const Evidence& evidence, const Standards& standards) {
    Assessment out;
    const auto& score = evidence.score;
    if (!score.shown) {
        out.reasons.push_back(
            fmt::format("Fewer than {} people have rated it in the last two years", score.shown_from));
        return out;
    }
    const auto minimum = standards.minimum_stars;
    if (score.upper < minimum) {
        out.status = Status::below_standard;
        out.reasons.push_back(
            fmt::format("Its score, {:.2f} stars, is clearly under the minimum of {:.2f}: even the "
                        "top of its likely range ({:.2f} to {:.2f}) is under it",
                        down(score.mean, 0.01), minimum, down(score.lower, 0.01), down(score.upper, 0.01)));
    } else if (score.mean < minimum) {
        out.status = Status::at_risk;
        out.reasons.push_back(
            fmt::format("Its score, {:.2f} stars, is under the minimum of {:.2f} (its likely range is "
                        "{:.2f} to {:.2f})",
                        down(score.mean, 0.01), minimum, score.lower, score.upper));
    } else {
        out.status = Status::meets;
    }
    // The other standards make a provider that meets the minimum score at risk; they never make
    // one below standard, which the score alone decides.
    const auto missed = [&](std::string reason) {
        out.reasons.push_back(std::move(reason));
        if (out.status == Status::meets) out.status = Status::at_risk;
    };
    if (evidence.complaints_per_100 && *evidence.complaints_per_100 > standards.maximum_complaints_per_100) {
        missed(fmt::format("{:.1f} official complaints per 100 raters, over the maximum of {:.1f}",
                           up(*evidence.complaints_per_100, 0.1), standards.maximum_complaints_per_100));
    }
    if (evidence.answered_share && *evidence.answered_share < standards.minimum_answered_share) {
        missed(fmt::format("{:.0f}% of suggestions answered within 4 weeks, under the minimum of {:.0f}%",
                           down(100 * *evidence.answered_share, 1.0), 100 * standards.minimum_answered_share));
    }
    return out;
}

Standing next_standing(const std::optional<Standing>& before, Status assessed, const Standards& standards) {
    Standing now = before.value_or(Standing{});
    now.agreeing = before && before->assessed == assessed ? before->agreeing + 1 : 1;
    now.assessed = assessed;
    if (now.agreeing >= standards.publications_to_agree) now.published = assessed;
    // Recovery starts when below standard is published, and counts the publications in a row
    // assessed as meeting the standards from then on, ending once there are enough of them and
    // the published status is no longer below standard.
    if (now.published == Status::below_standard && !now.recovery) {
        now.recovery = true;
        now.meeting = 0;
    } else if (now.recovery) {
        now.meeting = assessed == Status::meets ? now.meeting + 1 : 0;
        if (now.meeting >= standards.publications_to_recover && now.published != Status::below_standard) {
            now.recovery = false;
            now.meeting = 0;
        }
    }
    return now;
}

}  // namespace pw::standards
