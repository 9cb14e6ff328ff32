#include "core/documents/letter_head.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "core/common/month.hpp"
#include "core/documents/document.hpp"

namespace pw::documents {

std::string long_date(std::chrono::year_month_day date) {
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                       month_name(static_cast<int>(static_cast<unsigned>(date.month()))),
                       static_cast<int>(date.year()));
}

bool sender_fits(const Sender& sender) {
    return sender.name.size() <= kMaxSenderName && sender.address.size() <= kMaxSenderAddress &&
           sender.ni_number.size() <= kMaxSenderReference;
}

std::vector<std::string> sender_lines(const Sender& sender, std::string_view reference_label) {
    std::vector<std::string> lines;
    lines.push_back(sender.name.empty() ? "Your name:" : printable(sender.name, kMaxSenderName));
    bool any = false;
    for (const auto& block : paragraphs_of(sender.address)) {
        const auto& text = std::get<Paragraph>(block).text;
        std::size_t start = 0;
        while (start <= text.size() && lines.size() < 12) {
            const auto end = std::min(text.find('\n', start), text.size());
            const auto line = printable(std::string_view(text).substr(start, end - start), 200);
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
                            : std::string(reference_label) + ": " + printable(sender.ni_number, kMaxSenderReference));
    return lines;
}

}  // namespace pw::documents
