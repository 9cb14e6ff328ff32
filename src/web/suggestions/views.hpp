#pragma once
// How a suggestion is shown, to whom: the public reads published notes only; its writer also
// reads why it was not published; the provider and moderators see notes waiting.
#include "crypto/id_mask.hpp"
#include "store/suggestions/suggestions.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

enum class Reader { everyone, writer, provider, moderator };

// Its id and its steps' ids masked (web/stories/views.hpp says why).
mustache::data suggestion_view(const store::SuggestionRow& row, Reader reader, const crypto::IdMask& ids);

// The published note of a change made (else the suggestion itself), for the rating form's question.
mustache::data change_view(const store::SuggestionRow& row);

}  // namespace pw::web
