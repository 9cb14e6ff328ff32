#include "core/suggestions/figures.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace pw;
using namespace pw::suggestions;

namespace {
Week w(std::string_view text) {
    return *Week::parse(text);
}
}  // namespace

TEST(AnswerFigures, CountsAnAnswerWithinFourWeeksAcrossTheYearEnd) {
    const std::vector<SuggestionRecord> made{
        {5, w("2026-W51"), w("2027-W02"), SuggestionState::planned},      // 4 weeks (2026 has a week 53)
        {5, w("2026-W50"), w("2027-W02"), SuggestionState::declined},     // 5 weeks: late
        {5, w("2026-W40"), std::nullopt, SuggestionState::open},          // never answered, past the clock
        {5, w("2027-W01"), std::nullopt, SuggestionState::open},          // still on the clock
        {6, w("2026-W30"), w("2026-W31"), SuggestionState::implemented},  // another provider
    };
    auto figures = answer_figures(made, w("2027-W03"));
    EXPECT_EQ(figures.at(5), (AnswerFigures{4, 3, 1, 0, 1}));
    EXPECT_EQ(figures.at(6), (AnswerFigures{1, 1, 1, 1, 0}));
}

TEST(AnswerFigures, AnUnansweredSuggestionIsDueTheWeekAfterItsFourWeeks) {
    const std::vector<SuggestionRecord> made{{5, w("2026-W49"), std::nullopt, SuggestionState::open}};
    EXPECT_EQ(answer_figures(made, w("2026-W53")).at(5).due, 0);  // 4 weeks on: still in time
    EXPECT_EQ(answer_figures(made, w("2027-W01")).at(5).due, 1);
}
