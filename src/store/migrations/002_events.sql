-- Append-only audit trail of every state change. Never free text, never an exact time:
-- the month is as precise as it gets (DESIGN.md, privacy rules).
CREATE TABLE events (
    id @ID@,
    what TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id BIGINT,
    from_state TEXT,
    to_state TEXT,
    actor_role TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7)
);

CREATE INDEX events_object ON events (object_kind, object_id);
