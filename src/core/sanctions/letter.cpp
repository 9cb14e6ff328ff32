#include "core/sanctions/letter.hpp"

#include "core/common/month.hpp"

#include <fmt/format.h>

namespace pw::sanctions {

std::string long_date(Date date) {
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                       month_name(static_cast<int>(static_cast<unsigned>(date.month()))),
                       static_cast<int>(date.year()));
}

std::vector<std::string> sender_lines(const Sender& sender, std::string_view reference_label) {
    std::vector<std::string> lines;
    lines.push_back(sender.name.empty() ? "Your name:" : documents::printable(sender.name, 200));
    bool any = false;
    for (const auto& block : documents::paragraphs_of(sender.address)) {
        const auto& text = std::get<documents::Paragraph>(block).text;
        std::size_t start = 0;
        while (start <= text.size() && lines.size() < 12) {
            const auto end = std::min(text.find('\n', start), text.size());
            const auto line = documents::printable(std::string_view(text).substr(start, end - start), 200);
            if (line.find_first_not_of(" \t") != std::string::npos) {
                lines.push_back(line);
                any = true;
            }
            start = end + 1;
        }
    }
    if (!any) lines.push_back("Your address:");
    if (!reference_label.empty())
        lines.push_back(sender.ni_number.empty()
                            ? "Your " + std::string(reference_label) + ":"
                            : std::string(reference_label) + ": " + documents::printable(sender.ni_number, 40));
    return lines;
}

documents::Document reconsideration_document(const LetterAnswers& a, Date today) {
    using documents::Paragraph;
    const char* benefit = a.benefit == Benefit::jsa ? "Jobseeker's Allowance" : "Employment and Support Allowance";
    documents::Document d;
    d.title = fmt::format("Request for mandatory reconsideration of {} {} sanction decision dated {}",
                          a.benefit == Benefit::jsa ? "a" : "an", benefit, long_date(a.decision));
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
    d.blocks.push_back(Paragraph{fmt::format("I am sending this within one month of the decision, before {}.",
                                             long_date(reconsideration_deadline(a.decision)))});
    d.blocks.push_back(Paragraph{"Signed:", false});
    return d;
}

std::string reconsideration_letter(const LetterAnswers& answers, Date today) {
    return documents::plain_text(reconsideration_document(answers, today));
}

}  // namespace pw::sanctions
