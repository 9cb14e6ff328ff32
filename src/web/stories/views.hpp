#pragma once
#include "core/common/form.hpp"
#include "core/stories/story.hpp"
#include "crypto/id_mask.hpp"
#include "store/stories/responses.hpp"
#include "store/stories/stories.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// "2026-11" -> "November 2026"
std::string month_label(std::string_view yyyy_mm);

// Stored (redacted) text split for display: plain text, and what was removed marked.
mustache::data text_view(std::string_view redacted);
// Segments already split (the writer's preview).
mustache::data segments_view(const std::vector<stories::Segment>& segments);

// A preview of what redaction takes out of text before it is sent: "text" (to change it),
// "segments", "removes_something", and "kept": the form's other fields, to send again hidden.
void set_preview(mustache::data& data, const FormFields& form, const std::string& text);

// Every id these views show, and every view of a story, a response, a suggestion or a notice,
// is masked (crypto/id_mask.hpp): the database numbers them one after another, so two a reader
// saw a while apart would say how many were sent in between, rejected ones too. Routes read
// them back with the same mask.

// A story with its responses, its text split at what was removed (and what moderators censor).
mustache::data story_view(const store::StoryRow& story, const crypto::IdMask& ids);
// A response published under the story, as the public reads it (the story's censor rules reach it).
mustache::data published_response_view(const store::ResponseRow& response, const store::StoryRow& story,
                                       const crypto::IdMask& ids);

// A response as its provider and moderators see it: its state, its reason if rejected, and the
// story it answers.
mustache::data response_view(const store::ModeratedResponse& response, const crypto::IdMask& ids);

}  // namespace pw::web
