#pragma once
// One row of the append-only events table: what changed, never free text (DESIGN.md).
#include <cstdint>
#include <optional>
#include <string>

#include "core/common/month.hpp"

namespace pw::events {

enum class ActorRole { system, participant, staff, provider, moderator, evaluator, admin, researcher };

const char* to_string(ActorRole role);

struct Event {
    std::string what;         // e.g. "registry.imported", "story.published"
    std::string object_kind;  // e.g. "import", "story"
    std::optional<std::int64_t> object_id;
    std::optional<std::string> from_state;
    std::optional<std::string> to_state;
    ActorRole actor = ActorRole::system;
    Month month;
};

}  // namespace pw::events
