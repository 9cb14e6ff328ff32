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
