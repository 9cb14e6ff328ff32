#include "core/csv/csv.hpp"

#include <gtest/gtest.h>

using pw::csv::parse;

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
    auto rows = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[1].fields[0], "x, y");
    EXPECT_EQ((*rows)[1].fields[1], "say \"hi\"\nthere");
    EXPECT_EQ((*rows)[1].line, 2u);
}

TEST(Csv, CountsLinesAcrossEmbeddedNewlinesAndCrlf) {
    auto rows = parse("h\r\n\"one\ntwo\"\r\nthree\r\n");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[2].fields[0], "three");
    EXPECT_EQ((*rows)[2].line, 4u);
}

TEST(Csv, SkipsTheByteOrderMarkAndBlankLines) {
    auto rows = parse("\xEF\xBB\xBFh1,h2\n\n1,2\n");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].fields[0], "h1");
    EXPECT_EQ((*rows)[1].line, 3u);
}

TEST(Csv, KeepsEmptyTrailingFieldsAndALastLineWithoutNewline) {
    auto rows = parse("a,b,c\n1,,\n2,3,4");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[1].fields, (std::vector<std::string>{"1", "", ""}));
    EXPECT_EQ((*rows)[2].fields, (std::vector<std::string>{"2", "3", "4"}));
}

TEST(Csv, RefusesAnUnclosedQuoteNamingItsLine) {
    auto rows = parse("a\nb\n\"never closed\n");
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().message, "line 3: a quoted field is never closed");
}

TEST(Csv, RefusesAQuoteInTheMiddleOfAField) {
    auto rows = parse("a\nab\"c\n");
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().message.substr(0, 7), "line 2:");
}

TEST(Csv, RefusesInvalidUtf8AndNulBytes) {
    EXPECT_FALSE(parse("a\n\xC3\x28\n"));
    EXPECT_FALSE(parse(std::string("a\nb\0c\n", 6)));
}

TEST(CsvWrite, QuotesWhatNeedsItAndDefusesFormulas) {
    EXPECT_EQ(pw::csv::escape_field("plain"), "plain");
    EXPECT_EQ(pw::csv::escape_field("a,b"), "\"a,b\"");
    EXPECT_EQ(pw::csv::escape_field("say \"x\""), "\"say \"\"x\"\"\"");
    EXPECT_EQ(pw::csv::escape_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(pw::csv::escape_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(pw::csv::escape_field("-1+2"), "'-1+2");
    EXPECT_EQ(pw::csv::escape_field("\t=1+1"), "'\t=1+1");
    EXPECT_EQ(pw::csv::escape_field("\r=1+1"), "\"'\r=1+1\"");
    EXPECT_EQ(pw::csv::escape_field("-"), "'-");
    EXPECT_EQ(pw::csv::escape_field("-A1"), "'-A1");
    // A plain negative number stays a number.
    EXPECT_EQ(pw::csv::escape_field("-0.25"), "-0.25");
    EXPECT_EQ(pw::csv::escape_field("-1.5e-05"), "-1.5e-05");
    EXPECT_EQ(pw::csv::escape_field("-inf"), "'-inf");  // from_chars reads it; a spreadsheet does not
    EXPECT_EQ(pw::csv::escape_field("-nan(x)"), "'-nan(x)");
    EXPECT_EQ(pw::csv::escape_field("+5"), "'+5");
}

TEST(CsvWrite, WhatItWritesReadsBackTheSame) {
    const std::vector<std::string> fields{"Work Programme (2011–2017)", "a \"quoted\", comma", "two\nlines", ""};
    auto rows = parse(pw::csv::format_row(fields));
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].fields, fields);
}
