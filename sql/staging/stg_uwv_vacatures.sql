-- depends_on: staging.key_level_vintage
-- uwv_vacatures: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_uwv_vacatures AS
SELECT
    r.periode,
    r.arbeidsmarktregio,
    r.beroepsklasse,
    r.openstaande_vacatures,
    r.openstaande_vacatures_status,
    r.ww_korter_dan_half_jaar,
    r.ww_korter_dan_half_jaar_status,
    CAST(substr(r.periode,1,4) AS INTEGER) AS jaar,
    CAST(substr(r.periode,7,1) AS INTEGER) AS kwartaal,
    CAST(substr(r.periode,1,4) AS INTEGER) * 10 + CAST(substr(r.periode,7,1) AS INTEGER) AS periode_volgorde,
    last_day(make_date(CAST(substr(r.periode,1,4) AS INTEGER), CAST(substr(r.periode,7,1) AS INTEGER) * 3, 1)) AS kwartaal_einde,
    r.vintage,
    r.extract_id,
    r.line_number
FROM raw.uwv_vacatures AS r
JOIN meta.extracts AS e ON e.extract_id = r.extract_id
WHERE e.state = 'loaded'
  AND r.vintage <= staging.as_of_limit()
QUALIFY row_number() OVER (PARTITION BY r.periode, r.arbeidsmarktregio, r.beroepsklasse ORDER BY r.vintage DESC, r.extract_id DESC) = 1;
