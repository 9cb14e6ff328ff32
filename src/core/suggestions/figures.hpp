#pragma once
// What is published about how a provider answers suggestions: of those it was shown, the share
// answered within 4 weeks and the share it implemented. Computed at publication from public
// suggestions only (docs/disclosure.md), so it says nothing the suggestion pages do not.
#include <cstdint>
#include <map>
#include <optional>
#include <span>

#include "core/common/week.hpp"
#include "core/suggestions/lifecycle.hpp"

namespace pw::suggestions {

inline constexpr int kAnswerWeeks = 4;

struct SuggestionRecord {
    std::int64_t provider_id = 0;
    Week made;                     // published: when the provider could first see it
    std::optional<Week> answered;  // the provider's first move
    SuggestionState state = SuggestionState::open;
};

struct AnswerFigures {
    long long made = 0;
    long long due = 0;  // answered, or unanswered past the 4 weeks; the rest are still on the clock
    long long answered_in_time = 0;
    long long implemented = 0;
    long long declined = 0;
    friend bool operator==(const AnswerFigures&, const AnswerFigures&) = default;
};

// Per provider, as of the week `now`.
std::map<std::int64_t, AnswerFigures> answer_figures(std::span<const SuggestionRecord> suggestions, Week now);

}  // namespace pw::suggestions
