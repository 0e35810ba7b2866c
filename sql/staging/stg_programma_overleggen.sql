-- depends_on: none
-- programma_overleggen: the vintage in force per meeting (date and type). A later vintage adds the
-- meetings held since and may correct earlier rows; only loaded extracts published on or before the
-- run's as-of date count.
CREATE OR REPLACE VIEW staging.stg_programma_overleggen AS
SELECT
    r.datum,
    r.overleg,
    r.genodigd,
    r.genodigd_status,
    r.aanwezig,
    r.aanwezig_status,
    year(r.datum) AS jaar,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.programma_overleggen AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
QUALIFY row_number() OVER (PARTITION BY r.datum, r.overleg ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
