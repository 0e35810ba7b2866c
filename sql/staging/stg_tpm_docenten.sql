-- depends_on: staging.vintage_in_force
-- tpm_docenten: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_tpm_docenten AS
WITH delivered AS (
    SELECT r.*, {'jaar': r.jaar, 'onderwijssoort': r.onderwijssoort} AS vintage_key
    FROM staging.loaded_rows('raw.tpm_docenten') AS r
)
SELECT
    jaar,
    onderwijssoort,
    hybride_docenten,
    hybride_docenten_status,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'year' AND pb.period = CAST(jaar AS VARCHAR);
