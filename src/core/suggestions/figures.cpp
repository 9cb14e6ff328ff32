#include "core/suggestions/figures.hpp"

namespace pw::suggestions {

std::map<std::int64_t, AnswerFigures> answer_figures(std::span<const SuggestionRecord> suggestions, Week now) {
    std::map<std::int64_t, AnswerFigures> out;
    for (const auto& s : suggestions) {
        auto& f = out[s.provider_id];
        ++f.made;
        if (s.answered) {
            ++f.due;
            if (weeks_between(s.made, *s.answered) <= kAnswerWeeks) ++f.answered_in_time;
        } else if (weeks_between(s.made, now) > kAnswerWeeks) {
            ++f.due;
        }
        if (s.state == SuggestionState::implemented) ++f.implemented;
        if (s.state == SuggestionState::declined) ++f.declined;
    }
    return out;
}

}  // namespace pw::suggestions
