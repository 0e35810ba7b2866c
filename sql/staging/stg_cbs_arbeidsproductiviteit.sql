-- depends_on: none
-- cbs_arbeidsproductiviteit: the vintage in force per year and industry. Only extracts that loaded
-- count, and only those published on or before the run's as-of date (unset means latest). A later
-- vintage revises a provisional year; both stay in raw.
CREATE OR REPLACE VIEW staging.stg_cbs_arbeidsproductiviteit AS
SELECT
    r.jaar,
    r.bedrijfstak,
    r.productiviteit_mutatie,
    r.productiviteit_mutatie_status,
    r.toegevoegde_waarde_mutatie,
    r.toegevoegde_waarde_mutatie_status,
    r.arbeidsvolume_mutatie,
    r.arbeidsvolume_mutatie_status,
    r.status,
    r.status IN ('voorlopig', 'nader_voorlopig') AS provisional,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.cbs_arbeidsproductiviteit AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= COALESCE(TRY_CAST(getvariable('as_of') AS DATE), DATE '9999-12-31')
QUALIFY row_number() OVER (PARTITION BY r.jaar, r.bedrijfstak ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
