#include "core/sanctions/letter.hpp"

#include <fmt/format.h>

namespace pw::sanctions {

documents::Document reconsideration_document(const LetterAnswers& a, Date today) {
    using documents::Paragraph;
    const std::string benefit(benefit_name(a.benefit));
    documents::Document d;
    d.title = fmt::format("Request for mandatory reconsideration of {} {} sanction decision dated {}",
                          a.benefit == Benefit::esa ? "an" : "a", benefit, long_date(a.decision));
    d.sender = sender_lines(a.sender, "National Insurance number");
    d.date = long_date(today);
    d.recipient = {"To: the Department for Work and Pensions", "(the address on your decision letter)"};
    d.blocks.push_back(
        Paragraph{fmt::format("I am asking you to look again at your decision of {} to reduce my {}. "
                              "I was referred by {} because the referral said: {}.",
                              long_date(a.decision), benefit, a.referrer, std::string(reason_label(a.reason)))});
    if (a.good_reason != GoodReason::none) {
        d.blocks.push_back(Paragraph{fmt::format(
            "I had a good reason: {}. The law says a sanction should not be applied when a claimant had a good reason, "
            "and all the circumstances must be taken into account.",
            std::string(good_reason_label(a.good_reason)))});
    } else {
        d.blocks.push_back(Paragraph{"I ask you to take all my circumstances into account, as the law requires."});
    }
    if (!a.explanation.empty()) {
        d.blocks.push_back(documents::Heading{2, "In my own words"});
        for (auto& block : documents::paragraphs_of(a.explanation)) d.blocks.push_back(std::move(block));
    }
    d.blocks.push_back(Paragraph{
        "Please send me a copy of the evidence the decision was based on, including what the provider sent you. "
        "If you keep the decision, please send me a mandatory reconsideration notice so that I can appeal. "
        "If I am in hardship, please also treat this letter as asking about hardship payments."});
    const auto deadline = reconsideration_deadline(a.decision);
    if (std::chrono::sys_days{today} <= std::chrono::sys_days{deadline}) {
        d.blocks.push_back(
            Paragraph{fmt::format("I am sending this within one month of the decision, by {}.", long_date(deadline))});
    } else {
        d.blocks.push_back(Paragraph{fmt::format(
            "The month for asking ended on {}. Please accept this request late because of my circumstances, which I "
            "have explained: a late request can be accepted up to 13 months after the decision.",
            long_date(deadline))});
    }
    d.blocks.push_back(Paragraph{"Signed:", false});
    return d;
}

std::string reconsideration_letter(const LetterAnswers& answers, Date today) {
    return documents::plain_text(reconsideration_document(answers, today));
}

}  // namespace pw::sanctions
