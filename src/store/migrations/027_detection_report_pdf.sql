-- A kept detection report as a PDF to print (documents/pdf), made when the report is kept, as
-- base64 text so both engines keep it in a TEXT column. NULL for reports kept before.
ALTER TABLE detection_reports ADD COLUMN report_pdf TEXT;
