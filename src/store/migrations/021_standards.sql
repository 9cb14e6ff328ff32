-- The accountability standards (docs/standards.md): one row of settings an admin may change,
-- kept in whole units (hundredths of a star, tenths of a complaint per 100 raters, percent);
-- without a row the defaults apply. And each provider's status at each publication.
CREATE TABLE standards_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    minimum_stars_hundredths BIGINT NOT NULL,
    maximum_complaints_tenths BIGINT NOT NULL,
    minimum_answered_percent BIGINT NOT NULL,
    publications_to_agree BIGINT NOT NULL,
    publications_to_recover BIGINT NOT NULL
);

CREATE TABLE provider_status (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    provider_id BIGINT NOT NULL,
    published TEXT NOT NULL CHECK (published IN ('not_enough_ratings', 'meets', 'at_risk', 'below_standard')),
    assessed TEXT NOT NULL CHECK (assessed IN ('not_enough_ratings', 'meets', 'at_risk', 'below_standard')),
    agreeing BIGINT NOT NULL,
    recovery INTEGER NOT NULL CHECK (recovery IN (0, 1)),
    meeting BIGINT NOT NULL,
    reasons TEXT NOT NULL,
    UNIQUE (snapshot_id, provider_id)
);

-- The standards each snapshot was assessed against, so its page can say them.
CREATE TABLE snapshot_standards (
    id @ID@,
    snapshot_id BIGINT NOT NULL UNIQUE REFERENCES snapshots (id),
    minimum_stars_hundredths BIGINT NOT NULL,
    maximum_complaints_tenths BIGINT NOT NULL,
    minimum_answered_percent BIGINT NOT NULL,
    publications_to_agree BIGINT NOT NULL,
    publications_to_recover BIGINT NOT NULL
);
