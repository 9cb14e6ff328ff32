-- Links from a credible staff report to a kept detection report (core/staff_reports/evidence.hpp):
-- which detection report, which of its units or providers, and which months, sealed to the
-- moderators' key alone, since they would point to the sub-contractor or office that the report
-- keeps sealed. Ids are random and, in SQLite, the table is WITHOUT ROWID, as for the reports'
-- other tables (024_staff_reports.sql).
CREATE TABLE staff_report_evidence (
    id BIGINT PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES staff_reports (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    for_moderators TEXT NOT NULL
-- @sqlite
) WITHOUT ROWID;
-- @end
-- @postgresql
);
-- @end
CREATE INDEX staff_report_evidence_report ON staff_report_evidence (report_id);
