-- Recovery reports (docs/standards.md): while a provider is under recovery measures, its
-- representative says each month what it is changing. Redacted before it is kept; read by a
-- moderator before it is public; a rejected one keeps the moderator's reason for the provider.
CREATE TABLE recovery_reports (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'published', 'rejected')),
    reason TEXT,
    decided_month TEXT
);
CREATE INDEX recovery_reports_provider ON recovery_reports (provider_id, month);
