-- Ratings that count (docs/integrity.md) and the award (docs/standards.md).
-- A provider's month held by the flood check, until a moderator counts it or leaves it out.
CREATE TABLE rating_holds (
    id @ID@,
    provider_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('jump', 'uniform')),
    noisy_count BIGINT NOT NULL,
    expected BIGINT NOT NULL,
    why TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('held', 'counted', 'excluded')),
    decided_month TEXT,
    UNIQUE (provider_id, month)
);

-- What each snapshot said about held months, so its pages do not change until the next one.
CREATE TABLE snapshot_holds (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    provider_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('held', 'counted', 'excluded')),
    why TEXT NOT NULL
);
CREATE INDEX snapshot_holds_snapshot ON snapshot_holds (snapshot_id);

-- "Someone pressured me to rate": how many reports each provider had in a month, by kind of
-- pressure ('any' counts reports), counted in place. No row and no event per report: one would
-- sit next to the reporter's rating in the order things were written, and give them away.
CREATE TABLE pressure_reports (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    reports BIGINT NOT NULL,
    UNIQUE (provider_id, month, kind)
);

-- Each year's award: the top five by the lower bound of the score from ratings that count,
-- decided once, at the first publication that has the whole year. Scores in thousandths.
CREATE TABLE awards (
    id @ID@,
    year BIGINT NOT NULL,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    place BIGINT NOT NULL,
    provider_id BIGINT NOT NULL,
    mean_thousandths BIGINT NOT NULL,
    lower_thousandths BIGINT NOT NULL,
    upper_thousandths BIGINT NOT NULL,
    raters BIGINT NOT NULL,
    UNIQUE (year, place)
);
