-- Evaluators: accounts that carry out the independent evaluation (docs/accounts.md). The role
-- list is a CHECK constraint, replaced as in 008: in place on PostgreSQL, by SQLite's own
-- table rebuild there (migrate turns foreign keys off around it and checks them before commit).
-- @postgresql
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
    CHECK (role IN ('moderator', 'provider', 'admin', 'researcher', 'evaluator'));
-- @end
-- @sqlite
CREATE TABLE accounts_rebuilt (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('moderator', 'provider', 'admin', 'researcher', 'evaluator')),
    provider_id BIGINT REFERENCES providers (id),
    created_month TEXT NOT NULL CHECK (length(created_month) = 7),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    CHECK ((role = 'provider' AND provider_id IS NOT NULL) OR (role <> 'provider' AND provider_id IS NULL))
);
INSERT INTO accounts_rebuilt (id, username, password_hash, role, provider_id, created_month, disabled)
    SELECT id, username, password_hash, role, provider_id, created_month, disabled FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_rebuilt RENAME TO accounts;
-- @end
