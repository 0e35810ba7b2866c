-- The Dutch description of each check, for the report (the English one stays for logs and the CLI).
ALTER TABLE meta.check_results ADD COLUMN IF NOT EXISTS omschrijving VARCHAR;
