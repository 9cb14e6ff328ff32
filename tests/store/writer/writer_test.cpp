// The writer on both engines: jobs share transactions, statements it keeps prepared run again and
// again with new values, and a job that fails or is refused leaves nothing and spoils nothing.
#include "store/writer/writer.hpp"

#include <future>
#include <stdexcept>

#include "crypto/secrets.hpp"
#include "store/ratings/rating_service_soci.hpp"
#include "store/ratings/ratings.hpp"
#include "store/store_test.hpp"
#include "store/stories/story_repository.hpp"

using namespace pw;
using namespace pw::ratings;
using pw::testing::StoreTest;

class WriterTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
    }
    // A rating job as the site submits one; its future holds whether it was acknowledged.
    std::future<bool> rate(store::Writer& writer, int stars, bool fail = false, bool refuse = false) {
        auto acknowledged = std::make_shared<std::promise<bool>>();
        auto future = acknowledged->get_future();
        const RatingRecord record{provider_, std::nullopt, month(),      *Stars::from(stars),
                                  {},        std::nullopt, std::nullopt, std::nullopt};
        writer.submit(
            [record, fail, refuse](soci::session& s) {
                store::SociRatingRepository ratings(s);
                store::SociStoryRepository stories(s);
                if (!submit_rating({record, std::nullopt, std::nullopt}, ratings, stories)) {
                    return store::Writer::Outcome::undo;
                }
                if (fail) throw std::runtime_error("a job that fails after writing");
                return refuse ? store::Writer::Outcome::undo : store::Writer::Outcome::keep;
            },
            [acknowledged](std::exception_ptr error) { acknowledged->set_value(!error); });
        return future;
    }
    long long provider_ = 0;
};
PW_ENGINE_SUITE(WriterTest);

TEST_P(WriterTest, EveryAcknowledgedRatingIsKeptWithItsEventAndTheRefusedAreNot) {
    auto db = open_db(2);
    std::vector<std::future<bool>> kept;
    std::vector<std::future<bool>> failed;
    {
        store::Writer writer(*db, 64);
        for (int i = 0; i < 500; ++i) {
            if (i % 50 == 7) {
                failed.push_back(rate(writer, 1, true));
            } else if (i % 50 == 9) {
                failed.push_back(rate(writer, 1, false, true));
            } else {
                kept.push_back(rate(writer, 2 + i % 4));
            }
        }
        writer.stop();
    }
    for (auto& f : kept) EXPECT_TRUE(f.get());
    for (std::size_t i = 0; i < failed.size(); ++i) {
        // A job that throws is an error; one that undoes is acknowledged, and kept nothing.
        EXPECT_EQ(failed[i].get(), i % 2 == 1);
    }
    EXPECT_EQ(count("ratings"), static_cast<long long>(kept.size()));
    EXPECT_EQ(count("events WHERE what = 'rating.submitted'"), static_cast<long long>(kept.size()));
    EXPECT_EQ(count("ratings WHERE stars = 1"), 0);  // every failed or refused job rated 1
    // The kept statements ran with each job's own values, not the first job's.
    long long expected_sum = 0;
    for (int i = 0; i < 500; ++i) {
        if (i % 50 != 7 && i % 50 != 9) expected_sum += 2 + i % 4;
    }
    auto s = db->session();
    long long sum = 0;
    s << "SELECT SUM(stars) FROM ratings", soci::into(sum);
    EXPECT_EQ(sum, expected_sum);
}

// A rating whose request the server has already answered at its deadline is not written: the
// person was told to try again, and would otherwise be counted twice.
TEST_P(WriterTest, ARatingAbandonedAtItsDeadlineIsNotWrittenAndTheOthersAre) {
    crypto::initialise();
    auto db = open_db(2);
    crypto::LookupKeys keys(crypto::new_secrets().lookup_key);
    std::vector<std::future<Result<RatingReceipt>>> answers;
    {
        store::Writer writer(*db);
        store::SociRatingService service(*db, writer, keys);
        for (int i = 0; i < 6; ++i) {
            auto answered = std::make_shared<std::promise<Result<RatingReceipt>>>();
            answers.push_back(answered->get_future());
            RatingSubmission submission{{UnitKind::provider, provider_, 0},
                                        provider_,
                                        month(),
                                        RatingAnswers{*Stars::from(4), {}, std::nullopt, std::nullopt, false},
                                        std::nullopt,
                                        std::nullopt,
                                        std::nullopt};
            service.submit(
                submission, [answered](Result<RatingReceipt> r) { answered->set_value(std::move(r)); },
                [abandoned = i % 2 == 0] { return abandoned; });
        }
        writer.stop();
    }
    for (std::size_t i = 0; i < answers.size(); ++i) {
        auto answer = answers[i].get();
        if (i % 2 == 0) {
            ASSERT_FALSE(answer);
            EXPECT_EQ(answer.error().kind, ErrorKind::unavailable);
        } else {
            EXPECT_TRUE(answer);
        }
    }
    EXPECT_EQ(count("ratings"), 3);
    EXPECT_EQ(count("events WHERE what = 'rating.submitted'"), 3);
}
