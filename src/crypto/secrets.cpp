#include "crypto/secrets.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include "crypto/encoding.hpp"

namespace pw::crypto {

Secrets new_secrets() {
    Secrets secrets;
    randombytes_buf(secrets.form_key.data(), secrets.form_key.size());
    randombytes_buf(secrets.lookup_key.data(), secrets.lookup_key.size());
    return secrets;
}

std::string secrets_text(const Secrets& secrets) {
    return fmt::format(
        "# ProviderWatch deployment secrets. Give the same file to every server (--secrets), keep it\n"
        "# readable by the server's user only, and back it up apart from the database: without it no\n"
        "# codename can be found again.\n"
        "form_key={}\nlookup_key={}\n",
        hex(secrets.form_key), hex(secrets.lookup_key));
}

Result<Secrets> parse_secrets(std::string_view text) {
    Secrets secrets;
    bool form = false;
    bool lookup = false;
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = trim_line(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto equals = line.find('=');
        const auto name = trim_line(line.substr(0, equals));
        const auto value = equals == std::string_view::npos ? std::string_view{} : trim_line(line.substr(equals + 1));
        bool* seen = name == "form_key" ? &form : name == "lookup_key" ? &lookup : nullptr;
        if (!seen || equals == std::string_view::npos) {
            return fail(ErrorKind::invalid_input,
                        fmt::format("line {}: expected form_key=... or lookup_key=...", number));
        }
        if (*seen) return fail(ErrorKind::invalid_input, fmt::format("line {}: {} is given twice", number, name));
        if (!unhex(value, seen == &form ? secrets.form_key : secrets.lookup_key)) {
            return fail(ErrorKind::invalid_input, fmt::format("line {}: {} must be 64 hex digits", number, name));
        }
        *seen = true;
    }
    if (!form || !lookup) {
        return fail(ErrorKind::invalid_input, fmt::format("{} is missing", form ? "lookup_key" : "form_key"));
    }
    if (sodium_memcmp(secrets.form_key.data(), secrets.lookup_key.data(), secrets.form_key.size()) == 0) {
        return fail(ErrorKind::invalid_input, "form_key and lookup_key must differ");
    }
    return secrets;
}

}  // namespace pw::crypto
