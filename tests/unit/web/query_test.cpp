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
