-- One-time set-up links for accounts an admin creates in the site (docs/accounts.md): only a
-- digest of the token is kept; the link works once, until its last day (days since 1970). An
-- account made this way has no password (an empty hash, which nothing matches) until it is used.
CREATE TABLE account_set_up_links (
    id @ID@,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    token_digest TEXT NOT NULL UNIQUE,
    expires_day BIGINT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX account_set_up_links_account ON account_set_up_links (account_id);
