// The letter to the Independent Case Examiner: what it says with and without a final response,
// what the person typed kept as typed, and no name unless they gave one.
#include <gtest/gtest.h>

#include "core/complaints/ice_letter.hpp"
#include "core/documents/letter_head.hpp"

using namespace pw;
using namespace pw::complaints;
using namespace std::chrono;

namespace {

IceFacts facts() {
    IceFacts f;
    f.provider = "Seetec";
    f.office = "Seetec Leeds";
    f.category = Category::travel_costs;
    f.sent = *Week::parse("2026-W10");
    return f;
}

constexpr year_month_day kToday{year{2026}, December, day{4}};

}  // namespace

TEST(IceLetter, WithNoFinalResponseItAsksTheIceToTakeItWithoutOne) {
    const auto text = ice_letter(facts(), kToday);
    EXPECT_NE(text.find("my complaint about Seetec (Seetec Leeds)"), std::string::npos) << text;
    EXPECT_NE(text.find("My complaint is about: Travel costs not paid."), std::string::npos);
    // 2026-W10 starts on 2 March. The site knows the week, not the day, so the letter claims no
    // deadline of its own: it asks the ICE to take the complaint without a final response.
    EXPECT_NE(text.find("in the week of 2 March 2026, and it has not given me a final response. I ask you to "
                        "accept my complaint without one."),
              std::string::npos);
    EXPECT_NE(text.find("4 December 2026"), std::string::npos);
    EXPECT_NE(text.find("Your name:"), std::string::npos) << "an empty name is a label to fill in";
    EXPECT_NE(text.find("Your National Insurance number:"), std::string::npos);
    EXPECT_EQ(text.find("final response in the week"), std::string::npos);
    EXPECT_EQ(text.find("What I want to add"), std::string::npos) << "a heading over nothing";
}

TEST(IceLetter, AfterAFinalResponseItSaysWhyTheyAreNotSatisfiedInTheirWords) {
    auto f = facts();
    f.office.clear();
    f.final_response = *Week::parse("2026-W14");
    f.not_satisfied = "It did not answer about the fares.\r\n\r\nI still owe £40.";
    f.sender = {"Łukasz Wróbel", "1 High St\nLeeds", "QQ 12 34 56 C"};
    const auto document = ice_document(f, kToday);
    EXPECT_EQ(document.title, "Complaint about Seetec: a request for the Independent Case Examiner");
    ASSERT_GE(document.sender.size(), 4u);
    EXPECT_EQ(document.sender[0], "Łukasz Wróbel");
    EXPECT_EQ(document.sender[1], "1 High St");
    EXPECT_EQ(document.sender[2], "Leeds");
    EXPECT_EQ(document.sender[3], "National Insurance number: QQ 12 34 56 C");
    const auto text = documents::plain_text(document);
    EXPECT_NE(text.find("my complaint about Seetec, which"), std::string::npos) << text;
    EXPECT_NE(text.find("It sent its final response in the week of 30 March 2026, and I am not satisfied"),
              std::string::npos);
    EXPECT_NE(text.find("Why I am not satisfied"), std::string::npos);
    EXPECT_NE(text.find("It did not answer about the fares."), std::string::npos);
    EXPECT_NE(text.find("I still owe £40."), std::string::npos);
    EXPECT_NE(text.find("and of the provider's final response"), std::string::npos);
}

// A name is one line: line breaks in it pushed the letter's head onto pages of its own, and a
// right-to-left override printed it backwards ("eoD enaJ").
TEST(LetterHead, ANameOrReferenceIsOneLineAndDirectionControlsAreDropped) {
    const documents::Sender sender{
        "Jane\n\n\nDoe\t\xe2\x80\xae"
        "Smith",
        "1 High St\xe2\x80\xae\nLeeds", "QQ 12\n34 56 C"};
    const auto lines = documents::sender_lines(sender, "National Insurance number");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "Jane Doe Smith");
    EXPECT_EQ(lines[1], "1 High St");
    EXPECT_EQ(lines[2], "Leeds");
    EXPECT_EQ(lines[3], "National Insurance number: QQ 12 34 56 C");
    // Line and paragraph separators are breaks too; a name of nothing but breaks is no name.
    const documents::Sender breaks{"\xe2\x80\xa9\xe2\x80\xa8\xc2\x85\n", "", " \xe2\x80\xa9 "};
    const auto empty = documents::sender_lines(breaks, "National Insurance number");
    ASSERT_EQ(empty.size(), 3u);
    EXPECT_EQ(empty[0], "Your name:");
    EXPECT_EQ(empty[2], "Your National Insurance number:");
    EXPECT_EQ(documents::sender_lines({"Jane\xe2\x80\xa8" "Doe", "", ""}, "")[0], "Jane Doe");
}
