#include "core/redaction/redaction.hpp"

#include <gtest/gtest.h>

using pw::redaction::redact;

TEST(Redaction, RemovesEmailsEvenInBracketsAndBeforeAFullStop) {
    EXPECT_EQ(redact("write to me (jo.bloggs+wp@example.com)."), "write to me ([email address]).");
    EXPECT_EQ(redact("Email J.SMITH@EXAMPLE.ORG, they never reply"), "Email [email address], they never reply");
    EXPECT_EQ(redact("follow @seetec_watch on twitter"), "follow @seetec_watch on twitter");
}

TEST(Redaction, RemovesUkPhoneNumbersInTheirUsualShapes) {
    EXPECT_EQ(redact("ring 07700 900123 now"), "ring [phone number] now");
    EXPECT_EQ(redact("ring 07700900123"), "ring [phone number]");
    EXPECT_EQ(redact("ring +44 7700 900123."), "ring [phone number].");
    EXPECT_EQ(redact("ring +44 (0)7700 900 123"), "ring [phone number]");
    EXPECT_EQ(redact("office 0113 496 0000 or 020 7946 0000"), "office [phone number] or [phone number]");
    EXPECT_EQ(redact("two: 07700 900123 07700 900124"), "two: [phone number] [phone number]");
}

TEST(Redaction, LeavesDatesTimesMoneyAndReferencesAlone) {
    for (auto text : {"on 12/03/2013 at 09:30", "£73.10 a week", "reference 12345678901", "form WP08", "JSA 18-24",
                      "call 0800 if stuck", "2013-03-12", "13 weeks"}) {
        EXPECT_EQ(redact(text), text);
    }
}

TEST(Redaction, RemovesNationalInsuranceNumbersWithOrWithoutTheLetter) {
    EXPECT_EQ(redact("my NI is QQ 12 34 56 C ok"), "my NI is [National Insurance number] ok");
    EXPECT_EQ(redact("qq123456c"), "[National Insurance number]");
    EXPECT_EQ(redact("NI number QQ123456 please"), "NI number [National Insurance number] please");
    EXPECT_EQ(redact("QQ 123456 a lot of times"), "[National Insurance number] a lot of times");
}

TEST(Redaction, RemovesFullPostcodesButNotDistricts) {
    EXPECT_EQ(redact("I live at LS1 4AP near"), "I live at [postcode] near");
    EXPECT_EQ(redact("i live at ls1 4ap"), "i live at [postcode]");
    EXPECT_EQ(redact("EC1A1BB"), "[postcode]");
    EXPECT_EQ(redact("the LS1 office"), "the LS1 office");
    EXPECT_EQ(redact("A4e 2nd floor"), "A4e 2nd floor");
}

TEST(Redaction, TurnsNamedStaffIntoAnAdviser) {
    EXPECT_EQ(redact("my adviser John Smith said no"), "[an adviser] said no");
    EXPECT_EQ(redact("my adviser john said no"), "[an adviser] said no");
    EXPECT_EQ(redact("my work coach, Sarah, was kind"), "[an adviser], was kind");
    EXPECT_EQ(redact("the manager called dave"), "[an adviser]");
    EXPECT_EQ(redact("Mrs O'Neill shouted"), "[an adviser] shouted");
    EXPECT_EQ(redact("Dave's boss"), "Dave's boss");
    EXPECT_EQ(redact("my adviser said no"), "my adviser said no");
    EXPECT_EQ(redact("my sister Sarah helped"), "my sister Sarah helped");
}

TEST(Redaction, CensorRulesRemoveWholePhrasesOnly) {
    std::vector<pw::redaction::CensorRule> rules{{"Bolton Road"}};
    EXPECT_EQ(redact("the office on bolton road", rules), "the office on [removed]");
    EXPECT_EQ(redact("bolton roads", rules), "bolton roads");
}

TEST(Redaction, CensorPatternsUseAStarForAnyLetters) {
    std::vector<pw::redaction::CensorRule> rules{{"Dav*"}, {"* Street office"}};
    EXPECT_EQ(redact("Dave and David and Davina, not Dove", rules), "[removed] and [removed] and [removed], not Dove");
    EXPECT_EQ(redact("the High Street office was shut", rules), "the [removed] was shut");
    EXPECT_EQ(redact("nothing here", {{"*"}}), "nothing here");  // a lone star would remove everything
}

TEST(Redaction, KeepsUtf8AroundWhatItRemoves) {
    EXPECT_EQ(redact("“07700 900123” — ring"), "“[phone number]” — ring");
}
