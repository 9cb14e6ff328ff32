-- Signed-in sessions of accounts (moderators, provider representatives, admins, researchers;
-- never participants or frontline staff) live here, so any number of servers over one database
-- share them. Only a hash of each session id is kept: this table gives nobody a usable cookie.
-- Times are seconds since the epoch, for the idle and absolute timeouts.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    signed_in_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
