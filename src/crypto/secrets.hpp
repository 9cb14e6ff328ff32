#pragma once
// Deployment secrets: the key that signs form tokens and the key behind codename look-up keys.
// They live in a file made once (`providerwatch secrets init`) and given to every server
// (`--secrets`), so a form fetched from one server is accepted by another and a codename made
// on one is found by all, after any restart. Losing the file loses every codename.
#include <array>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace pw::crypto {

using Key = std::array<unsigned char, 32>;

struct Secrets {
    Key form_key{};    // form tokens (crypto/csrf.hpp)
    Key lookup_key{};  // codename look-up keys (crypto/codenames.hpp)
};

// Fresh random keys from libsodium.
Secrets new_secrets();

// The file's text: a comment, then `form_key=` and `lookup_key=` lines of 64 hex digits.
std::string secrets_text(const Secrets& secrets);

// Reads that text; anything else is an error saying which line is wrong. Two equal keys are
// refused: one key must not serve two purposes.
Result<Secrets> parse_secrets(std::string_view text);

}  // namespace pw::crypto
