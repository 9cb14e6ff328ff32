#include "core/text/text.hpp"

#include <gtest/gtest.h>

using namespace pw::text;

TEST(Text, AcceptsValidUtf8AndRefusesBrokenSequences) {
    EXPECT_TRUE(is_valid_utf8("Work Programme (2011–2017)"));
    EXPECT_TRUE(is_valid_utf8("emoji \xF0\x9F\x98\x80"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Text, CleanLineTrimsAndRefusesControlCharactersAndLongText) {
    EXPECT_EQ(clean_line("  Seetec \t", 50), "Seetec");
    EXPECT_FALSE(clean_line("two\nlines", 50));
    EXPECT_FALSE(clean_line("bell\x07", 50));
    EXPECT_FALSE(clean_line("abcdef", 5));
    EXPECT_EQ(clean_line("", 5), "");
}

TEST(Text, SearchKeyFoldsCaseAndPunctuation) {
    EXPECT_EQ(search_key("Reed in Partnership"), "reed in partnership");
    EXPECT_EQ(search_key("  reed-in--PARTNERSHIP!"), "reed in partnership");
    EXPECT_EQ(search_key("CDG (Careers Development Group)"), "cdg careers development group");
    EXPECT_EQ(search_key("%_'"), "");
}

TEST(Text, SlugIsLowerCaseWithHyphens) {
    EXPECT_EQ(slug("Rehab Group (Rehab JobFit)"), "rehab-group-rehab-jobfit");
}

TEST(Text, ParsePositiveIntRefusesSignsJunkAndRange) {
    EXPECT_EQ(parse_positive_int("18", 999), 18);
    EXPECT_FALSE(parse_positive_int("0", 999));
    EXPECT_FALSE(parse_positive_int("-1", 999));
    EXPECT_FALSE(parse_positive_int("1000", 999));
    EXPECT_FALSE(parse_positive_int("12a", 999));
    EXPECT_FALSE(parse_positive_int("", 999));
    EXPECT_FALSE(parse_positive_int("99999999999999999999999", 999));
}

TEST(Text, ShortenedCutsBetweenCharactersNeverInsideOne) {
    EXPECT_EQ(shortened("short", 80), "short");
    EXPECT_EQ(shortened("abcdef", 3), "abc\u2026");
    // "Ł" is two bytes: a cut after its first byte goes back before it.
    EXPECT_EQ(shortened("ab\u0141cd", 3), "ab\u2026");
    EXPECT_EQ(shortened("ab\u0141cd", 4), "ab\u0141\u2026");
    // A four-byte character (an emoji) cut anywhere inside it.
    for (std::size_t n = 3; n <= 5; ++n) EXPECT_EQ(shortened("ab\U0001F600cd", n), "ab\u2026") << n;
    EXPECT_TRUE(is_valid_utf8(shortened(std::string(79, 'a') + "\u0141ukasz", 80)));
}
