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
