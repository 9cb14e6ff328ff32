-- Each provider's own complaints procedure, as it publishes it (import kind `procedures`,
-- docs/csv-formats.md): shown where a participant drafts an official complaint. One per
-- provider; an import replaces it (a new row, so the registry's fingerprint moves).
CREATE TABLE complaints_procedures (
    id @ID@,
    provider_id BIGINT NOT NULL UNIQUE REFERENCES providers (id),
    how TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL
);
