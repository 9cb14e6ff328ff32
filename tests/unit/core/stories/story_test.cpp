#include "core/stories/story.hpp"

#include <gtest/gtest.h>

using namespace pw::stories;

namespace {
std::string marked(const std::vector<Segment>& segments) {
    std::string out;
    for (const auto& s : segments) out += s.removed ? "<" + s.text + ">" : s.text;
    return out;
}
}  // namespace

// The writer sees every change redaction will make, those that keep words included.
TEST(StoryPreview, MarksEveryChangeIncludingDatesThatBecomeMonths) {
    EXPECT_EQ(marked(preview_segments("Seen on 3rd June 2013 by Declan, call 07700 900123.")),
              "Seen <in June 2013> by <[name]>, call <[phone number]>.");
    EXPECT_EQ(marked(preview_segments("Nothing to remove.")), "Nothing to remove.");
    EXPECT_TRUE(preview_segments("").empty());
}

TEST(StorySegments, SplitStoredTextAtItsPlaceholders) {
    EXPECT_EQ(marked(segments("Call [phone number] or ask [name].")), "Call <[phone number]> or ask <[name]>.");
}

// Shown text was redacted when it was written; showing it applies only the moderators' rules,
// however many there are, and leaves everything else as stored.
TEST(Censor, AppliesOnlyTheModeratorsRulesToStoredText) {
    const std::string stored = "[an adviser] at the Davenport office told me in [a month] to ask for the manager";
    EXPECT_EQ(pw::stories::censor(stored, {}), stored);
    EXPECT_EQ(pw::stories::censor(stored, {{"Dav*"}, {"ask for"}}),
              "[an adviser] at the [removed] office told me in [a month] to [removed] the manager");
}

// A limit of its own is the limit, above the stories' 5,000 as well as below it: a staff report
// of 7,000 characters (its limit 10,000) was refused for being over 5,000.
TEST(CheckText, AnotherLimitHoldsAboveTheStoriesOwnAsWellAsBelow) {
    const std::string seven_thousand(7000, 'a');
    EXPECT_FALSE(pw::stories::check_text(seven_thousand));
    const auto within = pw::stories::check_text_within(seven_thousand, "What happened", 10000);
    ASSERT_TRUE(within) << within.error().message;
    EXPECT_EQ(within->size(), 7000u);
    const auto over = pw::stories::check_text_within(std::string(10001, 'a'), "What happened", 10000);
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().message, "What happened must be 10000 characters or fewer (it has 10001)");
    const auto lower = pw::stories::check_text_within(std::string(2412, 'a'), "Your note", 2000);
    ASSERT_FALSE(lower);
    EXPECT_EQ(lower.error().message, "Your note must be 2000 characters or fewer (it has 2412)");
    EXPECT_EQ(pw::stories::check_text_within("  ", "Your note", 2000).error().message, "Your note is empty");
}
