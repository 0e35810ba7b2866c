-- depends_on: staging.vintage_in_force
-- roa_prognoses: the vintage in force per key. Only extracts that loaded count, and only those
-- published on or before the run's as-of date (SET VARIABLE as_of = DATE '...'; unset means latest).
CREATE OR REPLACE VIEW staging.stg_roa_prognoses AS
WITH delivered AS (
    SELECT r.*, {'prognoseperiode': r.prognoseperiode, 'beroepsklasse': r.beroepsklasse} AS vintage_key
    FROM staging.loaded_rows('raw.roa_prognoses') AS r
)
SELECT
    prognoseperiode,
    beroepsklasse,
    werkgelegenheid_begin,
    werkgelegenheid_begin_status,
    uitbreidingsvraag,
    uitbreidingsvraag_status,
    vervangingsvraag,
    vervangingsvraag_status,
    baanopeningen,
    baanopeningen_status,
    instroom_schoolverlaters,
    instroom_schoolverlaters_status,
    itkp,
    itkp_status,
    typering,
    typering_status,
    CAST(year(period_start) AS INTEGER) AS periode_begin,
    CAST(year(period_end) AS INTEGER) AS periode_eind,
    period_start,
    period_end,
    vintage,
    extract_id,
    line_number
FROM staging.latest_in_force(delivered)
LEFT JOIN meta.period_bounds AS pb ON pb.period_type = 'forecast_period' AND pb.period = prognoseperiode;
