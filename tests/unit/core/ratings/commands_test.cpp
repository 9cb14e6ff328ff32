// The rating commands against in-memory repositories: no database.
#include "core/ratings/commands.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "unit/core/fakes/stories.hpp"

using namespace pw;
using namespace pw::ratings;
using fakes::kNovember;

namespace {

class FakeRatings final : public RatingRepository {
public:
    std::map<std::int64_t, std::pair<RatingRecord, RatingState>> ratings;
    std::vector<codenames::HashedCodename> codenames;
    std::vector<events::Event> events;
    bool race = false;

    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month) override {
        codenames.push_back(codename);
        return 100 + static_cast<std::int64_t>(codenames.size());
    }
    std::optional<RatingFacts> rating_by(std::int64_t codename_id, const RatingRecord& unit) override {
        for (const auto& [id, kept] : ratings) {
            const auto& [r, state] = kept;
            if (r.codename_id == codename_id && r.provider_id == unit.provider_id && r.office_id == unit.office_id &&
                r.month == unit.month) {
                return RatingFacts{id, r.codename_id, state};
            }
        }
        return std::nullopt;
    }
    std::optional<RatingFacts> rating(std::int64_t id) override {
        auto it = ratings.find(id);
        if (it == ratings.end()) return std::nullopt;
        return RatingFacts{id, it->second.first.codename_id, it->second.second};
    }
    std::int64_t insert_rating(const RatingRecord& rating) override {
        const auto id = static_cast<std::int64_t>(ratings.size()) + 1;
        ratings.emplace(id, std::pair{rating, RatingState::active});
        return id;
    }
    bool replace_rating(std::int64_t id, RatingState from, const RatingRecord& rating) override {
        auto& kept = ratings.at(id);
        if (std::exchange(race, false) || kept.second != from) return false;
        kept = std::pair{rating, RatingState::active};
        return true;
    }
    bool move_rating(std::int64_t id, RatingState from, RatingState to) override {
        auto& kept = ratings.at(id);
        if (std::exchange(race, false) || kept.second != from) return false;
        kept.second = to;
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }
};

RatingRecord rating(int stars, std::optional<std::int64_t> codename = std::nullopt) {
    return RatingRecord{5, std::nullopt, kNovember, *Stars::from(stars), {}, std::nullopt, codename, std::nullopt};
}

}  // namespace

TEST(SubmitRating, ANewRatingWithoutACodenameIsKeptWithOneEvent) {
    FakeRatings fake;
    fakes::Stories stories;
    auto saved = submit_rating({rating(4), std::nullopt, std::nullopt}, fake, stories);
    ASSERT_TRUE(saved);
    EXPECT_FALSE(saved->replaced);
    EXPECT_EQ(saved->story_id, std::nullopt);
    EXPECT_EQ(fake.ratings.at(saved->id).first.overall.value(), 4);
    EXPECT_EQ(fake.ratings.at(saved->id).first.codename_id, std::nullopt);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "rating.submitted");
    EXPECT_TRUE(fake.codenames.empty());
}

TEST(SubmitRating, ANewCodenameIsStoredAndTheRatingAndStoryKeptUnderIt) {
    FakeRatings fake;
    fakes::Stories stories;
    auto saved = submit_rating({rating(2), codenames::HashedCodename{77, "$argon2id$stand-in"},
                                redaction::redact_text("They stopped my travel money")},
                               fake, stories);
    ASSERT_TRUE(saved);
    ASSERT_EQ(fake.codenames.size(), 1u);
    EXPECT_EQ(fake.ratings.at(saved->id).first.codename_id, 101);
    ASSERT_TRUE(saved->story_id);
    EXPECT_EQ(stories.stories[*saved->story_id].facts.codename_id, 101);
    EXPECT_EQ(stories.stories[*saved->story_id].facts.state, stories::StoryState::pending);
    EXPECT_EQ(stories.events.back().what, "story.submitted");
}

TEST(SubmitRating, TheSameCodenameRatingTheSameUnitInAMonthReplacesItsRating) {
    FakeRatings fake;
    fakes::Stories stories;
    const auto first = submit_rating({rating(2, 7), std::nullopt, std::nullopt}, fake, stories);
    const auto second = submit_rating({rating(5, 7), std::nullopt, std::nullopt}, fake, stories);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->id, second->id);
    EXPECT_TRUE(second->replaced);
    EXPECT_EQ(fake.ratings.size(), 1u);
    EXPECT_EQ(fake.ratings.at(first->id).first.overall.value(), 5);
    EXPECT_EQ(fake.events.back().what, "rating.replaced");
}

TEST(SubmitRating, RatingAgainBringsBackAWithdrawnRating) {
    FakeRatings fake;
    fakes::Stories stories;
    const auto first = *submit_rating({rating(2, 7), std::nullopt, std::nullopt}, fake, stories);
    ASSERT_TRUE(withdraw_rating({first.id, 7, kNovember}, fake));
    ASSERT_TRUE(submit_rating({rating(3, 7), std::nullopt, std::nullopt}, fake, stories));
    EXPECT_EQ(fake.ratings.at(first.id).second, RatingState::active);
    const auto restored = std::ranges::find(fake.events, std::string("rating.restored"), &events::Event::what);
    ASSERT_NE(restored, fake.events.end());
    EXPECT_EQ(restored->from_state, "withdrawn");
}

TEST(SubmitRating, AReplacementThatLosesARaceIsAConflictWithNoEvent) {
    FakeRatings fake;
    fakes::Stories stories;
    const auto first = *submit_rating({rating(2, 7), std::nullopt, std::nullopt}, fake, stories);
    const auto events_before = fake.events.size();
    fake.race = true;
    auto lost = submit_rating({rating(5, 7), std::nullopt, std::nullopt}, fake, stories);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.ratings.at(first.id).first.overall.value(), 2);
    EXPECT_EQ(fake.events.size(), events_before);
}

TEST(WithdrawRating, OnlyItsOwnCodenameCanAndOnlyOnce) {
    FakeRatings fake;
    fakes::Stories stories;
    const auto id = submit_rating({rating(2, 7), std::nullopt, std::nullopt}, fake, stories)->id;
    const auto anonymous = submit_rating({rating(2), std::nullopt, std::nullopt}, fake, stories)->id;
    auto refused = withdraw_rating({id, 8, kNovember}, fake);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "That rating is not one of yours.");
    EXPECT_FALSE(withdraw_rating({anonymous, 8, kNovember}, fake));
    ASSERT_TRUE(withdraw_rating({id, 7, kNovember}, fake));
    EXPECT_EQ(fake.ratings.at(id).second, RatingState::withdrawn);
    auto again = withdraw_rating({id, 7, kNovember}, fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
}

TEST(WithdrawRating, LosingARaceIsAConflict) {
    FakeRatings fake;
    fakes::Stories stories;
    const auto id = submit_rating({rating(2, 7), std::nullopt, std::nullopt}, fake, stories)->id;
    fake.race = true;
    auto lost = withdraw_rating({id, 7, kNovember}, fake);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.ratings.at(id).second, RatingState::active);
}
