#include "store/ratings/rating_service_soci.hpp"

#include "crypto/codenames.hpp"
#include "store/ratings/ratings.hpp"
#include "store/stories/stories.hpp"

namespace pw::store {

using namespace ratings;

void SociRatingService::submit(const RatingSubmission& submission, std::function<void(Result<RatingReceipt>)> done) {
    RatingRecord record{submission.provider_id,
                        submission.unit.kind == UnitKind::office ? std::optional(submission.unit.id) : std::nullopt,
                        submission.month,
                        submission.answers.overall,
                        submission.answers.aspects,
                        submission.answers.payment_group,
                        std::nullopt,
                        submission.area_id};
    // The slow hashing happens here, on the caller's thread, never inside the writer's batch.
    if (submission.answers.codename) {
        auto s = db_.session();
        record.codename_id = find_codename(s, keys_, *submission.answers.codename);
        if (!record.codename_id) {
            done(fail(ErrorKind::invalid_input,
                      "We do not recognise that codename. Check the 4 words, or leave it blank to rate as new"));
            return;
        }
    }
    std::optional<std::string> codename;
    std::optional<NewCodename> new_codename;
    if (submission.answers.wants_codename) {
        codename = crypto::new_codename();
        new_codename = hash_codename(keys_, *codename);
    }
    auto saved = std::make_shared<SavedRating>();
    writer_.submit(
        [record, new_codename, saved, story = submission.story](soci::session& s) mutable {
            if (new_codename) record.codename_id = insert_codename(s, *new_codename, record.month);
            *saved = save_rating(s, record);
            if (story) {
                insert_story(s, StoryRecord{record.provider_id, record.office_id, saved->id, record.codename_id,
                                            record.month, *story});
            }
            return Writer::Outcome::keep;
        },
        [done = std::move(done), codename, saved, has_story = submission.story.has_value()](std::exception_ptr error) {
            if (error) {
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    done(fail(ErrorKind::unavailable, "Your rating could not be saved. Please try again.", describe(e)));
                }
                return;
            }
            done(RatingReceipt{codename, saved->replaced, has_story});
        });
}

}  // namespace pw::store
