-- Staff reports of target pressure (docs/threat-model.md). No text in the clear: every message is
-- kept twice, sealed to the moderators' key and to the report's own key, whose secret half is
-- locked with the reporter's codename. Ids are random, so a seized database cannot place a report
-- among other rows by its id; dates are months. The codename is kept only as its argon2id hash,
-- found by a keyed look-up key, here and never in the codenames table (whose ids count up).
-- In SQLite both tables are WITHOUT ROWID: otherwise each row has a hidden rowid that counts up
-- in the order rows were written. (An INTEGER PRIMARY KEY would be the rowid itself, but SOCI reads
-- a column declared INTEGER as 32 bits.)
CREATE TABLE staff_reports (
    id BIGINT PRIMARY KEY,
    prime_id BIGINT NOT NULL REFERENCES providers (id),
    pressures INTEGER NOT NULL CHECK (pressures BETWEEN 1 AND 63),
    month TEXT NOT NULL CHECK (length(month) = 7),
    -- The sub-contractor, office, role, month it started and whether it goes on: what could point
    -- to one person, sealed like the text (core/staff_reports/report.hpp).
    details_for_moderators TEXT NOT NULL,
    details_for_reporter TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('received', 'needs_more', 'credible', 'not_relevant')),
    lookup_key BIGINT NOT NULL,
    codename_hash TEXT NOT NULL,
    key_salt TEXT NOT NULL,
    public_key TEXT NOT NULL,
    locked_secret_key TEXT NOT NULL
-- @sqlite
) WITHOUT ROWID;
-- @end
-- @postgresql
);
-- @end
CREATE INDEX staff_reports_lookup ON staff_reports (lookup_key);

-- What the reporter wrote and moderators replied, in the order of the conversation (seq counts
-- within one report only).
CREATE TABLE staff_report_messages (
    id BIGINT PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES staff_reports (id),
    seq INTEGER NOT NULL,
    author TEXT NOT NULL CHECK (author IN ('staff', 'moderator')),
    month TEXT NOT NULL CHECK (length(month) = 7),
    for_moderators TEXT NOT NULL,
    for_reporter TEXT NOT NULL,
    UNIQUE (report_id, seq)
-- @sqlite
) WITHOUT ROWID;
-- @end
-- @postgresql
);
-- @end

-- Their audit trail: as the events table's rows (what, which report, states, role, month; never
-- text), kept apart under random ids, so that a seized database cannot place them among the other
-- events, by id or by the order rows are stored.
CREATE TABLE staff_report_events (
    id BIGINT PRIMARY KEY,
    what TEXT NOT NULL,
    report_id BIGINT NOT NULL REFERENCES staff_reports (id),
    from_state TEXT,
    to_state TEXT,
    actor_role TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7)
-- @sqlite
) WITHOUT ROWID;
-- @end
-- @postgresql
);
-- @end

-- The published counts (docs/disclosure.md): for every prime, each quarter once it has ended,
-- the reports and each kind of pressure they name, with noise drawn once and kept; and each
-- snapshot's copy of those in its window.
CREATE TABLE staff_report_cells (
    id @ID@,
    quarter TEXT NOT NULL CHECK (length(quarter) = 7),
    prime_id BIGINT NOT NULL REFERENCES providers (id),
    measure TEXT NOT NULL,
    noisy BIGINT NOT NULL,
    UNIQUE (quarter, prime_id, measure)
);
CREATE TABLE snapshot_staff_reports (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    quarter TEXT NOT NULL,
    prime_id BIGINT NOT NULL REFERENCES providers (id),
    measure TEXT NOT NULL,
    noisy BIGINT NOT NULL,
    UNIQUE (snapshot_id, quarter, prime_id, measure)
);
