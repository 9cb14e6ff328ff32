-- When a referral ended in a sanction: its level, earlier sanctions at that level in the last
-- 52 weeks (which set its length, as data in core/sanctions), and any hardship payment.
ALTER TABLE sanction_cases ADD COLUMN level TEXT CHECK (level IS NULL OR level IN ('lower', 'intermediate', 'higher'));
ALTER TABLE sanction_cases ADD COLUMN previous_sanctions INTEGER CHECK (previous_sanctions IS NULL OR previous_sanctions BETWEEN 0 AND 2);
ALTER TABLE sanction_cases ADD COLUMN hardship TEXT NOT NULL DEFAULT 'not-applied'
    CHECK (hardship IN ('not-applied', 'applied', 'granted', 'refused'));
