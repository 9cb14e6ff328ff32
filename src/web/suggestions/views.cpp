#include "web/suggestions/views.hpp"

#include "core/stories/story.hpp"
#include "core/suggestions/lifecycle.hpp"
#include "web/pages/page.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace suggestions;

namespace {
std::string_view review_label(Review review) {
    switch (review) {
        case Review::pending:
            return "Waiting for a moderator";
        case Review::published:
            return "Published";
        case Review::rejected:
            return "Not published";
    }
    return "Waiting for a moderator";
}
}  // namespace

mustache::data suggestion_view(const store::SuggestionRow& row, Reader reader, const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "id", ids.show(crypto::IdKind::suggestion, row.id));
    put(d, "ref", row.public_ref);
    put(d, "provider_name", row.provider_name);
    if (!row.office_name.empty()) put(d, "office_name", row.office_name);
    put(d, "month", month_label(row.month));
    put(d, "segments", text_view(stories::censor(row.body, row.rules)));
    put(d, "state", std::string(suggestion_state_name(row.state)));
    put(d, "state_label", std::string(suggestion_state_label(row.state)));
    put(d, "finished", flag(row.state == SuggestionState::implemented || row.state == SuggestionState::declined));
    put(d, "implemented", flag(row.state == SuggestionState::implemented));
    put(d, "declined", flag(row.state == SuggestionState::declined));
    put(d, "published", flag(row.review == Review::published));
    if (reader == Reader::writer || reader == Reader::moderator) {
        put(d, "review_label", std::string(review_label(row.review)));
        if (!row.reject_reason.empty()) put(d, "reject_reason", row.reject_reason);
    }
    put(d, "has_steps", flag(!row.steps.empty()));
    put(d, "steps", list_of(row.steps, [&](const store::SuggestionStepRow& step) {
            mustache::data sd;
            put(sd, "id", ids.show(crypto::IdKind::suggestion_note, step.id));
            put(sd, "label", std::string(suggestion_state_label(step.to)));
            put(sd, "month", month_label(step.month));
            const bool shown =
                step.review == Review::published || reader == Reader::provider || reader == Reader::moderator;
            if (!step.note.empty() && shown) {
                mustache::data note;
                put(note, "segments", text_view(stories::censor(step.note, row.rules)));
                put(sd, "note", std::move(note));
            }
            const bool public_reader = reader == Reader::everyone || reader == Reader::writer;
            if (!step.note.empty() && step.review == Review::pending && public_reader) {
                put(sd, "note_status", "A note from the provider is being checked.");
            } else if (!step.note.empty() && step.review == Review::rejected && public_reader) {
                // Said, so a decline or a change made is never shown as if it needed no reason.
                put(sd, "note_status",
                    note_required(step.to)
                        ? "The provider's note was not published: a moderator asked it to write it again."
                        : "A note from the provider was not published.");
            } else if (!step.note.empty() && step.review != Review::published && reader != Reader::everyone &&
                       reader != Reader::writer) {
                put(sd, "note_status", std::string(review_label(step.review)));
            }
            // The provider may write a rejected note again (a decline needs its reason).
            put(sd, "note_rejected", flag(step.review == Review::rejected && reader == Reader::provider));
            return sd;
        }));
    return d;
}

mustache::data change_view(const store::SuggestionRow& row) {
    mustache::data d;
    put(d, "ref", row.public_ref);  // the form names it by reference: ids tell the order of arrival
    put(d, "suggestion", text_view(stories::censor(row.body, row.rules)));
    for (const auto& step : row.steps) {
        if (step.to == SuggestionState::implemented && step.review == Review::published && !step.note.empty()) {
            mustache::data done;
            put(done, "segments", text_view(stories::censor(step.note, row.rules)));
            put(done, "month", month_label(step.month));
            put(d, "done", std::move(done));
        }
    }
    return d;
}

}  // namespace pw::web
