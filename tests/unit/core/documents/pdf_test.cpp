#include "core/documents/pdf.hpp"

#include <gtest/gtest.h>

#include <regex>

using pw::documents::text_pdf;

TEST(Pdf, IsAWellFormedDocumentWithTheText) {
    const auto pdf = text_pdf("Dear DWP,\nI ask you (again) to look at my case.\n", "Request");
    EXPECT_TRUE(pdf.starts_with("%PDF-1.4\n"));
    EXPECT_TRUE(pdf.ends_with("%%EOF\n"));
    EXPECT_NE(pdf.find("(Dear DWP,) Tj"), std::string::npos);
    EXPECT_NE(pdf.find("(I ask you \\(again\\) to look at my case.) Tj"), std::string::npos);
    // Every cross-reference entry points at the start of its object.
    const auto xref = pdf.find("xref\n");
    std::regex entry(R"((\d{10}) 00000 n )");
    int object = 1;
    for (auto it = std::sregex_iterator(pdf.begin() + static_cast<long>(xref), pdf.end(), entry);
         it != std::sregex_iterator(); ++it, ++object) {
        const auto offset = std::stoul((*it)[1].str());
        EXPECT_EQ(pdf.substr(offset, std::to_string(object).size() + 6), std::to_string(object) + " 0 obj") << object;
    }
    EXPECT_EQ(object, 7);  // catalog, pages, font, info, one page and its content
    const auto startxref = pdf.rfind("startxref\n");
    EXPECT_EQ(std::stoul(pdf.substr(startxref + 10)), xref);
}

TEST(Pdf, WrapsLongLinesAndAddsPages) {
    std::string text;
    for (int i = 0; i < 130; ++i) text += "line " + std::to_string(i) + "\n";
    const auto pdf = text_pdf(text, "Long");
    EXPECT_NE(pdf.find("/Count 3"), std::string::npos);
    const auto wide = text_pdf(std::string(200, 'x') + " end", "Wide");
    EXPECT_NE(wide.find("(" + std::string(88, 'x') + ") Tj"), std::string::npos);
}

TEST(Pdf, KeepsLatin1AndPlainsOtherCharacters) {
    const auto pdf = text_pdf("£73.10 – “fair” café ✓", "Chars");
    EXPECT_NE(pdf.find("(\xA3"
                       "73.10 - \"fair\" caf\xE9 ?) Tj"),
              std::string::npos);
}
