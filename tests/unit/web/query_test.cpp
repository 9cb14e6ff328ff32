#include "web/http/query.hpp"

#include <gtest/gtest.h>

using namespace pw::web;

TEST(Query, DecodesPercentEscapesAndPlusAsSpace) {
    auto params = parse_query("q=reed+in%20partnership&x=%2B1");
    ASSERT_TRUE(params);
    EXPECT_EQ(params->at("q"), "reed in partnership");
    EXPECT_EQ(params->at("x"), "+1");
}

TEST(Query, KeepsTheFirstOfARepeatedKeyAndAcceptsEmptyValues) {
    auto params = parse_query("q=first&q=second&empty=&flag");
    ASSERT_TRUE(params);
    EXPECT_EQ(params->at("q"), "first");
    EXPECT_EQ(params->at("empty"), "");
    EXPECT_EQ(params->at("flag"), "");
}

TEST(Query, RefusesBrokenEscapesAndInvalidUtf8) {
    EXPECT_FALSE(parse_query("q=%ZZ"));
    EXPECT_FALSE(parse_query("q=%"));
    EXPECT_FALSE(parse_query("q=%C3%28"));
}

TEST(Query, IdsArePositiveWholeNumbers) {
    EXPECT_EQ(parse_id("42"), 42);
    EXPECT_FALSE(parse_id("0"));
    EXPECT_FALSE(parse_id("4x"));
    EXPECT_FALSE(parse_id("-3"));
    EXPECT_FALSE(parse_id("99999999999999999999"));
}

TEST(CanonicalQuery, KeepsOnlyTheDeclaredParametersInTheirOrder) {
    const std::vector<std::string> page{"page"};
    EXPECT_EQ(pw::web::canonical_query("uncached=1-2&page=3", page), "page=3");
    EXPECT_EQ(pw::web::canonical_query("uncached=1-2", page), "");
    EXPECT_EQ(pw::web::canonical_query("", page), "");
    const std::vector<std::string> two{"q", "page"};
    EXPECT_EQ(pw::web::canonical_query("page=2&x=y&q=a+b%26c", two), "q=a%20b%26c&page=2");
}

TEST(CanonicalQuery, RefusesWhatCannotBeDecoded) {
    const std::vector<std::string> q{"q"};
    EXPECT_FALSE(pw::web::canonical_query("q=%ff", q));
    EXPECT_FALSE(pw::web::canonical_query("q=%zz", q));
}
