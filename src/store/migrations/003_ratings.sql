-- Codenames let a participant come back to what they wrote. Only a slow hash is kept, and a
-- 20-bit lookup key that narrows the search without identifying anyone.
CREATE TABLE codenames (
    id @ID@,
    lookup_key INTEGER NOT NULL,
    hash TEXT NOT NULL,
    created_month TEXT NOT NULL CHECK (length(created_month) = 7)
);
CREATE INDEX codenames_lookup ON codenames (lookup_key);

-- A rating of a provider, or of one of its offices (office_id set, provider_id its provider).
-- Dated to the month; no time, no address, no device.
CREATE TABLE ratings (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    office_id BIGINT REFERENCES offices (id),
    unit_key TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7),
    stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    respect INTEGER CHECK (respect BETWEEN 1 AND 5),
    personal_support INTEGER CHECK (personal_support BETWEEN 1 AND 5),
    help_towards_work INTEGER CHECK (help_towards_work BETWEEN 1 AND 5),
    fairness_about_sanctions INTEGER CHECK (fairness_about_sanctions BETWEEN 1 AND 5),
    keeping_to_standards INTEGER CHECK (keeping_to_standards BETWEEN 1 AND 5),
    travel_and_practical_help INTEGER CHECK (travel_and_practical_help BETWEEN 1 AND 5),
    payment_group TEXT CHECK (payment_group IN ('jsa-18-24', 'jsa-25-plus', 'esa', 'other')),
    codename_id BIGINT REFERENCES codenames (id),
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'withdrawn'))
);
CREATE INDEX ratings_provider_month ON ratings (provider_id, month);
CREATE INDEX ratings_office_month ON ratings (office_id, month);
-- One rating per codename per unit per month: a second replaces the first.
CREATE UNIQUE INDEX ratings_one_per_codename ON ratings (codename_id, unit_key, month) WHERE codename_id IS NOT NULL;
