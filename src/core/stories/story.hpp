#pragma once
// What a participant writes: checked, then redacted before anyone else reads it.
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/redaction/redaction.hpp"

namespace pw::stories {

inline constexpr std::size_t kMaxCharacters = 5000;

// Counts characters, not bytes.
std::size_t character_count(std::string_view utf8);

// Trimmed text of 1 to 5,000 characters, valid UTF-8, no control characters but line breaks
// and tabs (CRLF becomes LF). Errors are for the person.
Result<std::string> check_text(std::string_view text, std::string_view what = "Your story");
// The same with a limit of its own, lower or higher, said in the error ("... 2000 characters or
// fewer (it has 2412)").
Result<std::string> check_text_within(std::string_view text, std::string_view what, std::size_t max_characters);

// A piece of stored text for display: plain text, or a placeholder where something was removed.
struct Segment {
    std::string text;
    bool removed = false;
};
// Splits redacted text at its placeholders ("[email address]", ...), for highlighting.
std::vector<Segment> segments(std::string_view redacted);

// What the writer's preview shows: their text as redaction will leave it, each change marked,
// including those that keep words ("on 3rd June 2013" marked as "in June 2013").
std::vector<Segment> preview_segments(std::string_view text);

// Moderators' rules in scope for a story, applied on top of the stored (already redacted) text.
std::string censor(std::string_view redacted, const std::vector<redaction::CensorRule>& rules);

}  // namespace pw::stories
