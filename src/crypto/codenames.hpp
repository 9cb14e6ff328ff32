#pragma once
// Codenames: four random words from a list of 2,048 (44 bits), shown once, then kept only as
// an argon2id hash plus a 20-bit lookup key that narrows the search to a few candidates.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pw::crypto {

// Call once before any other function here (initialises libsodium); throws if it cannot.
void initialise();

// Four words (or `count`), separated by spaces, from the embedded list, chosen with libsodium's CSPRNG.
std::string new_codename(int count = 4);

// 20 bits of BLAKE2b of the normalised codename keyed with the deployment's look-up key
// (crypto/secrets.hpp): many codenames share each look-up key, and without the key nobody can
// tell which look-up keys are in use.
class LookupKeys {
public:
    explicit LookupKeys(const std::array<unsigned char, 32>& key) : key_(key) {}
    std::int64_t operator()(std::string_view normalised) const;

private:
    std::array<unsigned char, 32> key_;
};

// The unkeyed look-up key of codenames made before deployments had a look-up key; they are
// still found by it (store/ratings/ratings.cpp).
std::int64_t legacy_lookup_key(std::string_view normalised);

// Hashing and checking a codename is hashing a secret: crypto/passwords.hpp.

std::size_t word_count();
// Whether a word (in small letters) is one of the list's: a codename typed with a word misspelt
// is told which word, not that it is not 4 words.
bool is_codename_word(std::string_view word);

}  // namespace pw::crypto
