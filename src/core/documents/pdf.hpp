#pragma once
// Plain text as a printable PDF (A4, Helvetica), written by hand: a letter needs nothing more,
// and this keeps a document library out of the product. Pure.
#include <string>
#include <string_view>

namespace pw::documents {

// Lines are wrapped at word boundaries; pages are added as needed. Characters outside Latin-1
// become '?', since the standard fonts carry no others.
std::string text_pdf(std::string_view utf8_text, std::string_view title);

}  // namespace pw::documents
