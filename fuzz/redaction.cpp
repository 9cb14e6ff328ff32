// Redaction, censor patterns and story checks on arbitrary text: spans must be in bounds,
// sorted and apart, and applying them must not crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/redaction/redaction.hpp"
#include "core/stories/story.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<pw::redaction::CensorRule> rules{{"Dav*"}, {"* Road"}, {"a*b*c"}};
    const auto spans = pw::redaction::find(text, rules);
    std::size_t last = 0;
    for (const auto& span : spans) {
        if (span.begin < last || span.end > text.size() || span.end <= span.begin) std::abort();
        last = span.end;
    }
    (void)pw::redaction::apply(text, spans);
    (void)pw::stories::segments(text);
    (void)pw::stories::check_text(text);
    return 0;
}
