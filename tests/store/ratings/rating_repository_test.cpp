// The rating commands' repository on both engines: a codename's rating of a unit in a month is
// found again, and replacing or withdrawing it is compare-and-set on its state.
#include "store/ratings/ratings.hpp"

#include "store/store_test.hpp"

using namespace pw;
using namespace pw::ratings;
using pw::testing::StoreTest;

class RatingRepositoryTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
    }
    RatingRecord rating(int stars, std::optional<std::int64_t> codename) const {
        return RatingRecord{provider_, std::nullopt,      month(),  *Stars::from(stars),
                            {},        PaymentGroup::esa, codename, std::nullopt};
    }
    long long provider_ = 0;
};
PW_ENGINE_SUITE(RatingRepositoryTest);

TEST_P(RatingRepositoryTest, ACodenamesRatingIsFoundAgainAndReplacedOnlyFromItsState) {
    auto s = db_->session();
    store::SociRatingRepository ratings(s);
    const auto codename = ratings.insert_codename({5, "$argon2id$stand-in"}, month());
    const auto id = ratings.insert_rating(rating(2, codename));
    const auto found = ratings.rating_by(codename, rating(4, codename));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->state, RatingState::active);
    EXPECT_FALSE(ratings.rating_by(codename + 1, rating(4, codename)));
    auto next_month = rating(4, codename);
    next_month.month = *month().plus(1);
    EXPECT_FALSE(ratings.rating_by(codename, next_month));

    EXPECT_TRUE(ratings.move_rating(id, RatingState::active, RatingState::withdrawn));
    // A second writer that read "active" before the first withdrew it:
    EXPECT_FALSE(ratings.replace_rating(id, RatingState::active, rating(5, codename)));
    EXPECT_FALSE(ratings.move_rating(id, RatingState::active, RatingState::withdrawn));
    EXPECT_EQ(ratings.rating(id)->state, RatingState::withdrawn);
    EXPECT_TRUE(ratings.replace_rating(id, RatingState::withdrawn, rating(5, codename)));
    EXPECT_EQ(ratings.rating(id)->state, RatingState::active);
    EXPECT_EQ(ratings.rating(id)->codename_id, codename);
    int stars = 0;
    std::string group;
    s << "SELECT stars, payment_group FROM ratings WHERE id = :id", soci::into(stars), soci::into(group),
        soci::use(static_cast<long long>(id));
    EXPECT_EQ(stars, 5);
    EXPECT_EQ(group, "esa");
    EXPECT_FALSE(ratings.rating(id + 1000));
}

TEST_P(RatingRepositoryTest, ARatingWithoutACodenameBelongsToNobody) {
    auto s = db_->session();
    store::SociRatingRepository ratings(s);
    const auto id = ratings.insert_rating(rating(3, std::nullopt));
    ASSERT_TRUE(ratings.rating(id));
    EXPECT_EQ(ratings.rating(id)->codename_id, std::nullopt);
}
