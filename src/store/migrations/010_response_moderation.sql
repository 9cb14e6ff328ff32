-- Providers' responses are read by a moderator before they are published, like stories: a new
-- response waits as 'pending' and is published or rejected, with a reason the provider reads.
-- Responses already published stay published. PostgreSQL replaces the state CHECK in place;
-- SQLite rebuilds the table (nothing refers to responses).
-- @postgresql
ALTER TABLE responses DROP CONSTRAINT responses_state_check;
ALTER TABLE responses ADD CONSTRAINT responses_state_check
    CHECK (state IN ('pending', 'published', 'rejected', 'withdrawn', 'removed'));
ALTER TABLE responses ALTER COLUMN state SET DEFAULT 'pending';
ALTER TABLE responses ADD COLUMN reject_reason TEXT;
-- @end
-- @sqlite
CREATE TABLE responses_rebuilt (
    id INTEGER PRIMARY KEY,
    story_id BIGINT NOT NULL REFERENCES stories (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'rejected', 'withdrawn', 'removed')),
    reject_reason TEXT
);
INSERT INTO responses_rebuilt (id, story_id, provider_id, account_id, month, body, state)
    SELECT id, story_id, provider_id, account_id, month, body, state FROM responses;
DROP TABLE responses;
ALTER TABLE responses_rebuilt RENAME TO responses;
CREATE INDEX responses_story ON responses (story_id);
-- @end
CREATE INDEX responses_state ON responses (state);
