#include "crypto/staff_keys.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

#include "crypto/encoding.hpp"

using namespace pw;
using namespace pw::crypto;

class StaffKeys : public ::testing::Test {
protected:
    static void SetUpTestSuite() { initialise(); }
};

TEST_F(StaffKeys, TheKeyFileOpensOnlyWithItsPassphraseAndHoldsNoSecretInTheClear) {
    const auto keys = new_key_pair();
    const auto file = moderator_key_file(keys, "a long enough passphrase");
    ASSERT_TRUE(file);
    const auto opened = open_moderator_key_file(*file, "a long enough passphrase");
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened->secret_key, keys.secret_key);
    EXPECT_EQ(opened->public_key, keys.public_key);
    const auto wrong = open_moderator_key_file(*file, "another passphrase entirely");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().message, "the passphrase does not open the key file");
    EXPECT_FALSE(moderator_key_file(keys, "too short"));
}

TEST_F(StaffKeys, ADamagedOrSwappedKeyFileIsRefusedSayingWhy) {
    const auto file = *moderator_key_file(new_key_pair(), "a long enough passphrase");
    EXPECT_EQ(open_moderator_key_file("public_key=zz\n", "a long enough passphrase").error().message,
              "line 1 of the key file: public_key must be 64 hex digits");
    EXPECT_EQ(open_moderator_key_file("# only a comment\n", "a long enough passphrase").error().message,
              "the key file lacks its public_key, salt or locked_secret_key");
    EXPECT_FALSE(open_moderator_key_file(file + "colour=blue\n", "a long enough passphrase"));
    // Another pair's public key with this secret key: refused, not silently mismatched.
    const auto other = *moderator_key_file(new_key_pair(), "a long enough passphrase");
    const auto line = [](const std::string& text, const std::string& name) {
        const auto at = text.find(name + "=");
        return text.substr(at, text.find('\n', at) - at);
    };
    std::string swapped = file;
    swapped.replace(swapped.find(line(file, "public_key")), line(file, "public_key").size(), line(other, "public_key"));
    EXPECT_EQ(open_moderator_key_file(swapped, "a long enough passphrase").error().message,
              "the key file's secret key does not belong to its public key");
}

TEST_F(StaffKeys, TextSealedToBothKeysOpensForModeratorsAndForTheCodenameOnly) {
    const auto moderators = new_key_pair();
    const LookupKeys lookup(std::array<unsigned char, 32>{7});
    const auto reporter = new_reporter_keys(lookup, "maple river candle orbit");
    const StaffReportSealer sealer(moderators.public_key);
    const auto sealed = sealer.seal(redaction::redact_text("three referrals a week"), reporter.public_key);
    EXPECT_EQ(open_sealed(moderators, sealed.for_moderators), "three referrals a week");
    EXPECT_FALSE(open_sealed(moderators, sealed.for_reporter));

    const auto theirs = unlock_reporter_keys("maple river candle orbit", reporter.public_key, reporter.key_salt,
                                             reporter.locked_secret_key);
    ASSERT_TRUE(theirs);
    EXPECT_EQ(open_sealed(*theirs, sealed.for_reporter), "three referrals a week");
    EXPECT_FALSE(open_sealed(*theirs, sealed.for_moderators));
    EXPECT_FALSE(unlock_reporter_keys("maple river candle orange", reporter.public_key, reporter.key_salt,
                                      reporter.locked_secret_key));
    EXPECT_FALSE(open_sealed(moderators, "not base64 at all!"));
    EXPECT_TRUE(secret_matches(reporter.codename_hash, "maple river candle orbit"));
    EXPECT_EQ(reporter.lookup_key, lookup("maple river candle orbit"));
}

TEST_F(StaffKeys, AnEvidenceLinkSealsToOneLengthWhateverItsLabelAndOpensOnlyForModerators) {
    const auto moderators = new_key_pair();
    const StaffReportSealer sealer(moderators.public_key);
    const StaffEvidenceOpener opener(moderators);
    const auto month = [](const char* text) { return *Month::parse(text); };
    const staff_reports::EvidenceLink shortest{7, "A", month("2026-03"), month("2026-03")};
    const staff_reports::EvidenceLink longest{576'460'752'303'423'488LL,
                                              std::string(staff_reports::kMaxEvidenceLabel, 'x'), month("2026-03"),
                                              month("2026-09")};
    ASSERT_EQ(staff_reports::evidence_text(longest).size(), staff_reports::kMaxEvidenceText);
    const auto a = sealer.seal_evidence(shortest);
    const auto b = sealer.seal_evidence(longest);
    EXPECT_EQ(a.size(), b.size()) << "the kept length tells the label's";
    EXPECT_EQ(opener.open_evidence(a), shortest);
    EXPECT_EQ(opener.open_evidence(b), longest);
    // Padded before sealing: what opens is the text and its padding, which the opener takes off.
    const auto padded = open_sealed(moderators, a);
    ASSERT_TRUE(padded);
    EXPECT_EQ(padded->size(), 512u);
    EXPECT_TRUE(padded->starts_with(staff_reports::evidence_text(shortest)));
    // Sealed to another key: not a link.
    EXPECT_FALSE(opener.open_evidence(StaffReportSealer(new_key_pair().public_key).seal_evidence(shortest)));
}

TEST_F(StaffKeys, RandomIdsArePositiveAndDoNotRepeat) {
    std::set<std::int64_t> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto id = random_id();
        EXPECT_GT(id, 0);
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

// A seized database must not tell a report's facts by their length: the role alone (3 bytes
// between "other" and "team_leader") or whether a sub-contractor or an office was named.
TEST_F(StaffKeys, ADetailsBoxIsOneLengthWhateverTheFactsAndOpensToThem) {
    const auto moderators = new_key_pair();
    const LookupKeys lookup(std::array<unsigned char, 32>{7});
    const auto reporter = new_reporter_keys(lookup, "maple river candle orbit");
    const StaffReportSealer sealer(moderators.public_key);
    std::set<std::size_t> lengths;
    for (auto role : staff_reports::kStaffRoles) {
        for (std::optional<std::int64_t> provider : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{25},
                                                     std::optional<std::int64_t>{576'460'752'303'423'488LL}}) {
            for (std::optional<std::int64_t> office : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{3},
                                                       std::optional<std::int64_t>{576'460'752'303'423'488LL}}) {
                staff_reports::ReportFacts facts;
                facts.prime_id = 1;
                facts.provider_id = provider;
                facts.office_id = office;
                facts.role = role;
                facts.started = *Month::parse("2024-02");
                facts.continuing = office.has_value();
                const auto sealed = sealer.seal_details(facts, reporter.public_key);
                lengths.insert(sealed.for_moderators.size());
                lengths.insert(sealed.for_reporter.size());
                const auto opened = open_sealed(moderators, sealed.for_moderators);
                ASSERT_TRUE(opened);
                EXPECT_EQ(*opened, staff_reports::details_text(facts));
            }
        }
    }
    EXPECT_EQ(lengths.size(), 1u) << "the kept length tells the facts";
}

TEST_F(StaffKeys, AMessageBoxTellsItsLengthOnlyToThePowerOfTwoAndOpensToItsText) {
    const auto moderators = new_key_pair();
    const LookupKeys lookup(std::array<unsigned char, 32>{7});
    const auto reporter = new_reporter_keys(lookup, "maple river candle orbit");
    const StaffReportSealer sealer(moderators.public_key);
    const auto sealed_size = [&](const std::string& text) {
        const auto sealed = sealer.seal(redaction::redact_text(text), reporter.public_key);
        EXPECT_EQ(open_sealed(moderators, sealed.for_moderators), redaction::redact_text(text).str());
        EXPECT_EQ(sealed.for_moderators.size(), sealed.for_reporter.size());
        return sealed.for_moderators.size();
    };
    EXPECT_EQ(sealed_size("short"), sealed_size("We have a league table."));
    EXPECT_EQ(sealed_size(std::string(120, 'a')), sealed_size(std::string(255, 'b')));
    EXPECT_EQ(sealed_size(std::string(300, 'a')), sealed_size(std::string(500, 'b')));
    EXPECT_LT(sealed_size(std::string(255, 'a')), sealed_size(std::string(256, 'b')));
    sealed_size(std::string(40'000, 'c'));  // the longest a report's 10,000 characters can be
}

// Rows sealed before padding came in still open as they were.
TEST_F(StaffKeys, ATextSealedWithoutPaddingStillOpens) {
    const auto moderators = new_key_pair();
    for (const std::string& text :
         {std::string("three referrals a week"), std::string("\xe8\x80\x80"), std::string()}) {
        std::vector<unsigned char> box(crypto_box_SEALBYTES + text.size());
        crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                        moderators.public_key.data());
        const std::string_view bytes(reinterpret_cast<const char*>(box.data()), box.size());
        EXPECT_EQ(open_sealed(moderators, base64_text(bytes)), text);
    }
    // A box with the padding's mark but damaged padding (or none) does not open to anything.
    for (const std::string& text : {std::string("\xff"), std::string("\xff" "abc"), std::string("\xff") + std::string(255, '\0')}) {
        std::vector<unsigned char> box(crypto_box_SEALBYTES + text.size());
        crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                        moderators.public_key.data());
        const std::string_view bytes(reinterpret_cast<const char*>(box.data()), box.size());
        EXPECT_FALSE(open_sealed(moderators, base64_text(bytes))) << text.size();
    }
}
