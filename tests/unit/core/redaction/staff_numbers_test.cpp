// Staff, employee and payroll numbers point to one person as surely as a name: an adviser who
// reports pressure, or a participant who quotes their adviser's badge, must not be identified by
// one. Found only after the words that name them, so other figures stay.
#include <gtest/gtest.h>

#include <string>

#include "core/redaction/redaction.hpp"

using pw::redaction::redact;

TEST(StaffNumbers, AfterTheWordsThatNameThemTheyGo) {
    EXPECT_EQ(redact("Staff ID AC-20391, payroll number 4471823."),
              "Staff ID [staff number], payroll number [staff number].");
    EXPECT_EQ(redact("My employee no. is 12345 and my badge number: B/7781."),
              "My employee no. is [staff number] and my badge number: [staff number].");
    EXPECT_EQ(redact("personnel ref 009921"), "personnel ref [staff number]");
}

TEST(StaffNumbers, OtherFiguresStay) {
    for (const std::string text :
         {"Our staff had 1500 referrals to make.", "The staff room is number 214.", "Employee of the month 2024.",
          "Room 101, staff meeting at 0930.", "Staff ID was never asked for.", "Payroll number 12 is short."}) {
        EXPECT_EQ(redact(text), text);
    }
}
