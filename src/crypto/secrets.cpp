#include "crypto/secrets.hpp"

#include <sodium.h>

#include <cctype>

#include <fmt/format.h>

namespace pw::crypto {

namespace {
std::string hex(const Key& key) {
    std::string out(key.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), key.data(), key.size());
    out.pop_back();
    return out;
}

bool unhex(std::string_view text, Key& key) {
    if (text.size() != key.size() * 2) return false;
    for (char c : text) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    }
    std::size_t length = 0;
    return sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr) == 0 &&
           length == key.size();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}
}  // namespace

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
        const auto line = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (line.empty() || line.front() == '#') continue;
        const auto equals = line.find('=');
        const auto name = trim(line.substr(0, equals));
        const auto value = equals == std::string_view::npos ? std::string_view{} : trim(line.substr(equals + 1));
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
