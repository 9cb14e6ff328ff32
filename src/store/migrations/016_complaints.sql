-- Official complaints a participant makes to a provider, tracked under their codename
-- (docs/complaints.md). The texts are kept redacted: the provider's representative reads them
-- in the site; the letter the person sends is drafted from their own words and never kept.
-- Each move keeps its ISO week ('2026-W49'): the 8-week clock needs them, and the provider sees
-- the complaint arrive anyway. Pages show months.
CREATE TABLE complaints (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    office_id BIGINT REFERENCES offices (id),
    codename_id BIGINT NOT NULL REFERENCES codenames (id),
    category TEXT NOT NULL,
    what_happened TEXT NOT NULL,
    wanted TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'drafted'
        CHECK (state IN ('drafted', 'sent', 'acknowledged', 'final_response', 'taken_to_ice', 'withdrawn')),
    month TEXT NOT NULL CHECK (length(month) = 7),
    drafted_week TEXT NOT NULL CHECK (length(drafted_week) = 8),
    sent_week TEXT CHECK (sent_week IS NULL OR length(sent_week) = 8),
    acknowledged_week TEXT CHECK (acknowledged_week IS NULL OR length(acknowledged_week) = 8),
    final_week TEXT CHECK (final_week IS NULL OR length(final_week) = 8),
    ice_week TEXT CHECK (ice_week IS NULL OR length(ice_week) = 8),
    withdrawn_week TEXT CHECK (withdrawn_week IS NULL OR length(withdrawn_week) = 8),
    final_note TEXT
);
CREATE INDEX complaints_codename ON complaints (codename_id);
CREATE INDEX complaints_provider_state ON complaints (provider_id, state);
