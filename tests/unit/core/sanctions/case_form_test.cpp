#include <gtest/gtest.h>

#include "core/sanctions/case_form.hpp"
#include "core/sanctions/letter.hpp"

using namespace pw;
using namespace pw::sanctions;
using namespace std::chrono;

namespace {
const Month kNow = *Month::parse("2026-11");
FormFields good() {
    return {
        {"referrer", "12"}, {"reason", "missed-appointment"}, {"good_reason", "illness"}, {"travel_paid", "not-asked"},
        {"benefit", "jsa"}, {"referral_month", "10"},         {"referral_year", "2026"}};
}
}  // namespace

TEST(CaseForm, ReadsAWellFilledForm) {
    auto answers = check_case(good(), kNow);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->provider_id, 12);
    EXPECT_EQ(answers->reason, Reason::missed_appointment);
    EXPECT_EQ(answers->good_reason, GoodReason::illness);
    EXPECT_EQ(answers->month.to_string(), "2026-10");
    EXPECT_FALSE(answers->codename);
}

TEST(CaseForm, AnOfficeCanBeTheReferrer) {
    auto form = good();
    form["referrer"] = "office-7";
    auto answers = check_case(form, kNow);
    ASSERT_TRUE(answers);
    EXPECT_EQ(answers->office_id, 7);
    EXPECT_FALSE(answers->provider_id);
    form["referrer"] = "office-x";
    EXPECT_FALSE(check_case(form, kNow));
}

TEST(CaseForm, JobcentrePlusIsAReferrerToo) {
    auto form = good();
    form["referrer"] = "jobcentre";
    EXPECT_FALSE(check_case(form, kNow)->provider_id);
}

TEST(CaseForm, RefusesAFutureMonthAndListsEveryProblem) {
    auto answers = check_case({{"referral_month", "12"}, {"referral_year", "2026"}}, kNow);
    ASSERT_FALSE(answers);
    std::vector<std::string> fields;
    for (const auto& e : answers.error()) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"referrer", "reason", "good_reason", "travel_paid", "benefit",
                                                "referral_month"}));
    EXPECT_EQ(answers.error().back().message, "The month you were referred must be this month or earlier");
}

TEST(CaseForm, AStepCannotComeBeforeTheReferralOrAfterNow) {
    const auto referral = *Month::parse("2026-09");
    EXPECT_EQ(check_step_month({{"step_month", "10"}, {"step_year", "2026"}}, referral, kNow)->to_string(), "2026-10");
    EXPECT_EQ(check_step_month({{"step_month", "8"}, {"step_year", "2026"}}, referral, kNow).error()[0].message,
              "This cannot come before the month you were referred");
    EXPECT_FALSE(check_step_month({{"step_month", "12"}, {"step_year", "2026"}}, referral, kNow));
    EXPECT_FALSE(check_step_month({}, referral, kNow));
    // Once decided, a reconsideration or an appeal cannot come before the decision.
    const auto decided = Month::parse("2026-10");
    EXPECT_EQ(
        check_step_month({{"step_month", "9"}, {"step_year", "2026"}}, referral, kNow, decided).error()[0].message,
        "This cannot come before the decision on your referral, in October 2026");
    EXPECT_TRUE(check_step_month({{"step_month", "10"}, {"step_year", "2026"}}, referral, kNow, decided));
}

TEST(ReconsiderationLetter, UsesTheAnswersAndNamesNoOneItWasNotGiven) {
    LetterAnswers a{Benefit::jsa,
                    Reason::missed_appointment,
                    GoodReason::illness,
                    2026y / January / 31,
                    "I phoned to say I was ill.",
                    "Seetec",
                    {}};
    const auto letter = reconsideration_letter(a, 2026y / February / 3);
    EXPECT_NE(letter.find("Jobseeker's Allowance sanction decision dated 31 January 2026"), std::string::npos);
    EXPECT_NE(letter.find("referred by Seetec"), std::string::npos);
    EXPECT_NE(letter.find("Missed an appointment"), std::string::npos);
    EXPECT_NE(letter.find("I had a good reason: I was ill."), std::string::npos);
    EXPECT_NE(letter.find("I phoned to say I was ill."), std::string::npos);
    EXPECT_NE(letter.find("within one month of the decision, by 28 February 2026."), std::string::npos);
    EXPECT_EQ(letter.find("late"), std::string::npos);
    EXPECT_EQ(letter.find("Mr "), std::string::npos);
    // No sender given: labels to fill in by hand, then the day it was drafted.
    EXPECT_TRUE(letter.starts_with("Your name:\nYour address:\nYour National Insurance number:\n3 February 2026\n"))
        << letter;
}

TEST(ReconsiderationLetter, PutsTheSendersDetailsAtItsHeadAsTyped) {
    LetterAnswers a{Benefit::esa, Reason::other, GoodReason::none, 2026y / January / 31, "", "A4e", {}};
    a.sender = {"Łukasz Wróbel", "12 Heol y Frenhines\r\nCaerdydd\n\nCF10 1AA", "QQ 12 34 56 C"};
    const auto d = reconsideration_document(a, 2026y / February / 3);
    EXPECT_EQ(d.sender, (std::vector<std::string>{"Łukasz Wróbel", "12 Heol y Frenhines", "Caerdydd", "CF10 1AA",
                                                  "National Insurance number: QQ 12 34 56 C"}));
    EXPECT_EQ(d.date, "3 February 2026");
    EXPECT_EQ(d.title,
              "Request for mandatory reconsideration of an Employment and Support Allowance sanction "
              "decision dated 31 January 2026");
}

TEST(ReconsiderationLetter, SentLateItSaysSoAndAsksForItToBeAccepted) {
    const LetterAnswers a{Benefit::jsa, Reason::other, GoodReason::caring, 2026y / January / 31, "", "Seetec", {}};
    const auto on_the_last_day = reconsideration_letter(a, 2026y / February / 28);
    EXPECT_NE(on_the_last_day.find("within one month of the decision, by 28 February 2026."), std::string::npos);
    const auto late = reconsideration_letter(a, 2026y / March / 1);
    EXPECT_EQ(late.find("within one month"), std::string::npos) << "a letter dated 1 March claims to be in time";
    EXPECT_NE(late.find("The month for asking ended on 28 February 2026. Please accept this request late"),
              std::string::npos)
        << late;
    EXPECT_NE(late.find("up to 13 months after the decision"), std::string::npos);
}
