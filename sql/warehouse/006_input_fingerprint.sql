-- What a published run read, so that the next run can see that nothing changed and skip the work
-- (status skipped_unchanged). See InputFingerprint and docs/performance.md.
ALTER TABLE meta.runs ADD COLUMN IF NOT EXISTS input_fingerprint VARCHAR;
