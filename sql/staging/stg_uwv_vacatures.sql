-- depends_on: staging.vintage_in_force
-- uwv_vacatures: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_uwv_vacatures AS
WITH delivered AS (
    SELECT r.*, {'periode': r.periode, 'arbeidsmarktregio': r.arbeidsmarktregio, 'beroepsklasse': r.beroepsklasse} AS vintage_key
    FROM staging.loaded_rows('raw.uwv_vacatures') AS r
)
SELECT
    periode,
    arbeidsmarktregio,
    beroepsklasse,
    openstaande_vacatures,
    openstaande_vacatures_status,
    ww_korter_dan_half_jaar,
    ww_korter_dan_half_jaar_status,
    CAST(year(period_start) AS INTEGER) AS jaar,
    CAST(quarter(period_start) AS INTEGER) AS kwartaal,
    CAST(year(period_start) * 10 + quarter(period_start) AS INTEGER) AS periode_volgorde,
    period_end AS kwartaal_einde,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'quarter' AND pb.period = periode;
