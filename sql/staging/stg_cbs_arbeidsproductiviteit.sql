-- depends_on: staging.vintage_in_force
-- cbs_arbeidsproductiviteit: the vintage in force per year and industry. Only extracts that loaded
-- count, and only those published on or before the run's as-of date (unset means latest). A later
-- vintage revises a provisional year; both stay in raw.
CREATE OR REPLACE VIEW staging.stg_cbs_arbeidsproductiviteit AS
WITH delivered AS (
    SELECT r.*, {'jaar': r.jaar, 'bedrijfstak': r.bedrijfstak} AS vintage_key
    FROM staging.loaded_rows('raw.cbs_arbeidsproductiviteit') AS r
)
SELECT
    jaar,
    bedrijfstak,
    productiviteit_mutatie,
    productiviteit_mutatie_status,
    toegevoegde_waarde_mutatie,
    toegevoegde_waarde_mutatie_status,
    arbeidsvolume_mutatie,
    arbeidsvolume_mutatie_status,
    status,
    status IN ('voorlopig', 'nader_voorlopig') AS provisional,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'year' AND pb.period = CAST(jaar AS VARCHAR);
