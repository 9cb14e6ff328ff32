#include "core/ratings/commands.hpp"

#include <string>

namespace pw::ratings {

namespace {
constexpr const char* kChanged = "Your rating was changed somewhere else a moment ago. Look at it again.";

std::string name(RatingState state) {
    return std::string(rating_state_name(state));
}
}  // namespace

Result<SavedRating> submit_rating(const SubmitRating& command, RatingRepository& ratings,
                                  stories::StoryRepository& stories) {
    auto record = command.rating;
    record.codename_id = codenames::keep_under(record.codename_id, command.new_codename, record.month, ratings);
    SavedRating saved;
    const auto earlier = record.codename_id ? ratings.rating_by(*record.codename_id, record) : std::nullopt;
    if (earlier) {
        if (earlier->state != RatingState::active) {
            if (auto ok = check_rating_transition(earlier->state, RatingState::active, Actor::participant); !ok) {
                return std::unexpected(ok.error());
            }
        }
        if (!ratings.replace_rating(earlier->id, earlier->state, record)) {
            return fail(ErrorKind::conflict, kChanged, "rating moved by another writer");
        }
        if (earlier->state != RatingState::active) {
            ratings.append(events::Event{"rating.restored", "rating", earlier->id, name(earlier->state),
                                         name(RatingState::active), events::ActorRole::participant, record.month});
        }
        saved = {earlier->id, true, std::nullopt};
    } else {
        saved = {ratings.insert_rating(record), false, std::nullopt};
    }
    ratings.append(events::Event{saved.replaced ? "rating.replaced" : "rating.submitted", "rating", saved.id,
                                 saved.replaced ? std::optional<std::string>(name(RatingState::active)) : std::nullopt,
                                 name(RatingState::active), events::ActorRole::participant, record.month});
    if (command.story) {
        auto story = stories::tell_story(stories::TellStory{record.provider_id, record.office_id, saved.id,
                                                            record.codename_id, record.month, *command.story},
                                         stories);
        if (!story) return std::unexpected(story.error());
        saved.story_id = *story;
    }
    return saved;
}

Result<void> withdraw_rating(const WithdrawRating& command, RatingRepository& ratings) {
    const auto rating = ratings.rating(command.rating_id);
    // Another codename's rating is answered the same way as none: nothing tells them it exists.
    if (!rating || rating->codename_id != command.codename_id) {
        return fail(ErrorKind::not_found, "That rating is not one of yours.");
    }
    if (auto ok = check_rating_transition(rating->state, RatingState::withdrawn, Actor::participant); !ok) return ok;
    if (!ratings.move_rating(command.rating_id, rating->state, RatingState::withdrawn)) {
        return fail(ErrorKind::conflict, kChanged, "rating moved by another writer");
    }
    ratings.append(events::Event{"rating.withdrawn", "rating", command.rating_id, name(rating->state),
                                 name(RatingState::withdrawn), events::ActorRole::participant, command.month});
    return {};
}

}  // namespace pw::ratings
