#include "crypto/id_mask.hpp"

#include <gtest/gtest.h>

#include <sodium.h>
#include <set>

using pw::crypto::IdKind;
using pw::crypto::IdMask;

namespace {
std::array<unsigned char, 32> key(unsigned char fill) {
    std::array<unsigned char, 32> k{};
    k.fill(fill);
    return k;
}
}  // namespace

TEST(IdMask, ReadsBackWhatItShowsAndNothingElse) {
    ASSERT_GE(sodium_init(), 0);
    const IdMask ids(key(7));
    for (std::int64_t id :
         {std::int64_t{1}, std::int64_t{2}, std::int64_t{41}, std::int64_t{1'000'000}, (std::int64_t{1} << 53) - 1}) {
        const auto shown = ids.show(IdKind::story, id);
        EXPECT_EQ(shown.size(), 16u);
        EXPECT_EQ(ids.read(IdKind::story, shown), id) << shown;
    }
    // Never shown: the wrong length, not hex, upper case.
    for (const char* bad : {"", "1", "12", "ABCDEF0123456789", "0123456789abcdeg", "0123456789abcdef0",
                            " 123456789abcdef", "-123456789abcdef"})
        EXPECT_FALSE(ids.read(IdKind::story, bad)) << bad;
    // Well formed: a real id only if it shows as itself (about 1 in 2,000 by chance).
    if (const auto id = ids.read(IdKind::story, "0000000000000001")) {
        EXPECT_EQ(ids.show(IdKind::story, *id), "0000000000000001");
    }
}

TEST(IdMask, IdsInARowSayNothingOfEachOther) {
    ASSERT_GE(sodium_init(), 0);
    const IdMask ids(key(7)), other(key(8));
    std::set<std::string> seen;
    int same_prefix = 0;
    std::string previous;
    for (std::int64_t id = 1; id <= 2000; ++id) {
        const auto shown = ids.show(IdKind::story, id);
        EXPECT_TRUE(seen.insert(shown).second);
        EXPECT_NE(shown, other.show(IdKind::story, id)) << "another deployment's key gives other ids";
        same_prefix += !previous.empty() && shown.substr(0, 4) == previous.substr(0, 4);
        previous = shown;
    }
    EXPECT_LE(same_prefix, 5) << "consecutive ids look alike";  // 1 in 65,536 each by chance
    // Most shown ids read back as nothing: a made-up one is rarely anybody's.
    int real = 0;
    for (std::uint64_t n = 0; n < 2000; ++n) {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(n * 0x9E3779B97F4A7C15ull));
        real += ids.read(IdKind::story, text).has_value();
    }
    EXPECT_LE(real, 10);  // 2^53 of 2^64 read back: about 1 in 2,000
}

// A sanction case's id tried as a complaint's (or any kind's as another's) must not say whether
// such a row exists: each kind has its own permutation, and one kind's ids read back as another's
// only by chance.
TEST(IdMask, AnIdShownForOneKindNamesNothingOfAnother) {
    ASSERT_GE(sodium_init(), 0);
    const IdMask ids(key(7));
    const IdKind kinds[] = {IdKind::rating,          IdKind::story,    IdKind::response,
                            IdKind::notice,          IdKind::flag,     IdKind::suggestion,
                            IdKind::suggestion_note, IdKind::hold,     IdKind::recovery_report,
                            IdKind::sanction_case,   IdKind::complaint};
    int read_as_other = 0;
    for (std::int64_t id = 1; id <= 500; ++id) {
        std::set<std::string> shown;
        for (auto kind : kinds) {
            EXPECT_TRUE(shown.insert(ids.show(kind, id)).second) << "two kinds show row " << id << " alike";
            EXPECT_EQ(ids.read(kind, ids.show(kind, id)), id);
        }
        for (auto kind : kinds)
            for (auto other : kinds)
                if (kind != other) read_as_other += ids.read(other, ids.show(kind, id)).has_value();
    }
    // 500 ids x 110 pairs, each read back by chance about 1 in 2,048.
    EXPECT_LE(read_as_other, 60);
}
