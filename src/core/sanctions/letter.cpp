#include "core/sanctions/letter.hpp"

#include "core/common/month.hpp"

#include <fmt/format.h>

namespace pw::sanctions {

std::string long_date(Date date) {
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                       month_name(static_cast<int>(static_cast<unsigned>(date.month()))),
                       static_cast<int>(date.year()));
}

std::string reconsideration_letter(const LetterAnswers& a) {
    const char* benefit = a.benefit == Benefit::jsa ? "Jobseeker's Allowance" : "Employment and Support Allowance";
    std::string letter;
    letter += "Your name:\nYour address:\nYour National Insurance number:\n\n";
    letter += "To: the Department for Work and Pensions (the address on your decision letter)\n\n";
    letter += fmt::format("Request for mandatory reconsideration of a {} sanction decision dated {}\n\n", benefit,
                          long_date(a.decision));
    letter += fmt::format(
        "I am asking you to look again at your decision of {} to reduce my {}. I was referred by {} because the "
        "referral said: {}.\n\n",
        long_date(a.decision), benefit, a.referrer, std::string(reason_label(a.reason)));
    if (a.good_reason != GoodReason::none) {
        letter += fmt::format(
            "I had a good reason: {}. The law says a sanction should not be applied when a claimant had a good reason, "
            "and all the circumstances must be taken into account.\n\n",
            std::string(good_reason_label(a.good_reason)));
    } else {
        letter += "I ask you to take all my circumstances into account, as the law requires.\n\n";
    }
    if (!a.explanation.empty()) letter += "In my own words:\n" + a.explanation + "\n\n";
    letter +=
        "Please send me a copy of the evidence the decision was based on, including what the provider sent you.\n"
        "If you keep the decision, please send me a mandatory reconsideration notice so that I can appeal.\n"
        "If I am in hardship, please also treat this letter as asking about hardship payments.\n\n";
    letter += fmt::format("I am sending this within one month of the decision, before {}.\n\n",
                          long_date(reconsideration_deadline(a.decision)));
    letter += "Signed:\nDate:\n";
    return letter;
}

}  // namespace pw::sanctions
