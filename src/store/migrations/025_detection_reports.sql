-- Target-detection reports researchers keep (core/research/kept_report.hpp): the report as HTML,
-- JSON and CSV, with the method version and the SHA-256 of the file it came from. The file's
-- rows only when the researcher asked (input_csv; NULL otherwise). Ids are random: a link gives
-- no count of other reports.
CREATE TABLE detection_reports (
    id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    month TEXT NOT NULL CHECK (length(month) = 7),
    filename TEXT NOT NULL,
    input_kind TEXT NOT NULL CHECK (input_kind IN ('events', 'counts')),
    method_version TEXT NOT NULL,
    input_sha256 TEXT NOT NULL CHECK (length(input_sha256) = 64),
    summary TEXT NOT NULL,
    units BIGINT NOT NULL,
    flagged BIGINT NOT NULL,
    report_html TEXT NOT NULL,
    report_json TEXT NOT NULL,
    report_csv TEXT NOT NULL,
    input_csv TEXT
);
CREATE INDEX detection_reports_account ON detection_reports (account_id);
