#pragma once
// What every letter the site drafts shares on the web side: the sender's details typed for the
// letter alone (never kept, never logged, carried from the page to its downloads in hidden
// fields) and the letter as a PDF or text download.
#include <optional>
#include <string_view>

#include "core/common/form.hpp"
#include "core/documents/document.hpp"
#include "core/documents/letter_head.hpp"
#include "web/app.hpp"

namespace pw::web {

// sender_name, sender_address and sender_ni; nullopt when one is longer than a letter can hold
// (documents::sender_fits: say documents::kSenderTooLong).
std::optional<documents::Sender> sender_from(const FormFields& form);

// The same fields for the page's download form.
void put_sender(mustache::data& data, const documents::Sender& sender);

// The letter's text for the page ("letter"), and "unprintable" when some of it would print as
// empty boxes in the PDF: the page says so before anyone prints it, and offers the text instead.
void put_letter_text(mustache::data& data, const std::string& text);

// format "pdf" or "text": the letter as an attachment named `stem`.pdf or `stem`.txt, never
// stored by a browser or a proxy; nullopt for any other format (the page is shown instead).
std::optional<Response> letter_download(const documents::Document& letter, std::string_view format,
                                        std::string_view stem);

}  // namespace pw::web
