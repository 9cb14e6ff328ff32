#include "web/pages/letters.hpp"

#include <fmt/format.h>

#include "core/text/text.hpp"
#include "documents/pdf.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

std::optional<documents::Sender> sender_from(const FormFields& form) {
    documents::Sender sender{std::string(text::trim(field(form, "sender_name"))),
                             std::string(field(form, "sender_address")),
                             std::string(text::trim(field(form, "sender_ni")))};
    if (!documents::sender_fits(sender)) return std::nullopt;
    return sender;
}

void put_letter_text(mustache::data& data, const std::string& text) {
    data.set("letter", text);
    if (documents::characters_without_a_font(text) > 0) data.set("unprintable", flag(true));
}

void put_sender(mustache::data& data, const documents::Sender& sender) {
    data.set("sender_name", sender.name);
    data.set("sender_address", sender.address);
    data.set("sender_ni", sender.ni_number);
}

std::optional<Response> letter_download(const documents::Document& letter, std::string_view format,
                                        std::string_view stem) {
    Response response;
    if (format == "pdf") {
        response.content_type = "application/pdf";
        response.body = documents::render_pdf(letter);
    } else if (format == "text") {
        response.content_type = "text/plain; charset=utf-8";
        response.body = documents::plain_text(letter);
    } else {
        return std::nullopt;
    }
    response.set_header("Content-Disposition",
                        fmt::format("attachment; filename=\"{}.{}\"", stem, format == "pdf" ? "pdf" : "txt"));
    return no_store(std::move(response));
}

}  // namespace pw::web
