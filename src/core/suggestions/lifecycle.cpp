#include "core/suggestions/lifecycle.hpp"

namespace pw::suggestions {

std::string_view suggestion_state_name(SuggestionState state) {
    switch (state) {
        case SuggestionState::open:
            return "open";
        case SuggestionState::under_consideration:
            return "under_consideration";
        case SuggestionState::planned:
            return "planned";
        case SuggestionState::implemented:
            return "implemented";
        case SuggestionState::declined:
            return "declined";
    }
    return "open";
}

std::string_view suggestion_state_label(SuggestionState state) {
    switch (state) {
        case SuggestionState::open:
            return "Waiting for an answer";
        case SuggestionState::under_consideration:
            return "Under consideration";
        case SuggestionState::planned:
            return "Planned";
        case SuggestionState::implemented:
            return "Change made";
        case SuggestionState::declined:
            return "Declined";
    }
    return "Waiting for an answer";
}

std::optional<SuggestionState> suggestion_state_from(std::string_view name) {
    return state_named(kSuggestionStates, suggestion_state_name, name);
}

std::string_view review_name(Review review) {
    switch (review) {
        case Review::pending:
            return "pending";
        case Review::published:
            return "published";
        case Review::rejected:
            return "rejected";
    }
    return "pending";
}

std::optional<Review> review_from(std::string_view name) {
    return state_named(kReviews, review_name, name);
}

}  // namespace pw::suggestions
