-- A takedown notice may be about a provider's published response rather than the story it
-- answers (docs/takedown.md). Such a notice keeps its story's id (the page it was read on) and
-- names the response; a notice with a response_id hides only that response, never the story.
ALTER TABLE takedown_notices ADD COLUMN response_id BIGINT REFERENCES responses (id);
CREATE INDEX takedown_notices_response ON takedown_notices (response_id, state);
