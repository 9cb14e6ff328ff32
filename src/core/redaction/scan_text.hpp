#pragma once
// The text the scanners read: what a reader sees, whatever characters wrote it. "０７７００ ９００１２３",
// "07700<no-break space>900123", "07<zero-width space>700 900123" and "jane&#64;example.com" all read
// as a number or an address, so the scanners must read them as one too. Spans found in the
// text as read are mapped back to the bytes that wrote them, so the stored text, the writer's
// preview and the moderators' highlights all keep what was typed, and redaction removes every
// byte of a span. Internal to redaction.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/redaction/redaction.hpp"

namespace pw::redaction::detail {

// As read:
// - each character with its combining marks in compatibility form (NFKC): full-width and
//   mathematical letters and digits become ASCII, "＠" becomes "@";
// - characters nobody sees (zero-width spaces and joiners, soft hyphens, direction marks,
//   byte-order marks) are left out;
// - a tab and every other space (no-break, thin, ideographic) is a space; every hyphen and minus
//   sign is "-" (en and em dashes stay: they stand between words);
// - an HTML character reference ("&#64;", "&#x40;", "&commat;") is the character it names, which
//   is what a reader takes it for on a page that shows it literally.
class ScanText {
public:
    explicit ScanText(std::string_view original);
    std::string_view text() const noexcept { return same_ ? original_ : std::string_view(text_); }
    // The spans, found in text(), over the original bytes: sorted, overlaps joined.
    std::vector<Span> to_original(std::vector<Span> spans) const;

private:
    void add(std::string_view as_read, std::size_t begin, std::size_t end);
    std::string_view original_;
    bool same_ = true;  // nothing to change: text() is the original
    std::string text_;
    std::vector<std::uint32_t> piece_of_;                         // per byte of text_
    std::vector<std::pair<std::uint32_t, std::uint32_t>> piece_;  // original [begin, end)
};

}  // namespace pw::redaction::detail
