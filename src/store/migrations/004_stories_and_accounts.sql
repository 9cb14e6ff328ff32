-- Accounts: moderators, provider representatives (tied to one provider) and admins.
-- Participants and frontline staff never have accounts.
CREATE TABLE accounts (
    id @ID@,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('moderator', 'provider', 'admin')),
    provider_id BIGINT REFERENCES providers (id),
    created_month TEXT NOT NULL CHECK (length(created_month) = 7),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    CHECK ((role = 'provider' AND provider_id IS NOT NULL) OR (role <> 'provider' AND provider_id IS NULL))
);

-- A participant's story. Only the redacted text is ever stored: the original never reaches
-- the database, and the moderator sees the placeholders where things were removed.
CREATE TABLE stories (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    office_id BIGINT REFERENCES offices (id),
    rating_id BIGINT REFERENCES ratings (id),
    codename_id BIGINT REFERENCES codenames (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'published', 'rejected', 'withdrawn', 'removed')),
    reject_reason TEXT,
    safeguarding INTEGER NOT NULL DEFAULT 0 CHECK (safeguarding IN (0, 1))
);
CREATE INDEX stories_provider_state ON stories (provider_id, state);
CREATE INDEX stories_state ON stories (state);

-- A provider's public response under a story.
CREATE TABLE responses (
    id @ID@,
    story_id BIGINT NOT NULL REFERENCES stories (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'withdrawn', 'removed'))
);
CREATE INDEX responses_story ON responses (story_id);

-- A provider's flag on a published story; the story stays up while a moderator decides.
CREATE TABLE flags (
    id @ID@,
    story_id BIGINT NOT NULL REFERENCES stories (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    reason TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'upheld', 'dismissed'))
);
CREATE INDEX flags_state ON flags (state);

-- A moderator's censor rule: a phrase removed from one story, one provider's stories, or all.
CREATE TABLE censor_rules (
    id @ID@,
    phrase TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('story', 'provider', 'everywhere')),
    story_id BIGINT REFERENCES stories (id),
    provider_id BIGINT REFERENCES providers (id),
    month TEXT NOT NULL CHECK (length(month) = 7)
);
