#include "crypto/staff_keys.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <vector>

#include "core/staff_reports/evidence.hpp"
#include "crypto/encoding.hpp"

namespace pw::crypto {

namespace {

using Bytes = std::vector<unsigned char>;
using Key32 = std::array<unsigned char, 32>;

std::string base64(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // the terminating zero
    return out;
}

std::optional<Bytes> unbase64(std::string_view text) {
    Bytes out(text.size());
    std::size_t length = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

// argon2id of a secret with a salt, as a secretbox key.
Key32 derive(std::string_view secret, const std::array<unsigned char, crypto_pwhash_SALTBYTES>& salt,
             unsigned long long ops, std::size_t memory) {
    Key32 key{};
    if (crypto_pwhash(key.data(), key.size(), secret.data(), secret.size(), salt.data(), ops, memory,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while deriving a key");
    return key;
}

// nonce || secretbox(secret key), as base64.
std::string lock(const Key32& secret, const Key32& key) {
    Bytes out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + secret.size());
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, secret.data(), secret.size(), out.data(),
                          key.data());
    return base64(out.data(), out.size());
}

std::optional<Key32> unlock(std::string_view locked, const Key32& key) {
    const auto bytes = unbase64(locked);
    if (!bytes || bytes->size() != crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 32) return std::nullopt;
    Key32 secret{};
    if (crypto_secretbox_open_easy(secret.data(), bytes->data() + crypto_secretbox_NONCEBYTES,
                                   bytes->size() - crypto_secretbox_NONCEBYTES, bytes->data(), key.data()) != 0)
        return std::nullopt;
    return secret;
}

// A secret key belongs to the public key it claims: the file or row was not swapped.
bool pair_matches(const KeyPair& keys) {
    Key32 derived{};
    crypto_scalarmult_base(derived.data(), keys.secret_key.data());
    return sodium_memcmp(derived.data(), keys.public_key.data(), derived.size()) == 0;
}

std::string seal_to(std::string_view text, const unsigned char* public_key) {
    Bytes out(crypto_box_SEALBYTES + text.size());
    crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(), public_key);
    return base64(out.data(), out.size());
}

}  // namespace

KeyPair new_key_pair() {
    KeyPair keys;
    crypto_box_keypair(keys.public_key.data(), keys.secret_key.data());
    return keys;
}

Result<std::string> moderator_key_file(const KeyPair& keys, std::string_view passphrase) {
    if (passphrase.size() < 12) return fail(ErrorKind::invalid_input, "the passphrase must be at least 12 characters");
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    randombytes_buf(salt.data(), salt.size());
    const auto key = derive(passphrase, salt, crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
    return fmt::format(
        "# ProviderWatch moderators' key for staff reports. The secret key is locked with the\n"
        "# passphrase; keep the passphrase apart from this file. Without both, no staff report\n"
        "# can be read again.\n"
        "public_key={}\nsalt={}\nlocked_secret_key={}\n",
        hex(keys.public_key), hex(salt), lock(keys.secret_key, key));
}

Result<KeyPair> open_moderator_key_file(std::string_view text, std::string_view passphrase) {
    KeyPair keys;
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    std::string locked;
    bool have_public = false, have_salt = false;
    for (int number = 1; !text.empty(); ++number) {
        const auto end = text.find('\n');
        const auto line = trim_line(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (line.empty() || line.front() == '#') continue;
        const auto equals = line.find('=');
        const auto name = trim_line(line.substr(0, equals));
        const auto value = equals == std::string_view::npos ? std::string_view{} : trim_line(line.substr(equals + 1));
        const auto bad = [&](std::string_view what) {
            return fail(ErrorKind::invalid_input, fmt::format("line {} of the key file: {} {}", number, name, what));
        };
        if (name == "public_key") {
            if (!unhex(value, keys.public_key)) return bad("must be 64 hex digits");
            have_public = true;
        } else if (name == "salt") {
            if (!unhex(value, salt)) return bad("must be 32 hex digits");
            have_salt = true;
        } else if (name == "locked_secret_key" && !value.empty()) {
            locked = std::string(value);
        } else {
            return fail(ErrorKind::invalid_input,
                        fmt::format("line {} of the key file is not public_key=, salt= or locked_secret_key=", number));
        }
    }
    if (!have_public || !have_salt || locked.empty())
        return fail(ErrorKind::invalid_input, "the key file lacks its public_key, salt or locked_secret_key");
    const auto key = derive(passphrase, salt, crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
    const auto secret = unlock(locked, key);
    if (!secret) return fail(ErrorKind::forbidden, "the passphrase does not open the key file");
    keys.secret_key = *secret;
    if (!pair_matches(keys))
        return fail(ErrorKind::invalid_input, "the key file's secret key does not belong to its public key");
    return keys;
}

namespace {
// A report's text and details are padded before they are sealed, or the length a seized database
// keeps would tell them: the details' length told the reporter's role and whether they named a
// sub-contractor or an office, a message's length matched it to a copy kept elsewhere. Padded to
// the next power of two from 256 bytes (the details, at most about 120, always to 256), behind a
// first byte of 0xFF, which starts no UTF-8 text: what was sealed before padding opens as it was.
constexpr unsigned char kPaddedMark = 0xFF;
constexpr std::size_t kSmallestPadded = 256;

std::string padded(std::string_view plain) {
    const std::size_t block = std::bit_ceil(std::max(kSmallestPadded, plain.size() + 1));
    std::string out(block, '\0');
    std::copy(plain.begin(), plain.end(), out.begin());
    std::size_t length = 0;
    if (sodium_pad(&length, reinterpret_cast<unsigned char*>(out.data()), plain.size(), block, out.size()) != 0 ||
        length != block)
        throw std::logic_error("padding a sealed text failed");
    return static_cast<char>(kPaddedMark) + out;
}

// The text padded() was given; nullopt when the padding is damaged.
std::optional<std::string> unpadded(std::string_view text) {
    if (text.empty() || static_cast<unsigned char>(text[0]) != kPaddedMark) return std::string(text);  // unpadded
    text.remove_prefix(1);
    std::size_t length = 0;
    if (text.empty() ||
        sodium_unpad(&length, reinterpret_cast<const unsigned char*>(text.data()), text.size(), text.size()) != 0)
        return std::nullopt;
    return std::string(text.substr(0, length));
}

staff_reports::Sealed seal_twice(std::string_view plain, const Key32& moderators, std::string_view reporter_public) {
    Key32 reporter{};
    const auto bytes = unbase64(reporter_public);
    if (!bytes || bytes->size() != reporter.size()) throw std::logic_error("a report's public key is damaged");
    std::copy(bytes->begin(), bytes->end(), reporter.begin());
    const auto text = padded(plain);
    return {seal_to(text, moderators.data()), seal_to(text, reporter.data())};
}
}  // namespace

staff_reports::Sealed StaffReportSealer::seal(const redaction::RedactedText& text,
                                              std::string_view reporter_public) const {
    return seal_twice(text.str(), moderators_, reporter_public);
}

staff_reports::Sealed StaffReportSealer::seal_details(const staff_reports::ReportFacts& facts,
                                                      std::string_view reporter_public) const {
    return seal_twice(staff_reports::details_text(facts), moderators_, reporter_public);
}

namespace {
// Every link is padded to one block before sealing, so the length kept says nothing of the
// label's (a short office code or a long provider name). 256 would not hold the longest link.
constexpr std::size_t kEvidenceBlock = 512;
static_assert(staff_reports::kMaxEvidenceText < kEvidenceBlock);
}  // namespace

std::string StaffReportSealer::seal_evidence(const staff_reports::EvidenceLink& link) const {
    std::string text = staff_reports::evidence_text(link);
    const std::size_t unpadded = text.size();
    text.resize((unpadded / kEvidenceBlock + 1) * kEvidenceBlock);
    std::size_t padded = 0;
    if (sodium_pad(&padded, reinterpret_cast<unsigned char*>(text.data()), unpadded, kEvidenceBlock, text.size()) != 0)
        throw std::logic_error("padding a link failed");
    text.resize(padded);
    return seal_to(text, moderators_.data());
}

std::optional<staff_reports::EvidenceLink> StaffEvidenceOpener::open_evidence(std::string_view sealed) const {
    auto text = open_sealed(keys_, sealed);
    std::size_t unpadded = 0;
    if (!text || sodium_unpad(&unpadded, reinterpret_cast<const unsigned char*>(text->data()), text->size(),
                              kEvidenceBlock) != 0)
        return std::nullopt;
    text->resize(unpadded);
    return staff_reports::evidence_from(*text);
}

std::optional<std::string> open_sealed(const KeyPair& keys, std::string_view sealed) {
    const auto bytes = unbase64(sealed);
    if (!bytes || bytes->size() < crypto_box_SEALBYTES) return std::nullopt;
    std::string out(bytes->size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), bytes->data(), bytes->size(),
                             keys.public_key.data(), keys.secret_key.data()) != 0)
        return std::nullopt;
    return unpadded(out);
}

staff_reports::ReporterKeys new_reporter_keys(const LookupKeys& lookup, std::string_view normalised_codename) {
    const auto pair = new_key_pair();
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    randombytes_buf(salt.data(), salt.size());
    const auto key =
        derive(normalised_codename, salt, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    staff_reports::ReporterKeys out;
    out.lookup_key = lookup(normalised_codename);
    out.codename_hash = hash_secret(normalised_codename);
    out.key_salt = base64(salt.data(), salt.size());
    out.public_key = base64(pair.public_key.data(), pair.public_key.size());
    out.locked_secret_key = lock(pair.secret_key, key);
    return out;
}

std::optional<KeyPair> unlock_reporter_keys(std::string_view normalised_codename, std::string_view public_key,
                                            std::string_view key_salt, std::string_view locked_secret_key) {
    const auto salt_bytes = unbase64(key_salt);
    const auto public_bytes = unbase64(public_key);
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    KeyPair keys;
    if (!salt_bytes || salt_bytes->size() != salt.size() || !public_bytes || public_bytes->size() != 32)
        return std::nullopt;
    std::copy(salt_bytes->begin(), salt_bytes->end(), salt.begin());
    std::copy(public_bytes->begin(), public_bytes->end(), keys.public_key.begin());
    const auto key =
        derive(normalised_codename, salt, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    const auto secret = unlock(locked_secret_key, key);
    if (!secret) return std::nullopt;
    keys.secret_key = *secret;
    if (!pair_matches(keys)) return std::nullopt;
    return keys;
}

std::array<unsigned char, 32> staff_lookup_key(const KeyPair& moderators) {
    static constexpr std::string_view kPurpose = "providerwatch staff-report codename look-up key";
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kPurpose.data()), kPurpose.size(),
                       moderators.secret_key.data(), moderators.secret_key.size());
    return out;
}

std::int64_t random_id() {
    std::uint64_t bits = 0;
    randombytes_buf(&bits, sizeof bits);
    return static_cast<std::int64_t>(bits >> 5) + 1;  // 1 .. 2^59: 18 digits at most, as addresses are read
}

}  // namespace pw::crypto
