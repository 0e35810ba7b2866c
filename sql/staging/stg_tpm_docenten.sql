-- depends_on: staging.key_level_vintage
-- tpm_docenten: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_tpm_docenten AS
SELECT
    r.jaar,
    r.onderwijssoort,
    r.hybride_docenten,
    r.hybride_docenten_status,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.tpm_docenten AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= staging.as_of_limit()
QUALIFY row_number() OVER (PARTITION BY r.jaar, r.onderwijssoort ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
