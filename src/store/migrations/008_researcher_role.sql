-- Researchers: accounts that run target-detection reports on uploaded referral data.
-- The role list is a CHECK constraint. PostgreSQL replaces it in place; SQLite cannot, so the
-- table is rebuilt by SQLite's own procedure (migrate turns foreign keys off around a SQLite
-- migration and runs foreign_key_check before committing): responses and flags name
-- "accounts", and point at the rebuilt table once it has the name.
-- @postgresql
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('moderator', 'provider', 'admin', 'researcher'));
-- @end
-- @sqlite
CREATE TABLE accounts_rebuilt (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('moderator', 'provider', 'admin', 'researcher')),
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
