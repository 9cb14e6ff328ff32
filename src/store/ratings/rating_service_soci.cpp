#include "store/ratings/rating_service_soci.hpp"

#include "crypto/codenames.hpp"
#include "store/ratings/ratings.hpp"
#include "store/stories/story_repository.hpp"
#include "store/suggestions/suggestion_repository.hpp"

namespace pw::store {

using namespace ratings;

void SociRatingService::submit(const RatingSubmission& submission, std::function<void(Result<RatingReceipt>)> done,
                               std::function<bool()> abandoned) {
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
        record.codename_id = find_codename(s, keys_, *submission.answers.codename, &writer_);
        if (!record.codename_id) {
            done(fail(ErrorKind::invalid_input,
                      "We do not recognise that codename. Check the 4 words, or leave it blank to rate as new"));
            return;
        }
    }
    SubmitRating command{record, std::nullopt, submission.story};
    std::optional<std::string> codename;
    if (submission.answers.wants_codename) {
        codename = crypto::new_codename();
        command.new_codename = hash_codename(keys_, *codename);
    }
    auto saved = std::make_shared<Result<SavedRating>>();
    writer_.submit(
        [command = std::move(command), saved, abandoned = std::move(abandoned),
         noticed = submission.noticed_change](soci::session& s) {
            if (abandoned && abandoned()) {
                *saved = fail(ErrorKind::unavailable, "Your rating could not be saved. Please try again.",
                              "request answered at its deadline before its rating was written");
                return Writer::Outcome::keep;  // nothing written: the batch's others go on
            }
            SociRatingRepository ratings(s);
            SociStoryRepository stories(s);
            *saved = submit_rating(command, ratings, stories);
            // A change noticed is counted with the rating, once: a rating replaced this month had its say.
            if (*saved && noticed && !(*saved)->replaced) {
                SociSuggestionRepository suggestions(s);
                const auto& r = command.rating;
                if (auto confirmed = suggestions::confirm_changes({r.provider_id, {*noticed}, r.month}, suggestions);
                    !confirmed) {
                    *saved = std::unexpected(confirmed.error());
                }
            }
            return *saved ? Writer::Outcome::keep : Writer::Outcome::undo;
        },
        [done = std::move(done), codename, saved, has_story = submission.story.has_value()](std::exception_ptr error) {
            if (error) {
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    done(
                        fail(ErrorKind::unavailable, "Your rating could not be saved. Please try again.", describe(e)));
                }
                return;
            }
            if (!*saved) return done(std::unexpected(saved->error()));
            done(RatingReceipt{codename, (*saved)->replaced, has_story});
        });
}

}  // namespace pw::store
