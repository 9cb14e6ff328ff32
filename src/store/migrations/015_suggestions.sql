-- Suggestions for improvement (docs/suggestions.md): a participant's text and each provider's
-- note are public only once a moderator has read them. Suggestions keep the ISO week they were
-- made, published and first answered ('2026-W49'). The 4-week answer clock runs from the week
-- it was published, when the provider sees it arrive: the week it was made is never in a
-- published figure. Pages show the month only.
CREATE TABLE suggestions (
    id @ID@,
    public_ref TEXT NOT NULL UNIQUE,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    office_id BIGINT REFERENCES offices (id),
    codename_id BIGINT REFERENCES codenames (id),
    week TEXT NOT NULL CHECK (length(week) = 8),
    month TEXT NOT NULL CHECK (length(month) = 7),
    body TEXT NOT NULL,
    review TEXT NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'published', 'rejected')),
    reject_reason TEXT,
    state TEXT NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'under_consideration', 'planned', 'implemented', 'declined')),
    published_week TEXT CHECK (published_week IS NULL OR length(published_week) = 8),
    answered_week TEXT CHECK (answered_week IS NULL OR length(answered_week) = 8)
);
CREATE INDEX suggestions_review ON suggestions (review, provider_id);
CREATE INDEX suggestions_codename ON suggestions (codename_id);

-- Each move a provider's representative makes, with its note (none: public at once).
CREATE TABLE suggestion_steps (
    id @ID@,
    suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    week TEXT NOT NULL CHECK (length(week) = 8),
    month TEXT NOT NULL CHECK (length(month) = 7),
    note TEXT,
    review TEXT NOT NULL CHECK (review IN ('pending', 'published', 'rejected'))
);
CREATE INDEX suggestion_steps_suggestion ON suggestion_steps (suggestion_id);
CREATE INDEX suggestion_steps_review ON suggestion_steps (review);

-- "Have you noticed this change?" answered yes by someone rating the provider. Counted only
-- through publication, with noise; nothing ties a row to the rating it came with.
CREATE TABLE change_confirmations (
    id @ID@,
    suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
    month TEXT NOT NULL CHECK (length(month) = 7)
);
CREATE INDEX change_confirmations_month ON change_confirmations (month, suggestion_id);

-- The noisy count drawn once per implemented suggestion and published month.
CREATE TABLE confirmation_cells (
    id @ID@,
    month TEXT NOT NULL REFERENCES published_months (month),
    suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
    noisy BIGINT NOT NULL,
    UNIQUE (month, suggestion_id)
);

-- A snapshot's suggestion figures: per implemented suggestion, its confirmations over the
-- window (noisy); per provider, how it answered public suggestions (exact: from public items).
CREATE TABLE snapshot_confirmations (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    suggestion_id BIGINT NOT NULL REFERENCES suggestions (id),
    cells_summed BIGINT NOT NULL,
    noisy BIGINT NOT NULL,
    UNIQUE (snapshot_id, suggestion_id)
);
CREATE TABLE snapshot_suggestion_answers (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    provider_id BIGINT NOT NULL,
    made BIGINT NOT NULL,
    due BIGINT NOT NULL,
    answered_in_time BIGINT NOT NULL,
    implemented BIGINT NOT NULL,
    declined BIGINT NOT NULL,
    UNIQUE (snapshot_id, provider_id)
);
