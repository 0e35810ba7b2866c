-- The line accounting of every extract (issue 11): for an accepted file
--   physical_lines = header_lines + rows_loaded + rows_quarantined
-- holds, and is checked before the file is stored as loaded. A rejected file keeps the counts it got to.
-- NULL for extracts stored before this migration.
ALTER TABLE meta.extracts ADD COLUMN IF NOT EXISTS physical_lines BIGINT;  -- lines of the file; one final line end starts no new line
ALTER TABLE meta.extracts ADD COLUMN IF NOT EXISTS header_lines INTEGER;   -- 1 once the header was read, else 0
