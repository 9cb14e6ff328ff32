-- Universal Credit in the sanction log: everyone on the Restart Scheme is on it, and its
-- sanctions have levels of their own (lowest, low, medium, high) beside JSA's (lower,
-- intermediate, higher). The benefit and level lists are CHECK constraints. PostgreSQL replaces
-- them in place; SQLite cannot, so the table is rebuilt by SQLite's own procedure (as in 008 and
-- 014), keeping every row and id, and its indexes made again.
-- @postgresql
ALTER TABLE sanction_cases DROP CONSTRAINT sanction_cases_benefit_check;
ALTER TABLE sanction_cases ADD CONSTRAINT sanction_cases_benefit_check CHECK (benefit IN ('jsa', 'esa', 'uc'));
ALTER TABLE sanction_cases DROP CONSTRAINT sanction_cases_level_check;
ALTER TABLE sanction_cases ADD CONSTRAINT sanction_cases_level_check CHECK (level IS NULL OR level IN
    ('lower', 'intermediate', 'higher', 'lowest', 'low', 'medium', 'high'));
-- @end
-- @sqlite
CREATE TABLE sanction_cases_rebuilt (
    id INTEGER PRIMARY KEY,
    provider_id BIGINT REFERENCES providers (id),
    office_id BIGINT REFERENCES offices (id),
    referred_by_jobcentre INTEGER NOT NULL DEFAULT 0 CHECK (referred_by_jobcentre IN (0, 1)),
    codename_id BIGINT NOT NULL REFERENCES codenames (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    reason TEXT NOT NULL,
    good_reason TEXT NOT NULL,
    travel_paid TEXT NOT NULL CHECK (travel_paid IN ('yes', 'no', 'not-asked')),
    benefit TEXT NOT NULL CHECK (benefit IN ('jsa', 'esa', 'uc')),
    state TEXT NOT NULL DEFAULT 'referred',
    decision_month TEXT CHECK (decision_month IS NULL OR length(decision_month) = 7),
    level TEXT CHECK (level IS NULL OR level IN ('lower', 'intermediate', 'higher', 'lowest', 'low', 'medium', 'high')),
    previous_sanctions INTEGER CHECK (previous_sanctions IS NULL OR previous_sanctions BETWEEN 0 AND 2),
    hardship TEXT NOT NULL DEFAULT 'not-applied' CHECK (hardship IN ('not-applied', 'applied', 'granted', 'refused')),
    CHECK (provider_id IS NOT NULL OR referred_by_jobcentre = 1)
);
INSERT INTO sanction_cases_rebuilt (id, provider_id, office_id, referred_by_jobcentre, codename_id, month, reason,
                                    good_reason, travel_paid, benefit, state, decision_month, level,
                                    previous_sanctions, hardship)
    SELECT id, provider_id, office_id, referred_by_jobcentre, codename_id, month, reason, good_reason, travel_paid,
           benefit, state, decision_month, level, previous_sanctions, hardship FROM sanction_cases;
DROP TABLE sanction_cases;
ALTER TABLE sanction_cases_rebuilt RENAME TO sanction_cases;
CREATE INDEX sanction_cases_provider ON sanction_cases (provider_id);
CREATE INDEX sanction_cases_codename ON sanction_cases (codename_id);
-- @end
