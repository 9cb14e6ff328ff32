-- Publication: private rows become public figures only here, through disclosure control
-- (docs/disclosure.md). Noise is drawn once per cell and kept; nothing ever draws it again.

-- The months whose cells are drawn, and the last event counted into them (sanction steps are
-- counted once, in the first publication after they were recorded).
CREATE TABLE published_months (
    id @ID@,
    month TEXT NOT NULL UNIQUE CHECK (length(month) = 7),
    events_through BIGINT NOT NULL
);

-- One noisy cell per leaf (a provider's own ratings or an office's, in one area) and month, or
-- per sanction referrer (provider, 0 for Jobcentre Plus) and month. Comma-separated counts.
CREATE TABLE publication_cells (
    id @ID@,
    family TEXT NOT NULL CHECK (family IN ('ratings', 'sanctions')),
    month TEXT NOT NULL REFERENCES published_months (month),
    provider_id BIGINT NOT NULL,
    office_id BIGINT NOT NULL,
    area_id BIGINT NOT NULL,
    noisy TEXT NOT NULL,
    UNIQUE (family, month, provider_id, office_id, area_id)
);

-- A published snapshot: what every public page, the API and open data show until the next.
CREATE TABLE snapshots (
    id @ID@,
    period TEXT NOT NULL UNIQUE CHECK (length(period) = 7),
    window_start TEXT NOT NULL CHECK (length(window_start) = 7),
    published_month TEXT NOT NULL CHECK (length(published_month) = 7),
    method_version TEXT NOT NULL
);

-- Its figures: the sum of the leaves' noisy cells over the window for every unit, unclamped.
-- unit_kind: office, provider, area, prime_in_area, programme, referrer.
CREATE TABLE snapshot_figures (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    unit_kind TEXT NOT NULL,
    unit_id BIGINT NOT NULL,
    area_id BIGINT NOT NULL,
    cells_summed BIGINT NOT NULL,
    noisy TEXT NOT NULL,
    UNIQUE (snapshot_id, unit_kind, unit_id, area_id)
);

-- At most one publication at a time, across every process on the database. `started` is the
-- job's own clock in seconds (a system job, never a participant's time); a lock older than
-- an hour is a crashed run and may be taken over.
CREATE TABLE publication_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    started BIGINT NOT NULL
);
