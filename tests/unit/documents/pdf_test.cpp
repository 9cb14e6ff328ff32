// Documents as PDF, read back with Poppler's tools as a reader's software would: the exact
// characters typed in five scripts, the title, the tags, embedded subset fonts, page numbers,
// every word inside the page's margins whatever the input, and the time a long report takes.
#include "documents/pdf.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/pdf_tools.hpp"

using namespace pw::documents;
using pw::testing::PdfFile;

namespace {

const std::vector<std::string> kNames{
    "Łukasz Wróbel",                   // Polish
    "Gwenllïan ap Dafydd, Llŷr Gŵyr",  // Welsh, with ŵ and ŷ
    "Ștefan Țăranu",                   // Romanian, comma below
    "عائشہ صدیقی سے ملے",              // Urdu: ہ and ے are not in DejaVu Sans
    "محمد عبد الله",                   // Arabic
};

Document letter() {
    Document d;
    d.title = "Request for mandatory reconsideration";
    d.sender = {kNames[0], kNames[3], kNames[4], "12 Heol y Frenhines", "Caerdydd CF10 1AA"};
    d.date = "4 December 2026";
    d.recipient = {"To: the Department for Work and Pensions"};
    for (const auto& name : kNames) d.blocks.push_back(Paragraph{"Written by " + name + ".", false});
    d.blocks.push_back(Link{"Read the guidance", "https://www.gov.uk/mandatory-reconsideration"});
    return d;
}

}  // namespace

TEST(DocumentPdf, GivesBackTheExactCharactersTypedInFiveScripts) {
    const PdfFile pdf(render_pdf(letter()));
    const auto text = pdf.text();
    for (const auto& name : kNames) EXPECT_NE(text.find(name), std::string::npos) << name << "\nin: " << text;
    EXPECT_NE(text.find("Caerdydd CF10 1AA"), std::string::npos);
    EXPECT_NE(text.find("Page 1 of 1"), std::string::npos);
}

TEST(DocumentPdf, NoncharactersInATitleAreReplacedNotRefused) {
    // Found by the fuzzer: U+FDEB is valid UTF-8, but Cairo will not put it in the PDF's title.
    Document d;
    d.title = std::string("\x10\0\0\x9e\x08" "Content-Length:Dear\xef\xb7\xb7\x93\xef\xb7\xab\n", 32);
    d.blocks.push_back(Paragraph{"\xef\xbf\xbe \xf4\x8f\xbf\xbf \xef\xb7\x90", false});
    const auto pdf = render_pdf(d);
    EXPECT_TRUE(pdf.starts_with("%PDF-"));
    EXPECT_EQ(printable("a\xef\xb7\xab" "b\xef\xbf\xbf" "c\xf0\x9f\xbf\xbe" "d"),
              "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
    EXPECT_EQ(printable("\xef\xb7\xb0"), "\xef\xb7\xb0");  // U+FDF0 is a character
}

// A letter is made the moment someone asks for it: the file must not say when, nor what made it.
TEST(DocumentPdf, CarriesNoTimeItWasMadeAndNoProducer) {
    const auto bytes = render_pdf(letter());
    EXPECT_EQ(bytes.find("/CreationDate"), std::string::npos);
    EXPECT_EQ(bytes.find("/ModDate"), std::string::npos);
    EXPECT_EQ(bytes.find("/Producer"), std::string::npos);
    EXPECT_EQ(bytes.find("cairo"), std::string::npos);
    const PdfFile pdf(bytes);
    const auto info = pdf.tool("pdfinfo");
    EXPECT_TRUE(std::regex_search(info, std::regex("Title: +Request for mandatory reconsideration\n"))) << info;
    EXPECT_EQ(info.find("CreationDate"), std::string::npos) << info;
    EXPECT_EQ(info.find("Producer"), std::string::npos) << info;
    // Still a sound file: the blanked entries kept every object where the table says it is (a
    // wrong offset makes Poppler say "Syntax Error" and rebuild the table).
    EXPECT_EQ(pw::testing::command_output("pdfinfo '" + pdf.path.string() + "' 2>&1 >/dev/null"), "");
    EXPECT_NE(pdf.text().find("Caerdydd CF10 1AA"), std::string::npos);
}

TEST(DocumentPdf, HasItsTitleTagsAndEmbeddedSubsetFonts) {
    const PdfFile pdf(render_pdf(letter()));
    const auto info = pdf.tool("pdfinfo");
    EXPECT_TRUE(std::regex_search(info, std::regex("Title: +Request for mandatory reconsideration\n"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("Tagged: +yes\n"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex("Page size: +595.276 x 841.89 pts \\(A4\\)"))) << info;
    // Every font embedded and subset; DejaVu for the Latin text, Scheherazade for the Arabic.
    const auto fonts = pdf.tool("pdffonts");
    std::istringstream lines(fonts);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        if (line.starts_with("name") || line.starts_with("----")) continue;
        ++rows;
        EXPECT_NE(line.find(" yes yes "), std::string::npos) << "not embedded and subset: " << line;
    }
    EXPECT_GE(rows, 3) << fonts;
    EXPECT_NE(fonts.find("DejaVuSans-Bold"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("Scheherazade"), std::string::npos) << fonts;
    // The link is a link.
    const auto raw = std::string(std::istreambuf_iterator<char>(*std::make_unique<std::ifstream>(pdf.path)), {});
    EXPECT_NE(raw.find("/URI (https://www.gov.uk/mandatory-reconsideration)"), std::string::npos);
}

TEST(DocumentPdf, HostileInputStaysInsideThePageAndCountsItsPages) {
    Document d;
    d.title = std::string(3000, 'T');
    d.sender = {std::string(10000, 'x'), "\x01\x02\x1b[31m\x7f bell\a", "\xff\xfe not UTF-8 \xc0\xaf"};
    d.date = "e\u0301\u0301\u0301\u0301 combining, emoji \U0001F600\U0001F44D\U0001F3FD";
    std::string words;
    for (int i = 0; i < 1500; ++i) words += "word" + std::to_string(i) + " ";
    d.blocks.push_back(Paragraph{words, true});
    d.blocks.push_back(Paragraph{"שלום עולם " + kNames[3] + " mixed with English, then ‮reversed‬ text", true});
    d.blocks.push_back(Link{"javascript", "javascript:alert(1)"});
    d.blocks.push_back(Link{"quotes", "https://example.com/a'b\\c"});
    d.blocks.push_back(Table{"A table", {"a", std::string(2000, 'h')}, {{std::string(10000, 'c'), "d"}, {}}});
    d.blocks.push_back(Chart{"<svg not really", "a chart that cannot be read"});
    d.blocks.push_back(
        Chart{"<svg xmlns='http://www.w3.org/2000/svg' width='9000' height='90000'>"
              "<rect width='9000' height='90000'/></svg>",
              "a chart far larger than the page"});
    const auto started = std::chrono::steady_clock::now();
    const PdfFile pdf(render_pdf(d));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    const auto info = pdf.tool("pdfinfo");
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)"))) << info;
    EXPECT_GE(std::stoi(pages[1]), 3);
    EXPECT_LE(std::stoi(pages[1]), 40);
    // Every word's box lies within the page, margins included (2 cm, less a point for rounding).
    const auto boxes = pdf.tool("pdftotext", "-bbox -enc UTF-8");
    static const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)")re");
    int words_seen = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word); it != std::sregex_iterator(); ++it) {
        ++words_seen;
        const double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]),
                     y1 = std::stod((*it)[4]);
        EXPECT_GE(x0, 55.0);
        EXPECT_LE(x1, 595.276 - 55.0);
        EXPECT_GE(y0, 40.0);
        EXPECT_LE(y1, 841.89 - 40.0);
        if (HasFailure()) {
            ADD_FAILURE() << "a word outside the margins: " << it->str();
            break;
        }
    }
    EXPECT_GT(words_seen, 1500);
    const auto text = pdf.tool("pdftotext", "-enc UTF-8");
    EXPECT_NE(text.find("a chart that cannot be read"), std::string::npos);
    EXPECT_NE(text.find("javascript (javascript:alert(1))"), std::string::npos) << "printed, not a link";
}

TEST(DocumentPdf, ATableKeepsEveryWordWholeWhenALongNameWantsTheWidth) {
    // A unit's name may be 200 bytes; the figures beside it must still read as numbers, never
    // broken down the page or hyphenated (a hyphen in a table of figures reads as a minus).
    Document d;
    d.title = "Units by strength of evidence";
    std::string name;
    for (int i = 0; i < 18; ++i) name += "Jobcentre" + std::to_string(i) + " ";
    d.blocks.push_back(Table{"Units",
                             {"Rank", "Unit", "Strongest test", "p-value", "q-value", "Flagged"},
                             {{"1", name, "Period end", "1.8e-127", "3.2e-125", "Yes"},
                              {"2", "Leeds", "Floor", "0.000123", "0.0456", "No"}}});
    const PdfFile pdf(render_pdf(d));
    const auto boxes = pdf.tool("pdftotext", "-bbox -enc UTF-8");
    for (const std::string whole : {"Rank", "Strongest", "p-value", "q-value", "Flagged", "1.8e-127", "3.2e-125",
                                    "0.000123", "0.0456", "Jobcentre17"})
        EXPECT_NE(boxes.find(">" + whole + "</word>"), std::string::npos) << whole << " is broken:\n" << boxes;
    EXPECT_EQ(boxes.find("-</word>"), std::string::npos) << "a hyphen was inserted:\n" << boxes;
}

TEST(DocumentPdf, ATwentyPageReportWithTablesAndChartsTakesUnderASecond) {
    Document d;
    d.title = "Target detection report";
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='480' height='200' viewBox='0 0 480 200'>";
    for (int i = 0; i < 20; ++i)
        svg += "<rect x='" + std::to_string(i * 24) + "' y='" + std::to_string(200 - 9 * i) + "' width='20' height='" +
               std::to_string(9 * i) + "' fill='#1d70b8'/>";
    svg += "</svg>";
    for (int section = 0; section < 14; ++section) {
        d.blocks.push_back(Heading{1, "Office " + std::to_string(section)});
        d.blocks.push_back(
            Paragraph{"Referrals per week were lower than a model without a quota would give, "
                      "and crowded at the end of each month. " +
                      std::string(600, 'a')});
        d.blocks.push_back(Chart{svg, "Referrals per week: observed against expected"});
        Table table{"Weeks", {"week", "referrals", "expected", "p"}, {}};
        for (int r = 0; r < 30; ++r)
            table.rows.push_back({"2026-W" + std::to_string(r + 1), std::to_string(r % 7), "3.4", "0.012"});
        d.blocks.push_back(table);
    }
    render_pdf(d);  // the fonts are loaded once, on first use
    const auto started = std::chrono::steady_clock::now();
    const PdfFile pdf(render_pdf(d));
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto info = pdf.tool("pdfinfo");
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages: +([0-9]+)"))) << info;
    EXPECT_GE(std::stoi(pages[1]), 20) << "the report should run to at least 20 pages";
    std::printf("a %s-page report in %.3f s\n", pages[1].str().c_str(), took);
    EXPECT_LT(took, 1.0);
}

// What would print as empty boxes is known before the PDF is made, so the page can say so.
TEST(DocumentPdf, KnowsWhichTextItsFontsCannotPrint) {
    EXPECT_EQ(characters_without_a_font("Łukasz Wróbel, Ελένη, Дмитрий, محمد علی خان, £40 – “fine”"), 0u);
    EXPECT_EQ(characters_without_a_font("王小明"), 3u);
    EXPECT_GE(characters_without_a_font("Name: রহিম"), 1u);
    EXPECT_EQ(characters_without_a_font(""), 0u);
}

// The structure a screen reader reads: a letter's one small heading under its title is H2, not
// H3 with nothing between; under a larger heading it is H3.
TEST(DocumentPdf, HeadingLevelsSkipNoneInTheTaggedStructure) {
    Document d = letter();
    d.title_heading = true;
    d.blocks.push_back(Heading{2, "In my own words"});
    d.blocks.push_back(Paragraph{"I was ill.", false});
    d.blocks.push_back(Heading{1, "What happened"});
    d.blocks.push_back(Heading{2, "The day"});
    const PdfFile pdf(render_pdf(d));
    const auto tree = pdf.tool("pdfinfo", "-struct");
    const auto h1 = tree.find("H1"), first_h2 = tree.find("H2"), h3 = tree.find("H3");
    ASSERT_NE(h1, std::string::npos) << tree;
    ASSERT_NE(first_h2, std::string::npos) << tree;
    ASSERT_NE(h3, std::string::npos) << tree;
    EXPECT_LT(h1, first_h2);
    EXPECT_NE(tree.find("H2", first_h2 + 2), std::string::npos) << "the larger heading is H2 too";
    EXPECT_LT(tree.find("H2", first_h2 + 2), h3) << tree;
}
