-- depends_on: staging.vintage_in_force
-- programma_overleggen: the vintage in force per meeting (date and type). A later vintage adds the
-- meetings held since and may correct earlier rows; only loaded extracts published on or before the
-- run's as-of date count.
CREATE OR REPLACE VIEW staging.stg_programma_overleggen AS
WITH delivered AS (
    SELECT r.*, {'datum': r.datum, 'overleg': r.overleg} AS vintage_key
    FROM staging.loaded_rows('raw.programma_overleggen') AS r
)
SELECT
    datum,
    overleg,
    genodigd,
    genodigd_status,
    aanwezig,
    aanwezig_status,
    year(datum) AS jaar,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered);
