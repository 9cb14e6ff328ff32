#include "core/documents/letter_head.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "core/common/month.hpp"
#include "core/documents/document.hpp"
#include "core/text/unicode.hpp"

namespace pw::documents {

namespace {
// What a person typed for one line of the letter's head, as one line: line breaks and tabs are
// spaces (a name of newlines pushed the letter onto pages of its own), and direction controls
// go, so a right-to-left override cannot print a name backwards.
std::string one_line(std::string_view typed, std::size_t limit) {
    auto line = printable(text::without_direction_controls(typed), limit);
    // Every line or paragraph break Pango obeys: LF, tab, NEL, U+2028 and U+2029.
    for (const std::string_view gap : {"\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"}) {
        for (auto at = line.find(gap); at != std::string::npos; at = line.find(gap, at)) line.replace(at, gap.size(), " ");
    }
    std::ranges::replace(line, '\n', ' ');
    std::ranges::replace(line, '\t', ' ');
    line.erase(std::unique(line.begin(), line.end(), [](char a, char b) { return a == ' ' && b == ' '; }), line.end());
    const auto first = line.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : line.substr(first, line.find_last_not_of(' ') - first + 1);
}
}  // namespace

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
    const auto name = one_line(sender.name, kMaxSenderName);
    lines.push_back(name.empty() ? "Your name:" : name);
    bool any = false;
    for (const auto& block : paragraphs_of(sender.address)) {
        const auto& text = std::get<Paragraph>(block).text;
        std::size_t start = 0;
        while (start <= text.size() && lines.size() < 12) {
            const auto end = std::min(text.find('\n', start), text.size());
            const auto line = one_line(std::string_view(text).substr(start, end - start), 200);
            if (line.find_first_not_of(" \t") != std::string::npos) {
                lines.push_back(line);
                any = true;
            }
            start = end + 1;
        }
    }
    if (!any) lines.push_back("Your address:");
    if (!reference_label.empty()) {
        const auto reference = one_line(sender.ni_number, kMaxSenderReference);
        lines.push_back(reference.empty() ? "Your " + std::string(reference_label) + ":"
                                          : std::string(reference_label) + ": " + reference);
    }
    return lines;
}

}  // namespace pw::documents
