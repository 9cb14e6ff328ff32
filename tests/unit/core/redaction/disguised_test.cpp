// Text written, by accident or on purpose, in characters the scanners did not read: no-break and
// other spaces, zero-width characters, full-width and mathematical digits, HTML character
// references; and the shapes a number or a name takes when typed differently (punctuation between
// an NI number's parts, a surname in capitals, a mobile without its 0). A reviewer's attack found
// the first of each; the others are variants of them. What must be removed is every byte that
// wrote it, and the text around it kept as it was typed.
#include <gtest/gtest.h>

#include <string>

#include "core/redaction/redacted_text.hpp"
#include "core/redaction/redaction.hpp"

using pw::redaction::find;
using pw::redaction::redact;

TEST(DisguisedText, SpacesOfEveryKindBetweenTheParts) {
    for (const char* space : {"\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\u2002"}) {
        const std::string s(space);
        EXPECT_EQ(redact("Call her on 07700" + s + "900123 today."), "Call her on [phone number] today.") << space;
        EXPECT_EQ(redact("My NI number AB" + s + "12" + s + "34" + s + "56" + s + "C was read out."),
                  "My NI number [National Insurance number] was read out.")
            << space;
        EXPECT_EQ(redact("I live at SW1A" + s + "1AA now."), "I live at [postcode] now.") << space;
        EXPECT_EQ(redact("It was on 12th" + s + "March 2024 at ten."), "It was in March 2024 at ten.") << space;
    }
    EXPECT_EQ(redact("I live at SW1A  1AA now."), "I live at [postcode] now.");
    EXPECT_EQ(redact("Her line is 07700\n900123 at the office."), "Her line is [phone number] at the office.");
}

TEST(DisguisedText, CharactersNobodySeesInsideANumberOrAName) {
    for (const char* unseen : {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}) {
        const std::string u(unseen);
        EXPECT_EQ(redact("Her line is 07" + u + "700 900" + u + "123 today."), "Her line is [phone number] today.")
            << "U+" << unseen;
        EXPECT_EQ(redact("email jane" + u + ".doe@example.com now"), "email [email address] now");
        EXPECT_EQ(redact("My work coach Kev" + u + "in Sumner refused to help.").find("Sumner"), std::string::npos);
    }
}

TEST(DisguisedText, FullWidthAndMathematicalCharacters) {
    EXPECT_EQ(redact("Her line is ０７７００ ９００１２３ today."), "Her line is [phone number] today.");
    EXPECT_EQ(redact("Email her at jane.doe＠example.com please."), "Email her at [email address] please.");
    EXPECT_EQ(redact("NI ＡＢ１２３４５６Ｃ on the form"), "NI [National Insurance number] on the form");
    EXPECT_EQ(redact("at ＳＷ１Ａ １ＡＡ today"), "at [postcode] today");
    EXPECT_EQ(redact("ring 𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑"), "ring [phone number]");
}

TEST(DisguisedText, HtmlCharacterReferencesReadAsTheirCharacters) {
    EXPECT_EQ(redact("jane&#64;example.com"), "[email address]");
    EXPECT_EQ(redact("write to jane&#x40;example&#46;com today"), "write to [email address] today");
    EXPECT_EQ(redact("write to jane&commat;example.com"), "write to [email address]");
    EXPECT_EQ(redact("ring 07700&nbsp;900123"), "ring [phone number]");
    EXPECT_EQ(redact("Fish &amp; chips &#nonsense; &#99999999;"), "Fish &amp; chips &#nonsense; &#99999999;");
}

TEST(DisguisedText, TheTextAroundASpanIsKeptAsTyped) {
    // The no-break space before "today" and the full-width brackets are not in the span: kept.
    EXPECT_EQ(redact("（call ０７７００ ９００１２３）\u00a0today"), "（call [phone number]）\u00a0today");
    const std::string text = "x 07\u200b700 900123\u200b y";
    const auto spans = find(text);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(text.substr(0, spans[0].begin), "x ");
    EXPECT_EQ(text.substr(spans[0].end), " y");  // the unseen character after it goes with it
    EXPECT_EQ(redact("Lord Freud\u2014Jane Doe said").find("Doe"), std::string::npos);
    EXPECT_EQ(redact("Mon 3 \u2013 Fri 7 June was the course."), "[date] \u2013 June was the course.");
}

TEST(DisguisedText, NationalInsuranceNumbersWithPunctuationBetweenTheParts) {
    EXPECT_EQ(redact("my NI AB-12-34-56-C on the board"), "my NI [National Insurance number] on the board");
    EXPECT_EQ(redact("my NI AB/12/34/56/C"), "my NI [National Insurance number]");
    EXPECT_EQ(redact("my NI ab.12.34.56.c"), "my NI [National Insurance number]");
    EXPECT_EQ(redact("my NI AB-12-34-56 C"), "my NI [National Insurance number]");
    // References in the same characters are not NI numbers.
    EXPECT_EQ(redact("case CR/2022/11 and CX-001947"), "case CR/2022/11 and CX-001947");
}

TEST(DisguisedText, PhoneNumbersTypedDifferently) {
    EXPECT_EQ(redact("Her line is 077OO 9OO123 at the office."), "Her line is [phone number] at the office.");
    EXPECT_EQ(redact("text me on 447700900123"), "text me on [phone number]");
    EXPECT_EQ(redact("her mobile is 7700 900123"), "her mobile is [phone number]");
    // Without a word that says it is a number, such figures are a reference.
    EXPECT_EQ(redact("Complaint reference 4471 2290 1133."), "Complaint reference 4471 2290 1133.");
    EXPECT_EQ(redact("I paid 7500 pounds in 2019"), "I paid 7500 pounds in 2019");
}

TEST(DisguisedText, DatesTypedDifferently) {
    EXPECT_EQ(redact("Their form had my DOB 23091979 printed on it."),
              "Their form had my DOB September 1979 printed on it.");
    EXPECT_EQ(redact("born: 19790923"), "born: September 1979");
    EXPECT_EQ(redact("on 2024\u201303\u201312 it"), "in March 2024 it");
    EXPECT_EQ(redact("account 23091979"), "account 23091979");  // eight figures alone: an account, a reference
}

TEST(DisguisedText, WhatShowsAsAGapOrADashIsReadAsOne) {
    EXPECT_EQ(redact("ring 07700\u2012900123"), "ring [phone number]");  // a figure dash
    EXPECT_EQ(redact("my NI AB\u201212\u201234\u201256\u2012C"), "my NI [National Insurance number]");
    EXPECT_EQ(redact("ring 07700\u2800900123"), "ring [phone number]");  // the braille blank
    EXPECT_EQ(redact("ring 07700\u2028900123"), "ring [phone number]");  // a line separator
    EXPECT_EQ(redact("My adviser John\u3164Smith was late.").find("Smith"), std::string::npos);  // a Hangul filler
}

TEST(DisguisedText, TextShownReorderedIsPublishedInTheOrderItWasRead) {
    // Shown, this reads "07700 900123"; read in order, it is no number. Published, the controls go,
    // so what is shown is what redaction read.
    const auto published = pw::redaction::redact_text("call \u202E321009 00770\u202C now").str();
    EXPECT_EQ(published, "call 321009 00770 now");
}

TEST(DisguisedText, CuesAreWholeWords) {
    EXPECT_EQ(redact("During training, ref 7123 456 789 was used."), "During training, ref 7123 456 789 was used.");
    EXPECT_EQ(redact("He was stubborn 23091979 times"), "He was stubborn 23091979 times");
    EXPECT_EQ(redact("D.O.B. 23091979"), "D.O.B. September 1979");
    EXPECT_EQ(redact("call me on 7700 900123"), "call me on [phone number]");
}

TEST(DisguisedText, StaffNamesInCapitals) {
    EXPECT_EQ(redact("My adviser JOHN Smith shouted at me."), "[an adviser] shouted at me.");
    EXPECT_EQ(redact("My adviser JOHN SMITH shouted at me."), "[an adviser] shouted at me.");
    EXPECT_EQ(redact("My adviser John SMITH shouted at me."), "[an adviser] shouted at me.");
    EXPECT_EQ(redact("Then John SMITH came in.").find("SMITH"), std::string::npos);
    EXPECT_EQ(redact("My adviser NEVER calls back."), "My adviser NEVER calls back.");
    EXPECT_EQ(redact("My adviser ALWAYS says no."), "My adviser ALWAYS says no.");
}
