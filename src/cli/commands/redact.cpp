#include <iostream>
#include <string>

#include "cli/commands/commands.hpp"
#include "core/redaction/redaction.hpp"
#include "core/text/text.hpp"

namespace pw::cli {

void add_redact(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("redact", "Redact text from standard input to standard output");
    cmd->footer(
        "Replaces email addresses, UK phone numbers, National Insurance numbers, full postcodes and named staff "
        "with [email address], [phone number], [National Insurance number], [postcode] and [an adviser]. "
        "Works line by line, so any size of document streams through. Input must be UTF-8.\n"
        "Example: providerwatch redact < letter.txt > letter-redacted.txt");
    cmd->callback([&exit_code] {
        std::string line;
        std::size_t number = 0;
        while (std::getline(std::cin, line)) {
            ++number;
            if (!text::is_valid_utf8(line)) {
                exit_code = report_error("line " + std::to_string(number) + " of the input is not UTF-8", bad_data);
                return;
            }
            std::cout << redaction::redact(line);
            if (!std::cin.eof()) std::cout << '\n';
        }
    });
}

}  // namespace pw::cli
