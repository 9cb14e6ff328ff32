-- Complaint figures through publication (docs/disclosure.md): per provider and month, noisy
-- counts of complaints sent, final responses within 8 weeks and complaints taken to the ICE,
-- each counted once, in the first publication after it was recorded (as sanction steps are).
CREATE TABLE complaint_cells (
    id @ID@,
    month TEXT NOT NULL REFERENCES published_months (month),
    provider_id BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    answered_in_time BIGINT NOT NULL,
    to_ice BIGINT NOT NULL,
    UNIQUE (month, provider_id)
);

CREATE TABLE snapshot_complaints (
    id @ID@,
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    provider_id BIGINT NOT NULL,
    cells_summed BIGINT NOT NULL,
    sent BIGINT NOT NULL,
    answered_in_time BIGINT NOT NULL,
    to_ice BIGINT NOT NULL,
    UNIQUE (snapshot_id, provider_id)
);
