#pragma once
// The only way into the events table: append. Nothing updates or deletes an event.
#include <soci/session.h>

#include "core/events/event.hpp"

namespace pw::store {

void append_event(soci::session& session, const events::Event& event);

}  // namespace pw::store
