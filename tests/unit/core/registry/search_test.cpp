#include "core/registry/search.hpp"

#include <gtest/gtest.h>

using pw::registry::search_key_for;

TEST(Search, FoldsWhatWasTyped) {
    EXPECT_EQ(search_key_for("  Ingeus-Deloitte ").value(), "ingeus deloitte");
}

TEST(Search, ExplainsAnEmptySearch) {
    auto key = search_key_for("   ");
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().message, "Enter a provider name, town or postcode district");
}

TEST(Search, RefusesOverLongAndPunctuationOnlySearches) {
    EXPECT_EQ(search_key_for(std::string(101, 'a')).error().message, "Search must be 100 characters or fewer");
    EXPECT_TRUE(search_key_for(std::string(100, 'a')));
    EXPECT_EQ(search_key_for("%%%").error().message, "Search must include at least one letter or number");
    EXPECT_FALSE(search_key_for("\xFF\xFE"));
}
