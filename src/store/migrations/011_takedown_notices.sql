-- Notices asking for a published story to be taken down (docs/takedown.md). The complainant's
-- name and contact are kept only while the notice is open, for a moderator to reply; deciding
-- the notice clears them. A notice's day is the complainant's, not a participant's: the
-- writer's deadline is counted from it.
CREATE TABLE takedown_notices (
    id @ID@,
    story_id BIGINT NOT NULL REFERENCES stories (id),
    ground TEXT NOT NULL CHECK (ground IN ('identifying', 'defamatory', 'abusive')),
    explanation TEXT NOT NULL,
    complainant_name TEXT,
    complainant_contact TEXT,
    received_on TEXT NOT NULL CHECK (length(received_on) = 10),
    answer_due_on TEXT NOT NULL CHECK (length(answer_due_on) = 10),
    hides INTEGER NOT NULL CHECK (hides IN (0, 1)),
    state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'writer_answered', 'upheld', 'dismissed')),
    writer_answer TEXT
);
CREATE INDEX takedown_notices_story ON takedown_notices (story_id, state);
CREATE INDEX takedown_notices_state ON takedown_notices (state);

-- A story's public reference: the report link names a story by it, not by its row id, which
-- counts up and would tell the order in which stories arrived across the whole site.
ALTER TABLE stories ADD COLUMN public_ref TEXT;
-- @sqlite
UPDATE stories SET public_ref = lower(hex(randomblob(8)));
-- @end
-- @postgresql
UPDATE stories SET public_ref = substr(md5(random()::text || id::text), 1, 16);
-- @end
CREATE UNIQUE INDEX stories_public_ref ON stories (public_ref);
