#include "core/complaints/ice_letter.hpp"

#include <fmt/format.h>

namespace pw::complaints {

std::string week_of(Week week) {
    return "the week of " + documents::long_date(std::chrono::year_month_day{week.monday()});
}

documents::Document ice_document(const IceFacts& f, std::chrono::year_month_day today) {
    using documents::Paragraph;
    const auto provider = documents::printable(f.provider, 200);
    const auto about =
        f.office.empty() ? provider : fmt::format("{} ({})", provider, documents::printable(f.office, 200));
    documents::Document d;
    d.title = fmt::format("Complaint about {}: a request for the Independent Case Examiner", provider);
    d.sender = documents::sender_lines(f.sender, "National Insurance number");
    d.date = documents::long_date(today);
    d.recipient = {"To: the Independent Case Examiner", "(by the contact details on its GOV.UK page)"};
    d.blocks.push_back(Paragraph{fmt::format(
        "I am asking you to look at my complaint about {}, which provides employment support for the Department for "
        "Work and Pensions. My complaint is about: {}.",
        about, std::string(category_label(f.category)))});
    if (f.final_response) {
        d.blocks.push_back(
            Paragraph{fmt::format("I sent my complaint to {} under its complaints procedure in {}. It sent its final "
                                  "response in {}, and I am "
                                  "not satisfied with it.",
                                  provider, week_of(f.sent), week_of(*f.final_response))});
    } else {
        d.blocks.push_back(Paragraph{fmt::format(
            "I sent my complaint to {} under its complaints procedure in {}, and it has not given me a final "
            "response. I ask you to accept my complaint without one.",
            provider, week_of(f.sent))});
    }
    if (f.not_satisfied.find_first_not_of(" \r\n\t") != std::string::npos) {
        d.blocks.push_back(documents::Heading{2, f.final_response ? "Why I am not satisfied" : "What I want to add"});
        for (auto& block : documents::paragraphs_of(f.not_satisfied)) d.blocks.push_back(std::move(block));
    }
    d.blocks.push_back(Paragraph{f.final_response
                                     ? "I enclose a copy of my complaint and of the provider's final response."
                                     : "I enclose a copy of my complaint, and of any answer I had from the provider."});
    d.blocks.push_back(Paragraph{
        "Please tell me whether you will take my complaint, and what happens next. Please write to me at the address "
        "above."});
    d.blocks.push_back(Paragraph{"Yours faithfully,", false});
    d.blocks.push_back(Paragraph{"Signed:", false});
    return d;
}

std::string ice_letter(const IceFacts& facts, std::chrono::year_month_day today) {
    return documents::plain_text(ice_document(facts, today));
}

}  // namespace pw::complaints
