// Dates written as people here write them: diaries of days and months, Welsh, other languages.
#include <gtest/gtest.h>

#include "core/redaction/redaction.hpp"

using pw::redaction::redact;

TEST(RedactionDates, ListsOfDaysAndMonthsInFigures) {
    EXPECT_EQ(redact("My appointments: 6/1, 13/1, 20/1 and 3/2."),
              "My appointments: January, January, January and February.");
    EXPECT_EQ(redact("flat 4/2, 112 Dumbarton Road"), "flat 4/2, 112 Dumbarton Road");
}

TEST(RedactionDates, ADiaryOfDaysWithAFullStop) {
    EXPECT_EQ(redact("Her diary: 1.3 – letter from Restart. 3.3 – went, told to come back 10.3. 17.3 – referred."),
              "Her diary: March – letter from Restart. March – went, told to come back March. March – referred.");
    for (auto text : {"It costs £3.10 and is 1.5 miles away", "version 2.1 of 4.5", "rated 4.5 - not bad",
                      "I got 1.3 - what a joke", "I bought 2 Mars bars", "the 1st of the 2nd floor flat"}) {
        EXPECT_EQ(redact(text), text);
    }
}

TEST(RedactionDates, ADiaryOfOrdinalDays) {
    EXPECT_EQ(redact("Diary\n1st – UC paid.\n2nd – letter came.\n9th – attended."),
              "Diary\n[date] – UC paid.\n[date] – letter came.\n[date] – attended.");
    // A numbered list is no diary: its days never pass the 3rd.
    EXPECT_EQ(redact("1st - housing\n2nd - money\n3rd - travel"), "1st - housing\n2nd - money\n3rd - travel");
    EXPECT_EQ(redact("I came 1st in the race"), "I came 1st in the race");
}

TEST(RedactionDates, WelshDaysAndOrdinals) {
    EXPECT_EQ(redact("ar ddydd Mawrth 14eg Tachwedd"), "ar November");
    EXPECT_EQ(redact("Dydd Llun 4 Mawrth am 10"), "March am 10");
    EXPECT_EQ(redact("ar y 1af o Fai 2014"), "ar y May 2014");
    EXPECT_EQ(redact("Fai was there"), "[name] was there");
}

TEST(RedactionDates, MonthsInOtherLanguagesAfterADay) {
    EXPECT_EQ(redact("urodzony 3 października 1988"), "urodzony October 1988");
    EXPECT_EQ(redact("nascut pe 12 martie 1990"), "nascut pe March 1990");
    EXPECT_EQ(redact("el 3 de marzo"), "el March");
    EXPECT_EQ(redact("Mars bars and mayo"), "Mars bars and mayo");
    EXPECT_EQ(redact("3月15日に"), "Marchに");
    EXPECT_EQ(redact("2013年3月15日"), "March 2013");
}

TEST(RedactionDates, AMonthByItsNumberAndFeasts) {
    EXPECT_EQ(redact("born the 3rd of the 4th 1990"), "born April 1990");
    EXPECT_EQ(redact("the 3rd of the 4 kids"), "the 3rd of the 4 kids");
    EXPECT_EQ(redact("we met after Eid al-Fitr"), "we met after [date]");
    EXPECT_EQ(redact("at Hogmanay"), "at December");
}

TEST(RedactionDates, WeekdaysAndMonthsOfMoreLanguages) {
    EXPECT_EQ(redact("mam w piątek 8 września"), "mam September");
    EXPECT_EQ(redact("vineri 19 ianuarie"), "January");
    EXPECT_EQ(redact("Diluain 4 Samhain"), "November");
    EXPECT_EQ(redact("Khamiis 8 Febraayo"), "February");
    EXPECT_EQ(redact("12ê Gulanê"), "May");
    EXPECT_EQ(redact("wtorek 23.04"), "April");
    EXPECT_EQ(redact("I paid 1.50 on Monday"), "I paid 1.50 on Monday");
}

// After a heading that reads like a day ("1.1 - Background"), figures with a point stay figures.
TEST(RedactionDates, AHeadingDoesNotMakeADiaryOfEveryFigure) {
    EXPECT_EQ(redact("1.1 - Background\nI waited 3.5 hours and walked 2.4 miles. Rated 4.5 stars."),
              "January - Background\nI waited 3.5 hours and walked 2.4 miles. Rated 4.5 stars.");
}

TEST(RedactionDates, DatesAsPeopleSpellThemAndDaysInWords) {
    EXPECT_EQ(redact("Febuary 3rd"), "February");
    EXPECT_EQ(redact("Sept. 14th"), "September");
    EXPECT_EQ(redact("Wensday 5th"), "[date]");
    EXPECT_EQ(redact("Tuesday the eighth"), "[date]");
    EXPECT_EQ(redact("on the twenty-third"), "on the [date]");
    EXPECT_EQ(redact("June third"), "June");
    EXPECT_EQ(redact("Dienstag, 10. Juni"), "June");
    EXPECT_EQ(redact("3 Haziran"), "June");
    // Counts stay: "living on the third", "on the first day", "the 2nd and 4th Wednesday".
    for (auto text : {"I'm living on the third.", "on the first day", "except the 2nd and 4th Wednesday of the month",
                      "It was 1.5 at 10:00", "I paid 1.05, 10:30 bus"}) {
        EXPECT_EQ(redact(text), text);
    }
}

TEST(RedactionDates, DaysInFiguresWithANoughtOrAnHour) {
    EXPECT_EQ(redact("18/01 - initial. 01/02 - review."), "January - initial. February - review.");
    EXPECT_EQ(redact("then on 17.02 they say"), "then in February they say");
    EXPECT_EQ(redact("termin 3.10 o 10:00"), "termin October o 10:00");
    EXPECT_EQ(redact("5th - induction / 10th - 12th - ill"), "[date] - induction / [date] - ill");
}
