#pragma once
// Free text that has been through redaction. Every store function that keeps text which can
// reach a public page or the API takes one of these, never a string (docs/redaction.md lists
// them, and static assertions beside each hold it): only redact_text makes one, so no handler
// can publish around redaction.
#include <string>
#include <string_view>
#include <vector>

#include "core/redaction/redaction.hpp"

namespace pw::redaction {

class RedactedText {
public:
    const std::string& str() const noexcept { return text_; }
    friend bool operator==(const RedactedText&, const RedactedText&) = default;

private:
    explicit RedactedText(std::string text) : text_(std::move(text)) {}
    friend RedactedText redact_text(std::string_view text, const std::vector<CensorRule>& rules);
    std::string text_;
};

// The text with every span find() reports replaced.
RedactedText redact_text(std::string_view text, const std::vector<CensorRule>& rules = {});

}  // namespace pw::redaction
