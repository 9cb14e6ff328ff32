#pragma once
// The keys behind staff reports (docs/threat-model.md). Report text is kept only as sealed boxes:
// one to the moderators' public key, whose secret half lives in a passphrase-locked key file the
// server opens at start (never in the database); and one to the report's own public key, whose
// secret half is kept locked with a key derived from the reporter's codename (argon2id), so only
// they, and moderators, can read what was written and replied. A database copy alone reads nothing.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"
#include "core/staff_reports/commands.hpp"
#include "core/staff_reports/evidence.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"

namespace pw::crypto {

struct KeyPair {
    std::array<unsigned char, 32> public_key{};
    std::array<unsigned char, 32> secret_key{};
};

KeyPair new_key_pair();

// The moderators' key file: the public key in the clear, the secret key locked with a key that
// argon2id makes from the passphrase (at least 12 characters). Made by `providerwatch staff-key init`.
Result<std::string> moderator_key_file(const KeyPair& keys, std::string_view passphrase);
// Opens it; a wrong passphrase or a damaged file is an error that says which.
Result<KeyPair> open_moderator_key_file(std::string_view text, std::string_view passphrase);

// Seals texts to the moderators' public key and to a report's own (both base64 in the database).
class StaffReportSealer final : public staff_reports::Sealer {
public:
    explicit StaffReportSealer(const std::array<unsigned char, 32>& moderators) : moderators_(moderators) {}
    staff_reports::Sealed seal(const redaction::RedactedText& text, std::string_view reporter_public) const override;
    staff_reports::Sealed seal_details(const staff_reports::ReportFacts& facts,
                                       std::string_view reporter_public) const override;
    std::string seal_evidence(const staff_reports::EvidenceLink& link) const override;

private:
    std::array<unsigned char, 32> moderators_;
};

// Opens links to other evidence sealed by StaffReportSealer (padded to one length, then sealed).
class StaffEvidenceOpener final : public staff_reports::EvidenceOpener {
public:
    explicit StaffEvidenceOpener(const KeyPair& moderators) : keys_(moderators) {}
    std::optional<staff_reports::EvidenceLink> open_evidence(std::string_view sealed) const override;

private:
    const KeyPair& keys_;
};

// A sealed text opened with the secret half of the key it was sealed to, its padding taken off
// (a report's text and details are padded to a power of two before sealing); nullopt if it does
// not open.
std::optional<std::string> open_sealed(const KeyPair& keys, std::string_view sealed);

// What a new report keeps of its codename (slow: two argon2id runs; on the slow-work pool).
staff_reports::ReporterKeys new_reporter_keys(const LookupKeys& lookup, std::string_view normalised_codename);

// The report's key pair, unlocked with the codename; nullopt if the codename does not unlock it.
std::optional<KeyPair> unlock_reporter_keys(std::string_view normalised_codename, std::string_view public_key,
                                            std::string_view key_salt, std::string_view locked_secret_key);

// The key behind staff codenames' look-up keys: made from the moderators' secret key, so it exists
// only where that key is open (never in the database or the deployment's secrets file). With the
// database and the secrets file alone, an attacker cannot narrow 66 bits of codename to a few
// argon2id checks.
std::array<unsigned char, 32> staff_lookup_key(const KeyPair& moderators);

// A random id that says nothing of when it was made: 1 .. 2^59.
std::int64_t random_id();

}  // namespace pw::crypto
