#include "core/codenames/codename.hpp"

#include <vector>

namespace pw::codenames {

std::optional<std::vector<std::string>> typed_words(std::string_view typed) {
    if (typed.size() > 100) return std::nullopt;
    std::vector<std::string> words(1);
    for (char c : typed) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') {
            words.back().push_back(c);
        } else if (c == ' ' || c == '-' || c == ',' || c == '.' || c == '\t' || c == '_') {
            if (!words.back().empty()) words.emplace_back();
        } else {
            return std::nullopt;  // digits, symbols and non-ASCII letters are never part of a codename
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::optional<std::string> normalise(std::string_view typed, int count) {
    const auto typed_as = typed_words(typed);
    if (!typed_as) return std::nullopt;
    const auto& words = *typed_as;
    if (static_cast<int>(words.size()) != count) return std::nullopt;
    std::string out;
    for (const auto& w : words) {
        if (w.size() < 3 || w.size() > 7) return std::nullopt;
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

}  // namespace pw::codenames
