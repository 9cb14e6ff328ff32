#include <iostream>
#include <string>

#include <boost/json.hpp>

#include "cli/commands/commands.hpp"
#include "core/redaction/redaction.hpp"
#include "core/text/text.hpp"

namespace pw::cli {

namespace {

// Code points before a byte offset of valid UTF-8: every byte that does not continue a character.
std::size_t code_points(std::string_view text, std::size_t bytes) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
}

// One JSON line in, one out: {"id": ..., "text": "..."} -> {"id": ..., "spans": [...]}.
std::optional<std::string> spans_line(const std::string& line, std::string& error) {
    boost::system::error_code ec;
    auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) {
        error = ec ? "it is not JSON (" + ec.message() + ")" : "it is not a JSON object";
        return std::nullopt;
    }
    const auto& object = value.as_object();
    const auto* text = object.if_contains("text");
    const auto* id = object.if_contains("id");
    if (!id) {
        error = "it has no \"id\"";
        return std::nullopt;
    }
    if (!text || !text->is_string()) {
        error = "its \"text\" is missing or not a string";
        return std::nullopt;
    }
    const std::string_view body = text->as_string();
    boost::json::array spans;
    for (const auto& span : redaction::find(body)) {
        spans.push_back({{"start", code_points(body, span.begin)},
                         {"end", code_points(body, span.end)},
                         {"type", redaction::type_name(span.kind)}});
    }
    return boost::json::serialize(boost::json::object{{"id", *id}, {"spans", std::move(spans)}});
}

}  // namespace

void add_redact(CLI::App& app, int& exit_code) {
    static bool spans = false;
    auto* cmd = app.add_subcommand("redact", "Redact text from standard input to standard output");
    cmd->add_flag("--spans", spans,
                  "Read JSON lines {\"id\": ..., \"text\": \"...\"} and write {\"id\": ..., \"spans\": [{\"start\": "
                  "..., \"end\": ..., \"type\": ...}]}: what would be removed, in Unicode code points (end "
                  "exclusive), typed name, email, phone, ni_number, postcode or date");
    cmd->footer(
        "Replaces email addresses, UK phone numbers, National Insurance numbers, full postcodes and named staff "
        "with [email address], [phone number], [National Insurance number], [postcode] and [an adviser]. "
        "Works line by line, so any size of document streams through. Input must be UTF-8.\n"
        "Examples: providerwatch redact < letter.txt > letter-redacted.txt\n"
        "          providerwatch redact --spans < labelled.jsonl > found.jsonl");
    cmd->callback([&exit_code] {
        std::string line;
        std::size_t number = 0;
        while (std::getline(std::cin, line)) {
            ++number;
            if (!text::is_valid_utf8(line)) {
                exit_code = report_error("line " + std::to_string(number) + " of the input is not UTF-8", bad_data);
                return;
            }
            if (spans) {
                if (line.empty()) continue;
                std::string error;
                auto out = spans_line(line, error);
                if (!out) {
                    exit_code = report_error("line " + std::to_string(number) + ": " + error, bad_data);
                    return;
                }
                std::cout << *out << '\n';
                continue;
            }
            std::cout << redaction::redact(line);
            if (!std::cin.eof()) std::cout << '\n';
        }
    });
}

}  // namespace pw::cli
