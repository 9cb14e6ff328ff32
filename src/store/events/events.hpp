#pragma once
// The only way into the events table: append. Nothing updates or deletes an event.
#include <soci/session.h>

#include <optional>
#include <string>
#include <vector>

#include "core/events/event.hpp"

namespace pw::store {

void append_event(soci::session& session, const events::Event& event);

// The newest events first, for the admin's audit log.
struct EventRow {
    std::string what;
    std::string object_kind;
    std::optional<std::int64_t> object_id;
    std::string from_state;  // empty when none
    std::string to_state;
    std::string actor;
    std::string month;
};
std::vector<EventRow> recent_events(soci::session& session, int limit);

}  // namespace pw::store
