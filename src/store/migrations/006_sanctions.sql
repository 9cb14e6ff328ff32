-- A participant's sanction referral, followed to decision, reconsideration and appeal. Dated
-- to the month: the day of a decision letter is used to show a deadline and never stored.
CREATE TABLE sanction_cases (
    id @ID@,
    provider_id BIGINT REFERENCES providers (id),   -- NULL when Jobcentre Plus referred
    office_id BIGINT REFERENCES offices (id),
    referred_by_jobcentre INTEGER NOT NULL DEFAULT 0 CHECK (referred_by_jobcentre IN (0, 1)),
    codename_id BIGINT NOT NULL REFERENCES codenames (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    reason TEXT NOT NULL,
    good_reason TEXT NOT NULL,
    travel_paid TEXT NOT NULL CHECK (travel_paid IN ('yes', 'no', 'not-asked')),
    benefit TEXT NOT NULL CHECK (benefit IN ('jsa', 'esa')),
    state TEXT NOT NULL DEFAULT 'referred',
    decision_month TEXT CHECK (decision_month IS NULL OR length(decision_month) = 7),
    CHECK (provider_id IS NOT NULL OR referred_by_jobcentre = 1)
);
CREATE INDEX sanction_cases_provider ON sanction_cases (provider_id);
CREATE INDEX sanction_cases_codename ON sanction_cases (codename_id);

-- Official statistics, each row with its source: national aggregates, and figures by provider.
CREATE TABLE published_figures (
    id @ID@,
    metric TEXT NOT NULL,
    value TEXT NOT NULL,
    unit TEXT NOT NULL,
    period TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (metric, unit, period)
);
CREATE TABLE published_provider_sanctions (
    id @ID@,
    provider TEXT NOT NULL,
    scope TEXT NOT NULL,
    period TEXT NOT NULL,
    referrals BIGINT NOT NULL CHECK (referrals >= 0),
    sanctions BIGINT NOT NULL CHECK (sanctions >= 0 AND sanctions <= referrals),
    source TEXT NOT NULL,
    UNIQUE (provider, period)
);
