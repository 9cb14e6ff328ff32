#pragma once
#include "core/stories/story.hpp"
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

// A story with its responses, its text split at what was removed (and what moderators censor).
mustache::data story_view(const store::StoryRow& story);

// A response as its provider and moderators see it: its state, its reason if rejected, and the
// story it answers.
mustache::data response_view(const store::ModeratedResponse& response);

}  // namespace pw::web
