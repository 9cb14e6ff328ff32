#include "core/suggestions/commands.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/stories/story.hpp"

namespace pw::suggestions {

namespace {

constexpr const char* kNoSuggestion = "There is no such suggestion.";

events::Event event(std::string what, std::string kind, std::int64_t id, std::optional<std::string> from,
                    std::optional<std::string> to, events::ActorRole actor, Month month) {
    return events::Event{std::move(what), std::move(kind), id, std::move(from), std::move(to), actor, month};
}

}  // namespace

Result<redaction::RedactedText> suggestion_text(std::string_view text) {
    auto checked = stories::check_text_within(text, "Your suggestion", kMaxSuggestionCharacters);
    if (!checked) return std::unexpected(checked.error());
    return redaction::redact_text(*checked);
}

Result<std::int64_t> suggest(const Suggest& command, SuggestionRepository& suggestions) {
    const auto& s = command.suggestion;
    if (s.body.str().empty()) return fail(ErrorKind::invalid_input, "Enter your suggestion");
    if (s.body.str().size() > kMaxSuggestionCharacters * 4) {
        return fail(ErrorKind::invalid_input, "Your suggestion is too long");
    }
    NewSuggestion kept = s;
    kept.codename_id = codenames::keep_under(s.codename_id, command.new_codename, s.month, suggestions);
    const auto id = suggestions.insert_suggestion(kept);
    suggestions.append(event("suggestion.submitted", "suggestion", id, std::nullopt,
                             std::string(review_name(Review::pending)), events::ActorRole::participant, s.month));
    return id;
}

Result<void> review_suggestion(const ReviewSuggestion& command, SuggestionRepository& suggestions) {
    if (!command.approved && (!command.reason || command.reason->str().empty())) {
        return fail(ErrorKind::invalid_input, "Say why the suggestion is rejected: its writer reads it.");
    }
    const auto facts = suggestions.suggestion(command.suggestion_id);
    if (!facts) return fail(ErrorKind::not_found, kNoSuggestion);
    const auto to = command.approved ? Review::published : Review::rejected;
    if (auto ok = check_review_transition(facts->review, to, Actor::moderator); !ok) return ok;
    if (!suggestions.review_suggestion(command.suggestion_id, facts->review, to,
                                       command.approved ? std::nullopt : command.reason, command.week)) {
        return fail(ErrorKind::conflict, "Someone else has just decided this suggestion. Reload the page.",
                    "suggestion reviewed by another writer");
    }
    suggestions.append(event("suggestion.reviewed", "suggestion", command.suggestion_id,
                             std::string(review_name(facts->review)), std::string(review_name(to)),
                             events::ActorRole::moderator, command.month));
    return {};
}

Result<std::int64_t> answer_suggestion(const AnswerSuggestion& command, SuggestionRepository& suggestions) {
    const auto facts = suggestions.suggestion(command.suggestion_id);
    // Not yet public: the provider has not been shown it, so it does not exist for them.
    if (!facts || facts->review != Review::published) return fail(ErrorKind::not_found, kNoSuggestion);
    if (std::ranges::find(command.acting_for, facts->provider_id) == command.acting_for.end()) {
        return fail(ErrorKind::forbidden, "You can only answer suggestions made to the organisation you represent.",
                    "representative acting for another provider");
    }
    if (auto ok = check_suggestion_transition(facts->state, command.to, Actor::provider); !ok) {
        return std::unexpected(ok.error());
    }
    const bool has_note = command.note && !command.note->str().empty();
    if (note_required(command.to) && !has_note) {
        return fail(ErrorKind::invalid_input, command.to == SuggestionState::declined
                                                  ? "Say why the suggestion is declined: people read it."
                                                  : "Say what was done: people read it.");
    }
    if (!suggestions.move_suggestion(command.suggestion_id, facts->state, command.to, command.week)) {
        return fail(ErrorKind::conflict, "Someone else has just answered this suggestion. Reload the page.",
                    "suggestion moved by another writer");
    }
    // A move without a note has nothing to read: it is public at once.
    const auto step_id = suggestions.insert_step(NewStep{command.suggestion_id, facts->state, command.to,
                                                         command.account_id, command.week, command.month,
                                                         has_note ? command.note : std::nullopt,
                                                         has_note ? Review::pending : Review::published});
    suggestions.append(event("suggestion.state_changed", "suggestion", command.suggestion_id,
                             std::string(suggestion_state_name(facts->state)),
                             std::string(suggestion_state_name(command.to)), events::ActorRole::provider,
                             command.month));
    return step_id;
}

Result<void> review_step(const ReviewStep& command, SuggestionRepository& suggestions) {
    const auto facts = suggestions.step(command.step_id);
    if (!facts) return fail(ErrorKind::not_found, "There is no such note.");
    const auto to = command.approved ? Review::published : Review::rejected;
    if (auto ok = check_review_transition(facts->review, to, Actor::moderator); !ok) return ok;
    if (!suggestions.review_step(command.step_id, facts->review, to)) {
        return fail(ErrorKind::conflict, "Someone else has just decided this note. Reload the page.",
                    "suggestion step reviewed by another writer");
    }
    suggestions.append(event("suggestion_step.reviewed", "suggestion_step", command.step_id,
                             std::string(review_name(facts->review)), std::string(review_name(to)),
                             events::ActorRole::moderator, command.month));
    return {};
}

Result<void> rewrite_note(const RewriteNote& command, SuggestionRepository& suggestions) {
    if (command.note.str().empty()) return fail(ErrorKind::invalid_input, "Enter the note");
    const auto facts = suggestions.step(command.step_id);
    if (!facts) return fail(ErrorKind::not_found, "There is no such note.");
    if (std::ranges::find(command.acting_for, facts->provider_id) == command.acting_for.end()) {
        return fail(ErrorKind::forbidden, "You can only answer suggestions made to the organisation you represent.",
                    "representative acting for another provider");
    }
    if (auto ok = check_review_transition(facts->review, Review::pending, Actor::provider); !ok) return ok;
    if (!suggestions.rewrite_note(command.step_id, command.note)) {
        return fail(ErrorKind::conflict, "Someone else has just changed this note. Reload the page.",
                    "suggestion step rewritten by another writer");
    }
    suggestions.append(event("suggestion_step.rewritten", "suggestion_step", command.step_id,
                             std::string(review_name(facts->review)), std::string(review_name(Review::pending)),
                             events::ActorRole::provider, command.month));
    return {};
}

Result<void> confirm_changes(const ConfirmChanges& command, SuggestionRepository& suggestions) {
    std::vector<std::int64_t> ids = command.suggestion_ids;
    std::ranges::sort(ids);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxChangesAsked) {
        return fail(ErrorKind::invalid_input, "Choose only the changes you were asked about.");
    }
    for (auto id : ids) {
        const auto facts = suggestions.suggestion(id);
        if (!facts || facts->review != Review::published || facts->state != SuggestionState::implemented ||
            facts->provider_id != command.provider_id) {
            return fail(ErrorKind::invalid_input, "Choose only the changes you were asked about.",
                        fmt::format("suggestion {} is no change made by provider {}", id, command.provider_id));
        }
    }
    // No event: a confirmation is part of a rating, counted only through publication.
    for (auto id : ids) suggestions.insert_confirmation(id, command.month);
    return {};
}

}  // namespace pw::suggestions
