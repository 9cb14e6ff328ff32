#include "core/ratings/submission.hpp"

#include <gtest/gtest.h>

using namespace pw;
using namespace pw::ratings;

TEST(RatingForm, NeedsOnlyTheOverallStars) {
    auto answers = check_rating({{"stars", "4"}});
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->overall.value(), 4);
    EXPECT_FALSE(answers->payment_group);
    EXPECT_TRUE(answers->wants_codename);  // offered by default
    for (const auto& aspect : answers->aspects) EXPECT_FALSE(aspect);
}

TEST(RatingForm, ReadsAspectsPaymentGroupAndNotSure) {
    auto answers = check_rating({{"stars", "2"},
                                 {"respect", "1"},
                                 {"travel_and_practical_help", "not-sure"},
                                 {"payment_group", "esa"},
                                 {"get_codename", "no"}});
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->aspects[0]->value(), 1);
    EXPECT_FALSE(answers->aspects[5]);
    EXPECT_EQ(answers->payment_group, PaymentGroup::esa);
    EXPECT_FALSE(answers->wants_codename);
}

TEST(RatingForm, ReportsEveryProblemAtOnceAgainstItsField) {
    auto answers = check_rating({{"stars", "6"},
                                 {"respect", "0"},
                                 {"payment_group", "jsa-99"},
                                 {"codename", "two words"},
                                 {"get_codename", "maybe"}});
    ASSERT_FALSE(answers);
    std::vector<std::string> fields;
    for (const auto& e : answers.error()) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"stars", "respect", "payment_group", "codename", "get_codename"}));
    EXPECT_EQ(answers.error()[0].message, "Select from 1 to 5 stars");
}

TEST(RatingForm, AMissingStarRatingAsksForOne) {
    auto answers = check_rating({});
    ASSERT_FALSE(answers);
    EXPECT_EQ(answers.error()[0].message, "Select how many stars you give this provider overall");
}

TEST(RatingForm, AGivenCodenameIsNormalisedAndNoNewOneIsOffered) {
    auto answers = check_rating({{"stars", "3"}, {"codename", "Maple River Candle Orbit"}, {"get_codename", "yes"}});
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->codename, "maple river candle orbit");
    EXPECT_FALSE(answers->wants_codename);
}

TEST(RatingForm, ScriptInAFieldIsJustAWrongAnswer) {
    auto answers = check_rating({{"stars", "<script>alert(1)</script>"}});
    ASSERT_FALSE(answers);
    EXPECT_EQ(answers.error()[0].field, "stars");
}
