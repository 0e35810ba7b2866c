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
    CAST(substr(periode,1,4) AS INTEGER) AS jaar,
    CAST(substr(periode,7,1) AS INTEGER) AS kwartaal,
    CAST(substr(periode,1,4) AS INTEGER) * 10 + CAST(substr(periode,7,1) AS INTEGER) AS periode_volgorde,
    last_day(make_date(CAST(substr(periode,1,4) AS INTEGER), CAST(substr(periode,7,1) AS INTEGER) * 3, 1)) AS kwartaal_einde,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered);
